package org.flscale.verify;

import org.flscale.progress.ProgressBar;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Runs the unfinished cells of a plan on a {@link SweepEngine} (the local thread pool unless
 * --engine says otherwise), biggest first, storing each result as soon as it is done. A chain that
 * diverges is rerun with half the step size, up to three times; the step factor actually used is
 * recorded. A cell's result depends only on the model, the plan and the cell (its seed), so a cell
 * run twice (an engine's retry) gives the same record.
 */
public final class SweepRunner {
  private final ModelInstance model;
  private final SweepPlan plan;
  private final int threads;
  /** The series as text, for engines that rebuild the runner elsewhere; null when not known. */
  private final SweepJob job;

  public SweepRunner(ModelInstance model, SweepPlan plan, int threads) {
    this(model, plan, threads, null);
  }

  SweepRunner(ModelInstance model, SweepPlan plan, int threads, SweepJob job) {
    this.model = model;
    this.plan = plan;
    this.threads = threads;
    this.job = job;
  }

  /** Everything besides the cell that changes a chain's result: the store keeps records only under the same key. */
  public String settingsKey() {
    return plan.sampler().key() + " " + model.key() + " " + model.model().parametrization().name();
  }

  public ModelInstance model() {
    return model;
  }

  public SweepPlan plan() {
    return plan;
  }

  /** The series as text for an engine that ships it to other JVMs; null for a runner made without it. */
  public SweepJob job() {
    return job;
  }

  /** Runs what the store does not have yet on the local thread pool; returns the number of cells run. */
  public int run(ResultStore store, PrintStream err, boolean progress) {
    try (SweepEngine engine = new LocalSweepEngine(threads)) {
      return run(engine, store, err, progress);
    }
  }

  /** Runs what the store does not have yet on the engine; returns the number of cells run. */
  public int run(SweepEngine engine, ResultStore store, PrintStream err, boolean progress) {
    List<Cell> todo = new ArrayList<>();
    for (Cell c : plan.cells()) if (!store.has(c.key())) todo.add(c);
    todo.sort(Comparator.comparingDouble((Cell c) -> -plan.cost(c, model)));
    double total = todo.stream().mapToDouble(c -> plan.cost(c, model)).sum();
    if (!model.threadSafe() && engine instanceof LocalSweepEngine) {
      err.println("  (an activation is evaluated by the rule engine, which is single-threaded: cells run one at a time)");
    }
    Map<String, Double> costs = new HashMap<>();
    for (Cell c : todo) costs.put(c.key(), plan.cost(c, model));
    try (ProgressBar bar = progress ? new ProgressBar(err, todo.size(), total) : null) {
      engine.run(this, todo, r -> {
        store.append(r);
        if (bar != null) bar.done(costs.getOrDefault(r.key(), 0.0));
      });
    }
    return todo.size();
  }

  public CellRecord runCell(Cell c) {
    SamplerSettings s = plan.sampler();
    Trainable net = model.trainable(c.d(), c.p(), c.seed(), s.testSize(), s.precision());
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
