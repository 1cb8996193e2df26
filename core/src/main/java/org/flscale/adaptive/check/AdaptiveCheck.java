package org.flscale.adaptive.check;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.flscale.adaptive.AdaptiveDerivation;
import org.flscale.adaptive.exact.ExactPosterior;
import org.flscale.adaptive.exact.LinearTask;
import org.flscale.progress.ProgressBar;

/**
 * The numeric check of the adaptive theory: MALA chains of the real network over widths N and
 * chi in {1, N^(1/2), N}, against the exact posterior by quadrature, and the N-slopes of the kernel
 * shift, the spike and tree level's error against the exponents the rules derive. Chains run in
 * parallel, each written to chains.jsonl as it ends (resumable); then summary.txt and the PNGs.
 */
public final class AdaptiveCheck {
  public record Options(Path dir, boolean quick, boolean resume, int threads, boolean progress, Integer dim, Integer samples) {
    public Options(Path dir, boolean quick, boolean resume, int threads, boolean progress) {
      this(dir, quick, resume, threads, progress, null, null);
    }
  }

  private AdaptiveCheck() {}

  public static String run(AdaptiveDerivation derivation, Options o, PrintStream err) {
    int d = o.dim() != null ? o.dim() : 16, p = o.samples() != null ? o.samples() : 8;
    return run(derivation, o.quick() ? CheckPlan.quick(d, p) : CheckPlan.full(d, p), o, err);
  }

  public static String run(AdaptiveDerivation derivation, CheckPlan plan, Options o, PrintStream err) {
    LinearTask task = LinearTask.draw(plan.dim(), plan.samples(), plan.tests(), plan.taskSeed());
    List<ChainRun> done;
    try (ChainLog log = new ChainLog(o.dir().resolve("chains.jsonl"), plan.key(), o.resume())) {
      done = new ArrayList<>(log.kept());
      Set<String> have = new HashSet<>();
      for (ChainRun r : done) have.add(id(r.chiPower(), r.width(), r.chain()));
      List<double[]> todo = new ArrayList<>();
      double cost = 0;
      for (double power : plan.chiPowers()) {
        for (int n : plan.widths()) {
          for (int c = 0; c < plan.chains(); c++) {
            if (have.contains(id(power, n, c))) continue;
            todo.add(new double[] {power, n, c});
            cost += plan.cost(n);
          }
        }
      }
      if (!done.isEmpty()) err.printf(Locale.ROOT, "resuming: %d chains kept, %d to run%n", done.size(), todo.size());
      ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, o.threads()));
      try (ProgressBar bar = new ProgressBar(o.progress() ? err : new PrintStream(PrintStream.nullOutputStream()), "chains", todo.size(), cost, 2)) {
        List<Future<ChainRun>> futures = new ArrayList<>();
        for (double[] t : todo) {
          futures.add(pool.submit(() -> {
            ChainRun r = ChainRun.run(plan, task, t[0], (int) t[1], (int) t[2]);
            log.append(r, plan.key());
            bar.done(plan.cost((int) t[1]));
            return r;
          }));
        }
        for (Future<ChainRun> f : futures) done.add(f.get());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      } catch (ExecutionException e) {
        if (e.getCause() instanceof RuntimeException re) throw re;
        throw new IllegalStateException(e.getCause());
      } finally {
        pool.shutdownNow();
      }
    }
    // the same order however the chains were split between runs, so a resumed run sums alike
    done.sort(java.util.Comparator.comparingDouble(ChainRun::chiPower).thenComparingInt(ChainRun::width).thenComparingInt(ChainRun::chain));
    List<CellResult> cells = new ArrayList<>();
    for (double power : plan.chiPowers()) {
      for (int n : plan.widths()) {
        List<ChainRun> runs = done.stream().filter(r -> r.chiPower() == power && r.width() == n).toList();
        ExactPosterior exact = new ExactPosterior(task, n, plan.chi(n, power), plan.kappa(n, power), 1, 1);
        cells.add(CellResult.of(power, n, exact.moments(), runs));
      }
    }
    CheckSummary summary = new CheckSummary(derivation, plan, task, cells, done);
    String text = summary.text();
    try {
      Files.writeString(o.dir().resolve("summary.txt"), text, StandardCharsets.UTF_8);
      Files.writeString(o.dir().resolve("summary.json"), summary.json().toPrettyString() + "\n", StandardCharsets.UTF_8);
      CheckPlots.write(o.dir(), plan, cells);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text;
  }

  private static String id(double power, int n, int chain) {
    return power + "/" + n + "/" + chain;
  }
}
