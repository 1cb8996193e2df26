package org.flscale.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** flscale verify on the conv and attention examples end to end, at sizes that take seconds; the one-term rule. */
class LayerKindVerifyTest {
  @TempDir Path tmp;

  private static String[] run(int expect, String... args) {
    return org.flscale.CliRun.expect(expect, args);
  }

  private static final List<String> VERDICTS = List.of("consistent", "inconsistent", "inconclusive");

  @Test
  void attentionTwoSeriesAndTheirCollapse() throws Exception {
    Path dir = tmp.resolve("att");
    // two heads at every d, as in the paper; L swept although the file ties it
    String[] r = run(0, "verify", "examples/attention_head.arch", "--set", "H=2", "--set", "L=d^(1/2)", "--set", "L=d^1", "--d", "4,9", "--ratios", "4,16",
        "--seeds", "1", "--time", "0.1", "--test-size", "200", "--bootstrap", "50", "--out", dir.toString(), "--format", "json", "--no-progress");
    JsonNode j = new ObjectMapper().readTree(r[0]);
    assertEquals(2, j.get("series").size());
    for (JsonNode s : j.get("series")) {
      assertEquals(8, s.get("cells").asInt()); // 2 d x 2 P x 2 starts
      assertEquals(0, s.get("diverged").asInt());
      assertTrue(s.get("predicted").isNumber(), "each series has the derivation's exponent: " + s.get("predicted_source"));
      assertTrue(s.get("predicted_source").asText().startsWith("derived"), s.get("predicted_source").asText());
      assertTrue(s.get("predicted_source").asText().contains("left free"), "the file ties L; --set sweeps it: " + s.get("predicted_source"));
      assertTrue(s.get("network").asText().contains("attention linear(heads H=2, tokens L="), s.get("network").asText());
      assertEquals("[2]", s.get("sizes").get("widths").get("9").toString(), "two heads");
    }
    assertEquals(1.75, j.get("series").get(0).get("predicted").asDouble(), 1e-12, "(H L d^3)^(1/2) at L = d^(1/2), H fixed");
    assertEquals(2.0, j.get("series").get(1).get("predicted").asDouble(), 1e-12, "(H L d^3)^(1/2) at L = d");
    JsonNode c = j.get("collapse");
    assertEquals(4, c.get("points").size());
    for (JsonNode p : c.get("points")) {
      assertTrue(p.get("predicted_pstar").asDouble() > 1, p.toString());
      assertTrue(p.get("sizes").has("L"), p.toString());
      assertEquals(2, p.get("sizes").get("H").asInt(), p.toString());
    }
    // P_pred is the closed form at the actual sizes: d = 4, L = 2, H = 2 gives (2 * 2 * 64)^(1/2) = 16
    assertEquals(16.0, c.get("points").get(0).get("predicted_pstar").asDouble(), 1e-9);
    assertEquals(1.0, c.get("predicted_slope").asDouble());
    assertTrue(VERDICTS.contains(j.get("verdict").asText()));
    assertTrue(Files.size(dir.resolve("collapse_all.png")) > 1000);
    assertTrue(Files.exists(dir.resolve("H=2,L=d^1_2").resolve("cells.jsonl")));
    assertTrue(Files.readString(dir.resolve("summary.txt")).contains("COLLAPSE"));
  }

  @Test
  void attentionAsTheFileTiesIt() throws Exception {
    String[] r = run(0, "verify", "examples/attention_head.arch", "--d", "4,9", "--ratios", "4", "--seeds", "1", "--starts", "aligned", "--time", "0.1",
        "--test-size", "100", "--bootstrap", "20", "--out", tmp.resolve("tied").toString(), "--format", "json", "--no-progress", "--no-plots");
    JsonNode j = new ObjectMapper().readTree(r[0]);
    assertEquals(1.75, j.get("predicted").asDouble(), 1e-12, j.get("predicted_source").asText());
    assertEquals("[1]", j.get("sizes").get("widths").get("9").toString(), "one head");
  }

  @Test
  void convOnSquareInputs() throws Exception {
    Path dir = tmp.resolve("cnn");
    String[] r = run(0, "verify", "examples/cnn_patches.arch", "--set", "N=d^1", "--d", "4,9,16", "--ratios", "4,16", "--seeds", "1",
        "--time", "0.2", "--test-size", "200", "--bootstrap", "50", "--out", dir.toString(), "--format", "json", "--no-progress", "--no-plots");
    JsonNode j = new ObjectMapper().readTree(r[0]);
    assertEquals(12, j.get("cells").asInt());
    assertEquals(0, j.get("diverged").asInt());
    assertTrue(j.get("network").asText().contains("conv erf"), j.get("network").asText());
    assertTrue(j.get("predicted").isNumber(), j.get("predicted_source").asText());
    assertTrue(VERDICTS.contains(j.get("verdict").asText()));
    assertEquals("[16]", j.get("sizes").get("widths").get("16").toString());
    assertTrue(Files.readString(dir.resolve("cells.jsonl")).contains("\"scales\":{\"p\":4,\"n\":4,\"N\":16}"));
  }

  @Test
  void convRejectsAnInputThatIsNotWholePatches() {
    String[] r = run(2, "verify", "examples/cnn_patches.arch", "--set", "N=d^1", "--d", "12", "--out", tmp.resolve("bad").toString());
    assertTrue(r[1].contains("patch"), r[1]);
  }

  @Test
  void severalTargetTermsAreRejectedInOneLine() throws Exception {
    Path arch = tmp.resolve("two.arch");
    Files.writeString(arch, Files.readString(Path.of("examples/two_layer_erf_he3.arch"))
        .replaceFirst("target y = He3\\(w \\. x\\)", "target y = He3(w . x) + He1(w . x)"));
    String[] r = run(2, "verify", arch.toString(), "--quick", "--out", tmp.resolve("two").toString());
    assertTrue(r[1].contains("one-term targets only"), r[1]);
    assertEquals(1, r[1].strip().lines().count(), r[1]);
    assertFalse(r[1].contains("Exception"), r[1]);
  }
}
