package org.flscale.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The edges of flscale verify: help, unwritable output, refused sizes, smoke runs, a wrong prediction refuted, snake_case JSON. */
class VerifyEdgesTest {
  @TempDir Path tmp;

  private static String[] run(int expect, String... args) {
    return org.flscale.CliRun.expect(expect, args);
  }

  /** A user error: exit 2, one line on stderr, no stack trace. */
  private static String refused(String... args) {
    String err = run(2, args)[1];
    assertEquals(1, err.strip().lines().count(), err);
    assertFalse(err.contains("Exception") || err.contains("\tat "), err);
    return err;
  }

  @Test
  void helpPrintsUsage() {
    for (String h : List.of("--help", "-h")) {
      String out = run(0, "verify", h)[0];
      assertTrue(out.contains("Usage: flscale verify") && out.contains("--set"), out);
    }
  }

  @Test
  void unwritableOutputIsOneLine() throws Exception {
    String err = refused("verify", "examples/two_layer_erf_he3.arch", "--quick", "--out", "/proc/x");
    assertTrue(err.startsWith("error: cannot create the directory /proc/x"), err);
    Path file = Files.writeString(tmp.resolve("a-file"), "");
    assertTrue(refused("verify", "examples/two_layer_erf_he3.arch", "--quick", "--out", file.toString()).contains("is a file, not a directory"));
  }

  @Test
  void sizesTooLargeToAllocateAreRefusedUpFront() throws Exception {
    Path arch = tmp.resolve("huge.arch");
    Files.writeString(arch, Files.readString(Path.of("examples/two_layer_erf_he3.arch")).replace("scale N = d^1", "scale N = d^(100000)"));
    Path out = tmp.resolve("huge");
    String err = refused("verify", arch.toString(), "--quick", "--out", out.toString());
    assertTrue(err.contains("N = d^100000") && err.contains("too large to allocate") && err.contains("d = 8"), err);
    assertFalse(Files.exists(out), "nothing was started");
    Path wide = tmp.resolve("wide.arch");
    Files.writeString(wide, Files.readString(Path.of("examples/two_layer_erf_he3.arch")).replace("scale N = d^1", "scale N = d^5"));
    err = refused("verify", wide.toString(), "--quick", "--out", out.toString());
    assertTrue(err.contains("GB of memory") && err.contains("N=1048576"), err); // d = 16: N = 16^5
  }

  @Test
  void sweepsThatWouldRunForYearsAreRefused() {
    String err = refused("verify", "examples/two_layer_erf_he3.arch", "--quick", "--time", "1e9", "--out", tmp.resolve("long").toString());
    assertTrue(err.contains("would take about") && err.contains("years") && err.contains("multiply-adds"), err);
  }

  @Test
  void badSetValuesSayHowToWriteThem() {
    for (String bad : List.of("N", "=d^1", "N=d^x", "N=d^1/0", "N=d^(1/2),e^1", "N=2^1", "H=0", "H=-2")) {
      String err = run(2, "verify", "examples/attention_head.arch", "--set", bad, "--out", tmp.resolve("bad").toString())[1];
      assertTrue(err.contains("--set") && (err.contains("SCALE=d^q") || err.contains("exponent") || err.contains("base")), bad + ": " + err);
      assertFalse(err.contains("Exception"), err);
    }
  }

  @Test
  void aQuickRunIsASmokeRunWhateverItsStarts() throws Exception {
    String[] r = run(0, "verify", "examples/two_layer_erf_he3.arch", "--quick", "--starts", "random,aligned", "--d", "6,9", "--ratios", "4,16",
        "--time", "0.2", "--test-size", "200", "--bootstrap", "50", "--out", tmp.resolve("smoke").toString(), "--format", "json", "--no-progress", "--no-plots");
    JsonNode j = new ObjectMapper().readTree(r[0]);
    assertEquals(ExponentFitter.SMOKE, j.get("verdict").asText());
    assertTrue(j.get("reason").asText().contains("decides nothing"), j.get("reason").asText());
    for (JsonNode t : j.get("thresholds")) assertEquals(ExponentFitter.SMOKE, t.get("verdict").asText());
  }

  /**
   * The default rules can refute: a linear target (P_* ~ d, lazily) at tiny sizes, four chains per
   * size, against the deliberately wrong exponent 3. Seeded, so the verdict is reproducible.
   */
  @Test
  void theDefaultRulesRefuteAWrongExponent() throws Exception {
    Path arch = tmp.resolve("he1.arch");
    Files.writeString(arch, Files.readString(Path.of("examples/two_layer_erf_he3.arch")).replace("He3(w . x)", "He1(w . x)"));
    String[] r = run(0, "verify", arch.toString(), "--kappa", "1", "--d", "8,16,32", "--ratios", "0.25,0.5,1,2,4,8", "--seeds", "2", "--time", "1",
        "--test-size", "500", "--predicted", "3", "--out", tmp.resolve("he1").toString(), "--format", "json", "--no-progress", "--no-plots");
    JsonNode j = new ObjectMapper().readTree(r[0]);
    assertEquals("inconsistent", j.get("verdict").asText(), j.get("reason").asText());
    assertTrue(j.get("interval").get(1).asDouble() < 3, j.get("interval").toString());
  }

  @Test
  void jsonKeysAreSnakeCase() throws Exception {
    Path dir = tmp.resolve("keys");
    String[] r = run(0, "verify", "examples/attention_head.arch", "--set", "L=d^(1/2),d^1", "--d", "4,9", "--ratios", "4", "--seeds", "1",
        "--time", "0.05", "--test-size", "100", "--bootstrap", "20", "--out", dir.toString(), "--format", "json", "--no-progress", "--no-plots");
    List<String> bad = new ArrayList<>();
    camelKeys(new ObjectMapper().readTree(r[0]), bad);
    for (String line : Files.readAllLines(dir.resolve("L=d^1").resolve("cells.jsonl"))) camelKeys(new ObjectMapper().readTree(line), bad);
    assertTrue(bad.isEmpty(), "camelCase keys: " + bad);
  }

  private static void camelKeys(JsonNode n, List<String> bad) {
    if (n.isArray()) for (JsonNode e : n) camelKeys(e, bad);
    if (!n.isObject()) return;
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (k.matches(".*[a-z][A-Z].*")) bad.add(k);
      camelKeys(n.get(k), bad);
    }
  }
}
