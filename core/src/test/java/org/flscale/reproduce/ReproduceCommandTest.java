package org.flscale.reproduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.flscale.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** flscale reproduce: the shipped presets read, a tiny width sweep runs, resumes and is analysed, mistakes are one line. */
class ReproduceCommandTest {
  @TempDir Path tmp;

  @Test
  void everyShippedPresetReadsAndNamesItsFiles() {
    var all = new Presets(Path.of("presets")).all();
    assertEquals(5, all.stream().filter(f -> f.name().startsWith("rubin2025/")).count());
    for (Presets.Found f : all) {
      Preset p = Preset.read(f.file());
      assertTrue(Files.isRegularFile(f.file().getParent().resolve(p.arch())), f.name() + ": " + p.arch());
      assertTrue(p.paper().exponent() != null && p.scaled() != null, f.name());
    }
    com.networknt.schema.JsonSchema schema;
    try (var in = Files.newInputStream(Path.of("presets/preset.schema.json"))) {
      schema = com.networknt.schema.JsonSchemaFactory.getInstance(com.networknt.schema.SpecVersion.VersionFlag.V202012).getSchema(in);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    for (Presets.Found f : all) {
      try {
        assertEquals(java.util.Set.of(), schema.validate(new com.fasterxml.jackson.databind.ObjectMapper().readTree(f.file().toFile())), f.name());
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    String out = CliRun.expect(0, "reproduce", "--list")[0];
    assertTrue(out.contains("rubin2025/two-layer-outliers") && out.contains("rubin2025/attention-collapse"), out);
  }

  @Test
  void aTinyWidthSweepRunsResumesAndIsAnalysed() throws Exception {
    Files.copy(Path.of("presets/rubin2025/three_layer_n1.arch"), tmp.resolve("three_layer_n1.arch"));
    Path preset = Files.writeString(tmp.resolve("tiny.json"), """
        {"order": 1, "title": "tiny", "arch": "three_layer_n1.arch", "scaled": "tiny",
         "paper": {"source": "a test", "claim": "a claim", "variable": "N1", "exponent": "1/3"},
         "width": {"scale": "N1", "values": [3, 6, 12], "d": 4, "ratio": 3, "kappa": 0.125, "seeds": 4, "starts": ["random"],
                   "time": 0.2, "test_size": 100, "probe": 50},
         "analysis": {"kind": "width", "observable": "outliers, specialised", "layer": 1, "parameter": "M1",
                      "pattern": "Spec-Mag, Spec-GFL", "fit_from": 0.5}}
        """);
    Path out = tmp.resolve("out");
    String[] first = CliRun.expect(0, "reproduce", preset.toString(), "--out", out.toString(), "--no-progress");
    assertTrue(first[0].contains("fit      outliers") && first[0].contains("Spec-GFL"), first[0]);
    Path cells = out.resolve("tiny/cells.jsonl");
    assertEquals(12, Files.readAllLines(cells).size());
    assertTrue(Files.exists(out.resolve("tiny/summary.json")) && Files.exists(out.resolve("tiny/count_vs_N1.png")));
    String[] again = CliRun.expect(0, "reproduce", preset.toString(), "--out", out.toString(), "--no-progress");
    assertTrue(again[1].contains("12 already done"), again[1]);
    assertEquals(12, Files.readAllLines(cells).size(), "nothing ran twice");
  }

  @Test
  void mistakesAreOneLine() throws Exception {
    String err = CliRun.expect(2, "reproduce", "nosuchpaper/x")[1];
    assertTrue(err.startsWith("error: no preset 'nosuchpaper/x'") && err.contains("rubin2025/two-layer-pstar"), err);
    Path bad = Files.writeString(tmp.resolve("bad.json"), "{\"title\": \"x\", \"colour\": 3}");
    err = CliRun.expect(2, "reproduce", bad.toString())[1];
    assertEquals(1, err.strip().lines().count(), err);
    assertTrue(err.contains("bad.json") && err.contains("colour"), err);
    assertFalse(err.contains("Exception"), err);
  }
}
