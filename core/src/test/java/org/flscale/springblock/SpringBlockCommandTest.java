package org.flscale.springblock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.flscale.CliRun;
import org.flscale.TestRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** flscale springblock end to end on a tiny sweep: figures, summary, resume, and one-line errors. */
class SpringBlockCommandTest {

  @Test
  void aTinySweepWritesItsFiguresAndSummary(@TempDir Path dir) throws Exception {
    String out = CliRun.expect(0, "springblock", "test-cases/springblock/tiny.sweep", "--out", dir.toString(), "--threads", "2",
        "--no-progress")[0];
    assertTrue(out.contains("max |x - x_closed| = "), out);
    assertTrue(out.contains("eps_* ~ mu;"), out);
    assertTrue(out.contains("12 runs stored (12 run now)"), out);
    for (String f : new String[] {"side-by-side.svg", "side-by-side.png", "chain-phase.svg", "mlp-curvature.png", "mlp-accuracy.svg",
        "mlp-load-curves.png", "summary.json", "mlp/cells.jsonl"}) {
      assertTrue(Files.size(dir.resolve(f)) > 0, f);
    }
    assertEquals(12, Files.readAllLines(dir.resolve("mlp/cells.jsonl")).size());
  }

  @Test
  void resumeSkipsTheFinishedRunsAndAFreshStartKeepsTheOldFile(@TempDir Path dir) throws Exception {
    SpringBlockSpec spec = SweepFile.read(Path.of("test-cases/springblock/tiny.sweep"));
    Path cells = dir.resolve("mlp/cells.jsonl");
    SpringBlockRun.run(spec, "tiny.sweep", TestRules.get(), new SpringBlockRun.Options(dir, false, 2, false, false), System.err);
    // a run killed while writing leaves a partial last line: it is dropped and that run repeated
    java.util.List<String> lines = Files.readAllLines(cells);
    Files.writeString(cells, String.join("\n", lines.subList(0, 11)) + "\n" + lines.get(11).substring(0, 40));
    String again = SpringBlockRun.run(spec, "tiny.sweep", TestRules.get(), new SpringBlockRun.Options(dir, true, 2, false, false), System.err);
    assertTrue(again.contains("12 runs stored (1 run now)"), again);
    String fresh = SpringBlockRun.run(spec, "tiny.sweep", TestRules.get(), new SpringBlockRun.Options(dir, false, 2, false, false), System.err);
    assertTrue(fresh.contains("12 runs stored (12 run now)"), fresh);
    try (var s = Files.list(dir.resolve("mlp"))) {
      assertEquals(1, s.filter(p -> p.getFileName().toString().endsWith(".jsonl.old")).count());
    }
  }

  @Test
  void mistakesAreOneLineWithExitStatusTwo(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("bad.sweep");
    Files.writeString(bad, "name = x\nmlp.width = wide\n");
    CliRun r = CliRun.run("springblock", bad.toString(), "--out", dir.toString());
    assertEquals(2, r.status());
    assertEquals(bad + ":2:13: error: 'mlp.width' must be a whole number, found 'wide'", r.err().strip());
    assertFalse(r.err().contains("Exception"));
    CliRun missing = CliRun.run("springblock", dir.resolve("none.sweep").toString());
    assertEquals(2, missing.status());
    assertEquals(1, missing.err().strip().lines().count(), missing.err());
  }
}
