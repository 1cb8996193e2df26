package org.flscale.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** flscale verify end to end on tiny sizes: --quick, JSON output, plots, --resume, user errors. */
class VerifyCommandTest {
  @TempDir Path tmp;

  private static String[] run(int expect, String... args) {
    return org.flscale.CliRun.expect(expect, args);
  }

  @Test
  void quickRunThenResume() throws Exception {
    Path dir = tmp.resolve("two");
    String[] r = run(0, "verify", "examples/two_layer_erf_he3.arch", "--quick", "--out", dir.toString(), "--format", "json", "--no-progress", "--predicted", "1");
    JsonNode j = new ObjectMapper().readTree(r[0]);
    assertEquals("two_layer_erf_he3", j.get("model").asText());
    assertEquals(1.0, j.get("predicted").asDouble());
    assertEquals(9, j.get("cells").asInt());
    assertEquals(3, j.get("thresholds").size());
    assertEquals("smoke run", j.get("verdict").asText(), "a quick run decides nothing");
    for (String png : List.of("alignment_vs_P.png", "collapse.png")) assertTrue(Files.size(dir.resolve(png)) > 1000, png);
    assertEquals(9, Files.readAllLines(dir.resolve("cells.jsonl")).size());
    // drop two finished cells, as if the run had been killed: --resume runs exactly those
    List<String> lines = Files.readAllLines(dir.resolve("cells.jsonl"));
    Files.write(dir.resolve("cells.jsonl"), lines.subList(0, 7));
    String[] again = run(0, "verify", "examples/two_layer_erf_he3.arch", "--quick", "--out", dir.toString(), "--format", "json", "--no-progress", "--resume", "--predicted", "1");
    JsonNode k = new ObjectMapper().readTree(again[0]);
    assertEquals(2, k.get("cells_run_now").asInt());
    assertEquals(9, k.get("cells").asInt());
  }

  @Test
  void threeLayerReluAndMeanField() throws Exception {
    Path arch = tmp.resolve("relu.arch");
    Files.writeString(arch, """
        model relu_three
        scale d
        scale N = d^1
        input x : gaussian(d)
        target y = He2(w . x)
        network {
          h1 = relu(W1 x) width N
          h2 = tanh(W2 h1) width N
          f = a . h2
        }
        parametrization mean_field
        ridge kappa = 1
        """);
    String[] r = run(0, "verify", arch.toString(), "--d", "6,12", "--ratios", "4,16", "--seeds", "2", "--time", "0.5",
        "--out", tmp.resolve("relu").toString(), "--format", "json", "--no-progress", "--no-plots");
    JsonNode j = new ObjectMapper().readTree(r[0]);
    assertEquals(16, j.get("cells").asInt()); // 2 d x 2 P x 2 seeds x 2 starts
    assertEquals(0, j.get("diverged").asInt());
    assertEquals("inconclusive", j.get("verdict").asText(), "two sizes cannot decide");
  }

  @Test
  void freeScaleNeedsSet() throws Exception {
    Path arch = tmp.resolve("free.arch");
    Files.writeString(arch, """
        model free
        scale d
        scale N
        input x : gaussian(d)
        target y = He3(w . x)
        network {
          h1 = erf(W1 x) width N
          f = a . h1
        }
        parametrization standard
        ridge kappa = 1
        """);
    String[] r = run(2, "verify", arch.toString(), "--quick", "--out", tmp.resolve("free").toString());
    assertTrue(r[1].contains("--set N=d^1"), r[1]);
    run(0, "verify", arch.toString(), "--set", "N=d^(1/2)", "--d", "9,16", "--ratios", "4", "--time", "0.2", "--seeds", "1",
        "--starts", "aligned", "--out", tmp.resolve("free").toString(), "--no-progress", "--no-plots");
  }

  @Test
  void activationAddedToTheRules() throws Exception {
    Path rules = tmp.resolve("rules");
    Files.createDirectories(rules);
    try (var files = Files.list(Path.of("rules"))) {
      for (Path f : files.toList()) Files.copy(f, rules.resolve(f.getFileName()));
    }
    Files.writeString(rules.resolve("zz_softsign.m"), "Activation[\"softsign\"] = Function[z, z/(1 + Abs[z])];\n");
    Path arch = tmp.resolve("soft.arch");
    Files.writeString(arch, Files.readString(Path.of("examples/two_layer_erf_he3.arch")).replace("erf(W1 x)", "softsign(W1 x)"));
    String[] r = run(0, "verify", arch.toString(), "--rules", rules.toString(), "--d", "6,12", "--ratios", "4", "--time", "0.3",
        "--out", tmp.resolve("soft").toString(), "--format", "json", "--no-progress", "--no-plots");
    JsonNode j = new ObjectMapper().readTree(r[0]);
    assertTrue(j.get("network").asText().contains("softsign"), j.get("network").asText());
    assertEquals(0, j.get("diverged").asInt());
  }

  @Test
  void userErrors() {
    run(2, "verify", "no/such/file.arch");
    run(2, "verify", "examples/two_layer_erf_he3.arch", "--mode", "sgd");
    run(2, "verify", "examples/two_layer_erf_he3.arch", "--predicted", "one");
  }
}
