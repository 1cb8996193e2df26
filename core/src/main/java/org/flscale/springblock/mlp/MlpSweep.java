package org.flscale.springblock.mlp;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.flscale.progress.ProgressBar;

/**
 * The MLP's phase diagram as a set of independent runs (non-linearity x noise x seed), run on a
 * few worker threads; each finished run goes to the store at once, and runs the store has are skipped.
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
    // workers take the runs in list order, so an interrupted sweep lacks only the last runs
    AtomicInteger next = new AtomicInteger();
    AtomicReference<RuntimeException> failure = new AtomicReference<>();
    try (ProgressBar bar = progress ? new ProgressBar(err, "runs", todo.size(), todo.size(), 0) : null) {
      Runnable worker = () -> {
        for (int i = next.getAndIncrement(); i < todo.size() && failure.get() == null; i = next.getAndIncrement()) {
          Run r = todo.get(i);
          try {
            store.add(cell(r, MlpTrainer.run(task, settings, r.nonlinearity(), r.kind(), r.noise(), r.seed())));
          } catch (RuntimeException e) {
            failure.compareAndSet(null, e);
          }
          if (bar != null) bar.done(1);
        }
      };
      List<Thread> workers = new ArrayList<>();
      for (int t = 0; t < Math.max(1, Math.min(threads, todo.size())); t++) workers.add(new Thread(worker, "springblock-mlp-" + t));
      workers.forEach(Thread::start);
      for (Thread t : workers) t.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    if (failure.get() != null) throw failure.get();
    return todo.size();
  }

  private MlpCell cell(Run r, MlpTrainer.Outcome o) {
    List<Double> logD = new ArrayList<>();
    for (double x : o.logSeparation()) logD.add(x);
    return new MlpCell(r.key(), settingsKey, r.nonlinearity(), r.kind().label, r.noise(), r.seed(), logD, o.curvature(),
        o.nonUniformity(), o.trainAccuracy(), o.testAccuracy(), o.finalLoss(), o.seconds());
  }
}
