package org.flscale.verify;

import org.flscale.progress.ProgressBar;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs the unfinished cells of a plan on a thread pool (independent chains in parallel, biggest
 * first), storing each result as soon as it is done. A chain that diverges is rerun with half the
 * step size, up to three times; the step factor actually used is recorded.
 */
public final class SweepRunner {
  private final ModelInstance model;
  private final SweepPlan plan;
  private final int threads;

  public SweepRunner(ModelInstance model, SweepPlan plan, int threads) {
    this.model = model;
    this.plan = plan;
    this.threads = threads;
  }

  /** Everything besides the cell that changes a chain's result: the store keeps records only under the same key. */
  public String settingsKey() {
    return plan.sampler().key() + " " + model.key() + " " + model.model().parametrization().name();
  }

  /** Runs what the store does not have yet; returns the number of cells run. */
  public int run(ResultStore store, PrintStream err, boolean progress) {
    List<Cell> todo = new ArrayList<>();
    for (Cell c : plan.cells()) if (!store.has(c.key())) todo.add(c);
    todo.sort(Comparator.comparingDouble((Cell c) -> -plan.cost(c, model)));
    double total = todo.stream().mapToDouble(c -> plan.cost(c, model)).sum();
    if (!model.threadSafe()) {
      err.println("  (an activation is evaluated by the rule engine, which is single-threaded: cells run one at a time)");
      try (ProgressBar bar = progress ? new ProgressBar(err, todo.size(), total) : null) {
        for (Cell c : todo) {
          store.append(runCell(c));
          if (bar != null) bar.done(plan.cost(c, model));
        }
      }
      return todo.size();
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
      Thread t = new Thread(r, "verify-cell");
      t.setDaemon(true);
      return t;
    });
    try (ProgressBar bar = progress ? new ProgressBar(err, todo.size(), total) : null) {
      List<Future<?>> futures = new ArrayList<>();
      for (Cell c : todo) {
        futures.add(pool.submit(() -> {
          store.append(runCell(c));
          if (bar != null) bar.done(plan.cost(c, model));
        }));
      }
      for (Future<?> f : futures) {
        try {
          f.get();
        } catch (ExecutionException e) {
          throw new IllegalStateException("a cell failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted", e);
        }
      }
    } finally {
      pool.shutdownNow();
    }
    return todo.size();
  }

  public CellRecord runCell(Cell c) {
    SamplerSettings s = plan.sampler();
    Trainable net = model.trainable(c.d(), c.p(), c.seed(), s.testSize());
    ChainResult r = null;
    for (int attempt = 0; attempt < 4; attempt++) {
      SplittableRandom rng = new SplittableRandom(SyntheticData.mix(c.seed() * 7919L + c.p(), c.d(), 10 + c.start().ordinal()));
      double[] theta = net.initialParameters(c.start(), rng);
      r = new LangevinSampler(s).run(net, theta, rng);
      if (!r.diverged()) break;
      s = s.withDtFactor(s.dtFactor() / 2);
    }
    List<Integer> widths = new ArrayList<>();
    for (int w : net.widths()) widths.add(w);
    List<Double> spec = new ArrayList<>();
    for (double v : r.specialised()) spec.add(v);
    return new CellRecord(model.name(), settingsKey(), c.d(), c.p(), c.ratio(), c.seed(), c.start().label, widths,
        r.alignment(), r.testMse(), spec, r.trainLoss(), r.steps(), r.dt(), r.dtFactor(), r.seconds(), r.diverged(), model.scaleSizes(c.d()),
        r.gradientEvaluations());
  }
}
