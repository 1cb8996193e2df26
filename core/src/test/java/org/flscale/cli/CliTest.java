package org.flscale.cli;

import org.flscale.CliRun;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
  private static CliRun run(String... args) {
    return CliRun.run(args);
  }

  @Test
  void deriveJsonKeepsTheContract() throws Exception {
    CliRun r = run("derive", "examples/two_layer_erf_he3.arch", "--format", "json");
    assertEquals(0, r.status(), r.err());
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertEquals("two_layer_erf_he3", j.get("model").asText());
    assertTrue(j.get("pstar").get("learnable").asBoolean());
    assertEquals("1", j.get("pstar").get("exponent").asText());
    assertEquals("d", j.get("pstar").get("expression").asText());
    assertEquals("Spec", j.get("pstar").get("pattern").asText());
    JsonNode gp = j.get("patterns").get(0);
    assertEquals("GP", gp.get("pattern").asText());
    assertEquals("3", gp.get("exponent").asText());
    assertTrue(gp.has("energy") && gp.has("parameters"));
    JsonNode spec = j.get("patterns").get(1);
    assertEquals("Spec", spec.get("pattern").asText());
    assertEquals("1", spec.get("exponent").asText());
    assertTrue(spec.get("parameters").has("M1"));
  }

  @Test
  void freeScalesCarryRegions() throws Exception {
    CliRun r = run("derive", "examples/two_layer_free_width.arch", "--format", "json");
    assertEquals(0, r.status(), r.err());
    JsonNode p = new ObjectMapper().readTree(r.out()).get("pstar");
    assertFalse(p.has("exponent"));
    assertEquals(3, p.get("regions").size());
    for (JsonNode region : p.get("regions")) {
      assertTrue(region.has("when") && region.has("pattern") && region.has("expression"));
    }
  }

  @Test
  void textAndLatexFormats() {
    CliRun text = run("derive", "examples/two_layer_erf_he3.arch");
    assertEquals(0, text.status());
    assertTrue(text.out().contains("P*/kappa ~ d"), text.out());
    assertTrue(text.out().contains("E ~ M1 d + N/M1"), text.out());
    CliRun tex = run("derive", "examples/two_layer_erf_he3.arch", "--format", "latex");
    assertTrue(tex.out().contains("\\begin{align*}"), tex.out());
  }

  @Test
  void unlearnableTargetsSayWhy() throws Exception {
    CliRun r = run("derive", "test-cases/activations/erf_he2_unlearnable.arch", "--format", "json");
    assertEquals(0, r.status());
    JsonNode p = new ObjectMapper().readTree(r.out()).get("pstar");
    assertFalse(p.get("learnable").asBoolean());
    assertTrue(p.get("reason").asText().contains("degree 2"));
  }

  @Test
  void userMistakesExitWithStatusTwoAndNoStackTrace(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("bad.arch");
    Files.writeString(bad, "model m\nscale d\ninput x : gaussian(d)\ntarget y = He3(w . x)\nnetwork {\n  h1 = swish(W1 x) width d\n  f = a . h1\n}\n");
    CliRun r = run("derive", bad.toString());
    assertEquals(2, r.status());
    assertEquals(bad + ":6:8: error: unknown activation 'swish'; known activations: erf, linear, quadratic, relu, tanh "
        + "(add one in rules/activations.m)", r.err().trim());
    assertTrue(r.out().isEmpty(), "no partial output");
    assertFalse(r.err().contains("at org."), "no stack trace");
    CliRun missing = run("derive", dir.resolve("nope.arch").toString());
    assertEquals(2, missing.status());
    assertTrue(missing.err().contains("no such file"));
    CliRun badOption = run("derive", "--format", "yaml", "examples/two_layer_erf_he3.arch");
    assertEquals(2, badOption.status());
  }

  @Test
  void oneBadFileStopsTheWholeRunBeforeAnyResult(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("bad.arch");
    Files.writeString(bad, "model m\nscale d\nscale N = q^2\n");
    CliRun r = run("derive", "examples/two_layer_erf_he3.arch", bad.toString());
    assertEquals(2, r.status());
    assertTrue(r.out().isEmpty());
  }

  @Test
  void theRegressionSuitePasses() {
    CliRun r = run("test", "test-cases");
    assertEquals(0, r.status(), r.out());
    assertTrue(r.out().contains(" passed, 0 failed"), r.out());
  }

  @Test
  void theSuiteShowsADiffOnMismatch(@TempDir Path dir) throws Exception {
    Files.copy(Path.of("examples/two_layer_erf_he3.arch"), dir.resolve("c.arch"));
    Files.writeString(dir.resolve("c.expected.json"), "{\"pstar\": {\"exponent\": \"2\", \"pattern\": \"Spec\"}}");
    CliRun r = run("test", dir.toString());
    assertEquals(1, r.status());
    assertTrue(r.out().contains("pstar.exponent: expected \"2\", got \"1\""), r.out());
    assertTrue(r.out().contains("0 passed, 1 failed"), r.out());
  }

  @Test
  void phaseDiagramIsWrittenAsSvgAndPng(@TempDir Path dir) throws Exception {
    CliRun r = run("phase", "examples/three_layer_erf_he3.arch", "--out", dir.toString());
    assertEquals(0, r.status(), r.err());
    Path svg = dir.resolve("phase-three_layer_erf_he3.svg"), png = dir.resolve("phase-three_layer_erf_he3.png");
    String text = Files.readString(svg);
    assertTrue(text.contains("<svg") && text.contains("GP-Spec") && text.contains("(N2 d)^(1/2)"), "labels in the SVG");
    java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(png.toFile());
    assertEquals(900, img.getWidth());
    CliRun wrong = run("phase", "examples/two_layer_erf_he3.arch", "--out", dir.toString());
    assertEquals(2, wrong.status());
    assertTrue(wrong.err().contains("one or two free scales"), wrong.err());
  }

  @Test
  void oneFreeScaleGivesAPhaseLine(@TempDir Path dir) throws Exception {
    CliRun r = run("phase", "test-cases/layers/attention/attention_head_free_context.arch", "--out", dir.toString());
    assertEquals(0, r.status(), r.err());
    String text = Files.readString(dir.resolve("phase-attention_head_free_context.svg"));
    assertTrue(text.contains("(L d^3)^(1/2)") && text.contains("L = d") && text.contains("Spec"), "labels in the SVG");
    assertTrue(Files.size(dir.resolve("phase-attention_head_free_context.png")) > 1000);
  }

  @Test
  // depth 6 derives in well under a second; deriving every one of its 4096 assignments does not
  void aDerivationPastItsTimeLimitStopsWithAMessage(@TempDir Path dir) throws Exception {
    StringBuilder net = new StringBuilder();
    String prev = "x";
    for (int l = 1; l <= 6; l++) {
      net.append("  h").append(l).append(" = erf(W").append(l).append(' ').append(prev).append(") width N\n");
      prev = "h" + l;
    }
    Path f = dir.resolve("deep.arch");
    Files.writeString(f, "model deep\nscale d\nscale N = d\ninput x : gaussian(d)\ntarget y = He3(w . x)\nnetwork {\n" + net
        + "  f = a . " + prev + "\n}\n");
    CliRun r = run("derive", f.toString(), "--all", "--time-limit", "1");
    assertEquals(3, r.status(), r.err());
    assertTrue(r.err().contains("stopped at its time limit of 1 s") && r.err().contains("raise --time-limit"), r.err());
    assertFalse(r.err().contains("Exception"), r.err());
  }

  @Test
  // four free widths: the comparison over them (the region solver) is what runs long, and the limit reaches inside it
  void theTimeLimitStopsTheComparisonOverFreeScalesToo(@TempDir Path dir) throws Exception {
    StringBuilder net = new StringBuilder();
    String prev = "x";
    for (int l = 1; l <= 4; l++) {
      net.append("  h").append(l).append(" = erf(W").append(l).append(' ').append(prev).append(") width N").append(l).append('\n');
      prev = "h" + l;
    }
    Path f = dir.resolve("deep_free.arch");
    Files.writeString(f, "model deep_free\nscale d\nscale N1\nscale N2\nscale N3\nscale N4\ninput x : gaussian(d)\ntarget y = He3(w . x)\nnetwork {\n"
        + net + "  f = a . " + prev + "\n}\n");
    CliRun r = run("derive", f.toString(), "--time-limit", "2");
    assertEquals(3, r.status(), r.err());
    assertTrue(r.err().contains("stopped at its time limit of 2 s") && r.err().contains("free scales [N1, N2, N3, N4]"), r.err());
  }

  @Test
  void aBadOptionValueIsOneLineAndWhereToLook() {
    CliRun r = run("derive", "examples/two_layer_erf_he3.arch", "--format", "xml");
    assertEquals(2, r.status());
    assertEquals(2, r.err().strip().lines().count(), r.err());
    assertTrue(r.err().contains("--format") && r.err().contains("flscale derive --help"), r.err());
  }
}
