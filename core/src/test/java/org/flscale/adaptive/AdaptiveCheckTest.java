package org.flscale.adaptive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.flscale.adaptive.check.AdaptiveCheck;
import org.flscale.adaptive.check.CheckPlan;
import org.flscale.adaptive.exact.ExactPosterior;
import org.flscale.adaptive.exact.LinearTask;
import org.flscale.adaptive.sample.LinearNetworkSampler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sampler against the exact posterior at tiny sizes, and the check end to end (seconds), resumed. */
class AdaptiveCheckTest {
  @Test
  void malaSamplesTheExactPosterior() {
    LinearTask task = LinearTask.draw(4, 3, 2, 21);
    int n = 6;
    double chi = 6, kappa = 0.3 / chi;
    ExactPosterior.Moments exact = new ExactPosterior(task, n, chi, kappa, 1, 1).moments();
    double[] means = new double[4];
    double[] spikes = new double[4];
    for (int c = 0; c < 4; c++) {
      LinearNetworkSampler s = new LinearNetworkSampler(task, n, chi, kappa, 1, 1, 0.05, 100 + c);
      for (int i = 0; i < 5000; i++) s.step();
      double q = 0, sp = 0;
      int k = 0;
      for (int i = 0; i < 200_000; i++) {
        s.step();
        if (i % 5 == 0) {
          q += s.kernelScale();
          sp += s.spike();
          k++;
        }
      }
      means[c] = q / k;
      spikes[c] = sp / k;
      assertTrue(s.acceptance() > 0.2, "acceptance " + s.acceptance());
    }
    double m = java.util.Arrays.stream(means).average().orElseThrow();
    double sp = java.util.Arrays.stream(spikes).average().orElseThrow();
    assertEquals(exact.meanQ(), m, 0.03 * exact.meanQ(), java.util.Arrays.toString(means));
    assertEquals(exact.spike(), sp, 0.1 * Math.abs(exact.spike()) + 0.05, java.util.Arrays.toString(spikes));
  }

  @Test
  void checkRunsEndToEndAndResumes(@TempDir Path dir) throws Exception {
    var rules = org.flscale.TestRules.get();
    var model = new org.flscale.parse.ArchFileParser(rules.knownNames()).parse(Files.readString(Path.of("examples/adaptive_linear.arch")), "adaptive_linear.arch");
    AdaptiveDerivation d = AdaptiveDerivation.of(model, AdaptiveBalance.derive(rules));
    PrintStream quiet = new PrintStream(PrintStream.nullOutputStream());
    AdaptiveCheck.Options o = new AdaptiveCheck.Options(dir, false, false, 2, false);
    String first = AdaptiveCheck.run(d, CheckPlan.tiny(), o, quiet);
    assertTrue(first.contains("coverage of the exact values"), first);
    String json = Files.readString(dir.resolve("summary.json"));
    for (String f : List.of("chains.jsonl", "summary.txt", "summary.json", "adaptive-q.png", "adaptive-spike.png", "adaptive-tree-level.png")) {
      assertTrue(Files.size(dir.resolve(f)) > 0, f);
    }
    List<String> lines = Files.readAllLines(dir.resolve("chains.jsonl"));
    // a kill mid-write: the last line cut short; --resume keeps the whole lines and reruns only the lost chain
    Files.write(dir.resolve("chains.jsonl"), lines.subList(0, lines.size() - 1));
    Files.writeString(dir.resolve("chains.jsonl"), lines.get(lines.size() - 1).substring(0, 20), java.nio.file.StandardOpenOption.APPEND);
    AdaptiveCheck.run(d, CheckPlan.tiny(), new AdaptiveCheck.Options(dir, false, true, 2, false), quiet);
    assertEquals(lines.size(), Files.readAllLines(dir.resolve("chains.jsonl")).size());
    assertEquals(json, Files.readString(dir.resolve("summary.json")), "a resumed run reproduces the same chains");
  }
}
