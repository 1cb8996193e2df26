package org.flscale.springblock.mlp;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.flscale.report.ProgressBar;

/**
 * The MLP's phase diagram as a set of independent runs (non-linearity x noise x seed), run on a
 * thread pool; each finished run goes to the store at once, and runs the store has are skipped.
 */
public final class MlpSweep {
  /** One run to do. */
  public record Run(double nonlinearity, NoiseKind kind, double noise, int seed) {
    String key() {
      return MlpCell.key(nonlinearity, kind, noise, seed);
    }
  }

  private final MixtureTask.Spec task;
  private final MlpTrainer.Settings settings;
  private final String settingsKey;

  public MlpSweep(MixtureTask.Spec task, MlpTrainer.Settings settings, String settingsKey) {
    this.task = task;
    this.settings = settings;
    this.settingsKey = settingsKey;
  }

  /** Runs what the store lacks; returns how many runs were done. */
  public int run(List<Run> runs, CellStore store, int threads, PrintStream err, boolean progress) {
    List<Run> todo = new ArrayList<>();
    for (Run r : runs) if (!store.has(r.key())) todo.add(r);
    if (todo.isEmpty()) return 0;
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), job -> {
      Thread t = new Thread(job, "springblock-mlp");
      t.setDaemon(true);
      return t;
    });
    try (ProgressBar bar = progress ? new ProgressBar(err, "runs", todo.size(), todo.size(), 0) : null) {
      List<Future<?>> futures = new ArrayList<>();
      for (Run r : todo) {
        futures.add(pool.submit(() -> {
          store.add(cell(r, MlpTrainer.run(task, settings, r.nonlinearity(), r.kind(), r.noise(), r.seed())));
          if (bar != null) bar.done(1);
        }));
      }
      for (Future<?> f : futures) f.get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("an MLP run failed: " + e.getCause(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } finally {
      pool.shutdownNow();
    }
    return todo.size();
  }

  private MlpCell cell(Run r, MlpTrainer.Outcome o) {
    List<Double> logD = new ArrayList<>();
    for (double x : o.logSeparation()) logD.add(x);
    return new MlpCell(r.key(), settingsKey, r.nonlinearity(), r.kind().label, r.noise(), r.seed(), logD, o.curvature(),
        o.nonUniformity(), o.trainAccuracy(), o.testAccuracy(), o.finalLoss(), o.seconds());
  }
}
