package org.flscale.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --precision: a tiny fp32 run end to end, its resume key apart from fp64's, and the one-line refusals. */
class PrecisionOptionTest {
  @TempDir Path tmp;

  private static final String[] TINY = {"--quick", "--d", "6,9", "--ratios", "4,16", "--test-size", "200", "--bootstrap", "50",
      "--format", "json", "--no-progress", "--no-plots"};

  private static String[] verify(int expect, Path out, String... more) {
    String[] args = new String[3 + TINY.length + more.length + 2];
    args[0] = "verify";
    args[1] = "examples/two_layer_erf_he3.arch";
    args[2] = "--out";
    args[3] = out.toString();
    System.arraycopy(TINY, 0, args, 4, TINY.length);
    System.arraycopy(more, 0, args, 4 + TINY.length, more.length);
    return org.flscale.CliRun.expect(expect, java.util.Arrays.copyOf(args, 4 + TINY.length + more.length));
  }

  @Test
  void fp32RunsEndToEndAndResumesOnlyItsOwnCells() throws Exception {
    Path out = tmp.resolve("fp32");
    JsonNode j = new ObjectMapper().readTree(verify(0, out, "--precision", "fp32")[0]);
    assertEquals("fp32", j.get("sampler").get("precision").asText());
    assertEquals(0, j.get("diverged").asInt());
    int cells = j.get("cells").asInt();
    for (String line : Files.readAllLines(out.resolve("cells.jsonl"))) {
      JsonNode c = new ObjectMapper().readTree(line);
      assertTrue(c.get("settings").asText().contains(" prec=fp32"), c.get("settings").asText());
      double a = c.get("alignment").asDouble();
      assertTrue(a > -1 && a <= 1, line);
    }
    JsonNode again = new ObjectMapper().readTree(verify(0, out, "--precision", "fp32", "--resume")[0]);
    assertEquals(0, again.get("cells_run_now").asInt());
    JsonNode fp64 = new ObjectMapper().readTree(verify(0, out, "--resume")[0]);
    assertEquals("fp64", fp64.get("sampler").get("precision").asText());
    assertEquals(cells, fp64.get("cells_run_now").asInt(), "fp64 never takes fp32's cells");
  }

  @Test
  void mistakesAreOneLine() {
    String o = tmp.resolve("x").toString();
    String bad = org.flscale.CliRun.expect(2, "verify", "examples/two_layer_erf_he3.arch", "--quick", "--precision", "fp16", "--out", o)[1];
    assertTrue(bad.contains("'fp16' is not one of fp64, fp32"), bad);
    String conv = org.flscale.CliRun.expect(2, "verify", "examples/cnn_patches.arch", "--set", "N=d^1", "--quick", "--precision", "fp32", "--out", o)[1];
    assertEquals(1, conv.strip().lines().count(), conv);
    assertFalse(conv.contains("Exception") || conv.contains("\tat "), conv);
    assertTrue(conv.contains("--precision fp32 runs the dense kind only, not conv"), conv);
  }

  @Test
  void fp64KeepsItsResumeKey() {
    SamplerSettings s = new SamplerSettings(SamplerSettings.Mode.LANGEVIN, 0.1, 0.1, 3, 0.5, 100, 2000, 0.8);
    assertEquals(Precision.FP64, s.precision());
    assertEquals("langevin k=0.100000 c=0.100000 T=3.00000 burn=0.500000 s=100 test=2000 spec=0.800000", s.key());
    assertTrue(s.withPrecision(Precision.FP32).key().endsWith(" prec=fp32"));
    SamplerSettings b = s.withIntegrator(Integrator.BAOAB).withPrecision(Precision.FP32);
    assertTrue(b.key().endsWith(" int=baoab gamma=2.00000 prec=fp32"), b.key());
    assertEquals(Precision.FP32, b.withDtFactor(0.2).withFriction(1).precision(), "the other withers keep the precision");
  }
}
