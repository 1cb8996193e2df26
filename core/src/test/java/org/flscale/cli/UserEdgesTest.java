package org.flscale.cli;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.flscale.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a new user meets at the edges of the command line: one clear line and exit 2, never a stack trace. */
class UserEdgesTest {
  private static final String EXAMPLE = "examples/two_layer_erf_he3.arch";

  private static void assertOneCleanLine(CliRun r, String expected) {
    assertEquals(Main.USER_ERROR, r.status(), r.err());
    assertFalse(r.err().contains("\tat ") || r.err().contains("Exception"), "no stack trace: " + r.err());
    assertTrue(r.err().contains(expected), r.err());
  }

  @Test
  void outputPathsThatCannotBeWrittenSaySoInOneLine(@TempDir Path dir) {
    assertOneCleanLine(CliRun.run("report", EXAMPLE, "--out", dir.resolve("missing/r.html").toString()),
        "error: cannot write " + dir.resolve("missing/r.html") + ": the directory " + dir.resolve("missing") + " does not exist");
    assertOneCleanLine(CliRun.run("report", EXAMPLE, "--out", dir.toString()), "is a directory; name a file");
    assertOneCleanLine(CliRun.run("phase", "examples/two_layer_free_width.arch", "--out", "/proc/x"),
        "error: cannot create the directory /proc/x");
  }

  @Test
  void everyCommandTakesHelpAndNoCommandPrintsUsage() {
    for (String command : new String[] {"derive", "check", "test", "verify", "phase", "report"}) {
      for (String help : new String[] {"--help", "-h"}) {
        CliRun r = CliRun.run(command, help);
        assertEquals(0, r.status(), command + " " + help + ": " + r.err());
        assertTrue(r.out().contains("Usage: flscale " + command), command + " " + help + ": " + r.out());
      }
    }
    CliRun none = CliRun.run();
    assertEquals(Main.USER_ERROR, none.status());
    assertTrue(none.err().contains("Usage: flscale"), none.err());
  }

  @Test
  void deriveReadsStandardInputAndWarnsOfUnusedScales() throws Exception {
    String text = Files.readString(Path.of(EXAMPLE)).replace("scale N = d^1", "scale N = d^1\nscale unused = d^2");
    InputStream old = System.in;
    try {
      System.setIn(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
      CliRun r = CliRun.run("derive", "-");
      assertEquals(0, r.status(), r.err());
      assertTrue(r.out().contains("(<stdin>)") && r.out().contains("=> P*/kappa ~ d"), r.out());
      assertTrue(r.err().contains("<stdin>:6:7: warning: scale 'unused' is declared but never used"), r.err());
    } finally {
      System.setIn(old);
    }
  }

  @Test
  void checkValidatesWithoutDeriving(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("bad.arch");
    Files.writeString(bad, "model m\nscale d\nscale N = q^2\n");
    CliRun r = CliRun.run("check", EXAMPLE, bad.toString());
    assertEquals(Main.USER_ERROR, r.status());
    assertEquals("ok " + EXAMPLE, r.out().trim());
    assertEquals(bad + ":3:11: error: undeclared scale 'q'; declared scales: d", r.err().trim());
    assertEquals(0, CliRun.run("check", EXAMPLE).status());
  }

  @Test
  void jsonGivesAnErrorObjectPerBadFileAndDerivesTheOthers(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("bad.arch");
    Files.writeString(bad, "model m\nscale d\nscale N = q^2\n");
    CliRun r = CliRun.run("derive", "--format", "json", bad.toString(), EXAMPLE, dir.resolve("none.arch").toString());
    assertEquals(Main.USER_ERROR, r.status(), "the status still says something failed");
    JsonNode all = new ObjectMapper().readTree(r.out());
    assertEquals(3, all.size());
    JsonNode e = all.get(0).get("error");
    assertEquals(bad.toString(), e.get("file").asText());
    assertEquals(3, e.get("line").asInt());
    assertEquals(11, e.get("column").asInt());
    assertEquals("undeclared scale 'q'; declared scales: d", e.get("message").asText());
    assertEquals("d", all.get(1).get("pstar").get("expression").asText());
    assertTrue(all.get(2).get("error").get("message").asText().startsWith("no such file"));
  }

  @Test
  void testUpdateRewritesExpectedErrorsToo(@TempDir Path dir) throws Exception {
    Path invalid = Files.createDirectories(dir.resolve("invalid"));
    Files.copy(Path.of("test-cases/invalid/unknown_statement.arch"), invalid.resolve("unknown_statement.arch"));
    Files.writeString(invalid.resolve("unknown_statement.expected-error"), "1:1: error: stale\n");
    CliRun r = CliRun.run("test", dir.toString(), "--update");
    assertEquals(0, r.status(), r.out() + r.err());
    assertTrue(r.out().contains("wrote invalid/unknown_statement.expected-error"), r.out());
    assertEquals(Files.readString(Path.of("test-cases/invalid/unknown_statement.expected-error")),
        Files.readString(invalid.resolve("unknown_statement.expected-error")));
  }

  @Test
  void testOutsideTheCheckoutFindsTheInstallationsCases(@TempDir Path elsewhere) {
    Path checkout = Path.of("").toAbsolutePath();
    assertEquals(checkout.resolve("test-cases"), TestCommand.defaultDirectory(elsewhere, checkout.toString()));
    UserError e = assertThrows(UserError.class, () -> TestCommand.defaultDirectory(elsewhere, null));
    assertEquals("no test-cases/ here; pass the directory, e.g. 'flscale test /path/to/flscale/test-cases'", e.getMessage());
  }
}
