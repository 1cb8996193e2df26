import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.flscale.derive.Deriver;
import org.flscale.model.ArchModel;
import org.flscale.parse.ArchFileParser;
import org.flscale.rules.RuleBook;

/**
 * Warm throughput of the derivation, in one JVM: every file of a directory derived repeatedly after
 * a warm-up, the median per file; and the growth with depth (erf networks, widths d, He3), as a
 * ratio to the two-layer network measured in the same run.
 */
public class DeriveBench {
  /** A depth that takes longer than this ends the depth series. */
  static final long LIMIT_SECONDS = 120;

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args.length > 0 ? args[0] : "test-cases");
    int reps = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    RuleBook rules = RuleBook.load(Path.of("rules"));
    ArchFileParser parser = new ArchFileParser(rules.knownNames());
    Deriver deriver = new Deriver(rules);
    // the regression suite's derivation cases (not its invalid files, nor the dynamics blocks)
    List<Path> files = org.flscale.suite.RegressionSuite.derivations(dir);
    List<ArchModel> models = new ArrayList<>();
    for (Path f : files) models.add(parser.parse(f));
    for (ArchModel m : models) deriver.derive(m); // warm-up (JIT, Symja templates)
    double total = 0;
    List<Double> perFile = new ArrayList<>();
    System.out.printf("%-34s %10s%n", "file", "median ms");
    for (ArchModel m : models) {
      double[] t = new double[reps];
      for (int r = 0; r < reps; r++) {
        long t0 = System.nanoTime();
        deriver.derive(m);
        t[r] = (System.nanoTime() - t0) / 1e6;
      }
      Arrays.sort(t);
      double med = t[reps / 2];
      perFile.add(med);
      total += med;
      System.out.printf("%-34s %10.2f%n", m.name() + (m.allScalesTied() ? "" : " (free)"), med);
    }
    double[] sorted = perFile.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    System.out.printf("suite: %d files, %.1f ms in all, median %.2f ms per file%n", models.size(), total, sorted[sorted.length / 2]);

    System.out.printf("%n%-8s %10s %12s%n", "depth", "ms", "vs depth 1");
    double base = 0, previous = 0;
    int previousDepth = 0;
    int maxDepth = args.length > 2 ? Integer.parseInt(args[2]) : 32;
    for (int depth : new int[] {1, 2, 3, 4, 5, 6, 7, 8, 12, 16, 24, 32, 48, 64}) {
      if (depth > maxDepth) break;
      StringBuilder sb = new StringBuilder("model deep" + depth + "\nscale d\nscale N = d\ninput x : gaussian(d)\n"
          + "target y = He3(w . x)\nnetwork {\n");
      String prev = "x";
      for (int l = 1; l <= depth; l++) {
        sb.append("  h").append(l).append(" = erf(W").append(l).append(' ').append(prev).append(") width N\n");
        prev = "h" + l;
      }
      sb.append("  f = a . ").append(prev).append("\n}\n");
      ArchModel m = parser.parse(sb.toString(), "deep" + depth + ".arch");
      int n = 3;
      double best = Double.MAX_VALUE;
      try {
        for (int r = 0; r < n; r++) {
          long t0 = System.nanoTime();
          deriver.withTimeLimit(org.flscale.derive.TimeLimit.ofSeconds(LIMIT_SECONDS)).derive(m);
          best = Math.min(best, (System.nanoTime() - t0) / 1e6);
        }
      } catch (org.flscale.derive.TimeLimit.Exceeded e) {
        System.out.printf("%-8d %10s   (past the %d s limit: deeper networks are not tried)%n", depth, "> " + LIMIT_SECONDS * 1000, LIMIT_SECONDS);
        break;
      }
      if (depth == 1) base = best;
      System.out.printf("%-8d %10.1f %11.1fx%s%n", depth, best, best / base, depth > 1
          ? String.format("   (x%.2f over depth %d, x%.3f per added layer)", best / previous, previousDepth,
              Math.pow(best / previous, 1.0 / (depth - previousDepth)))
          : "");
      previous = best;
      previousDepth = depth;
    }
  }
}
