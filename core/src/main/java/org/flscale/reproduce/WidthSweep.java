package org.flscale.reproduce;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.flscale.math.Q;
import org.flscale.model.ArchModel;
import org.flscale.progress.ProgressBar;
import org.flscale.rules.RuleBook;
import org.flscale.verify.ChainResult;
import org.flscale.verify.ChainStart;
import org.flscale.verify.KindNetwork;
import org.flscale.verify.LangevinSampler;
import org.flscale.verify.ModelInstance;
import org.flscale.verify.NetworkShape;
import org.flscale.verify.SamplerSettings;
import org.flscale.verify.SyntheticData;
import org.flscale.verify.Trainable;

/**
 * A sweep of one hidden width at fixed d and P (the paper's "N growing" experiments): every
 * (width, seed, start) is one chain of the verifier's sampler on the file's dense network, with the
 * width fixed to its value ({@code --set N=640} in verify's terms) and the overlap observables taken
 * on every sample. Chains run in parallel, the most expensive first, each stored as it finishes; a
 * chain that diverges is rerun with half the step, up to three times, as the verifier does.
 */
final class WidthSweep {
  record Cell(int width, int seed, ChainStart start) {
    String key() {
      return width + "/" + seed + "/" + start.label;
    }
  }

  private final ArchModel model;
  private final RuleBook rules;
  private final String scale;
  private final List<Integer> widths;
  private final int d, p, seeds, probe;
  private final List<ChainStart> starts;
  private final SamplerSettings sampler;
  /** One instance per width, built on the calling thread: compiling the activations may use the rule engine, which is single-threaded. */
  private final Map<Integer, ModelInstance> instances = new java.util.TreeMap<>();

  WidthSweep(ArchModel model, RuleBook rules, String scale, List<Integer> widths, int d, int p, int seeds, List<ChainStart> starts,
      SamplerSettings sampler, int probe) {
    this.model = model;
    this.rules = rules;
    this.scale = scale;
    this.widths = widths;
    this.d = d;
    this.p = p;
    this.seeds = seeds;
    this.starts = starts;
    this.sampler = sampler;
    this.probe = probe;
    for (int w : widths) instances.put(w, new ModelInstance(model, rules, Map.of(scale, Q.ZERO), Map.of(scale, w)));
  }

  /** Everything besides the cell that changes a chain (the store keeps records only under the same key). */
  String settingsKey() {
    return sampler.key() + " d=" + d + " P=" + p + " probe=" + probe + " " + model.parametrization().name();
  }

  ModelInstance instance(int width) {
    return instances.get(width);
  }

  List<Cell> cells() {
    List<Cell> out = new ArrayList<>();
    for (int w : widths) for (int s = 1; s <= seeds; s++) for (ChainStart st : starts) out.add(new Cell(w, s, st));
    return out;
  }

  /** Multiply-adds of a chain (for the order and the progress bar). */
  double cost(Cell c) {
    double macs = instance(c.width()).macsPerSample(d);
    return sampler.steps(d, p) * 3.0 * p * macs;
  }

  int run(WidthStore store, PrintStream err, int threads, boolean progress) {
    List<Cell> todo = new ArrayList<>(cells().stream().filter(c -> !store.has(c.key())).toList());
    todo.sort(Comparator.comparingDouble((Cell c) -> -cost(c)));
    double total = todo.stream().mapToDouble(this::cost).sum();
    boolean threadSafe = instances.values().stream().allMatch(ModelInstance::threadSafe);
    ExecutorService pool = Executors.newFixedThreadPool(threadSafe ? Math.max(1, threads) : 1, r -> {
      Thread t = new Thread(r, "reproduce-cell");
      t.setDaemon(true);
      return t;
    });
    try (ProgressBar bar = progress ? new ProgressBar(err, todo.size(), total) : null) {
      List<Future<?>> futures = new ArrayList<>();
      for (Cell c : todo) {
        futures.add(pool.submit(() -> {
          store.append(runCell(c));
          if (bar != null) bar.done(cost(c));
        }));
      }
      for (Future<?> f : futures) {
        try {
          f.get();
        } catch (java.util.concurrent.ExecutionException e) {
          throw new IllegalStateException("a chain failed: " + e.getCause(), e.getCause());
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

  WidthRecord runCell(Cell c) {
    ModelInstance m = instance(c.width());
    KindNetwork<?, ?> net = m.network(d);
    NetworkShape shape = m.shape(d);
    double[] teacher = SyntheticData.teacher(d, c.seed());
    SamplerSettings s = sampler;
    ChainResult r = null;
    ObservingTrainable obs = null;
    OverlapObservables o = new OverlapObservables(shape, teacher, probe, c.seed());
    for (int attempt = 0; attempt < 4; attempt++) {
      Trainable plain = net.bind(p, s.testSize(), c.seed());
      obs = new ObservingTrainable(plain, o, shape.widths());
      SplittableRandom rng = new SplittableRandom(c.seed() * 1_000_003L + c.width() * 7919L + c.start().ordinal() * 104_729L + d);
      double[] theta = obs.initialParameters(c.start(), rng);
      r = new LangevinSampler(s).run(obs, theta, rng);
      if (!r.diverged()) break;
      s = s.withDtFactor(s.dtFactor() / 2);
    }
    OverlapObservables.Accumulator a = obs.accumulator;
    int depth = shape.depth();
    double n = Math.max(1, a.samples);
    List<Double> outliers = new ArrayList<>(), spec = new ArrayList<>(), mean = new ArrayList<>(), rms = new ArrayList<>();
    List<List<Double>> hist = new ArrayList<>();
    for (int l = 1; l <= depth; l++) {
      outliers.add(a.outliers[l] / n);
      spec.add((l == 1 ? a.specialised[l] : a.linearSpecialised[l]) / n);
      mean.add(a.meanAbsOverlap[l] / n);
      rms.add(o.priorRms(l));
      List<Double> hl = new ArrayList<>();
      for (double v : a.histogram[l]) hl.add(v / n);
      hist.add(hl);
    }
    List<Integer> w = new ArrayList<>();
    for (int x : shape.widths()) w.add(x);
    return new WidthRecord(model.name(), settingsKey(), scale, c.width(), d, p, c.seed(), c.start().label, w, r.alignment(), r.testMse(),
        r.trainLoss(), outliers, spec, mean, rms, hist, r.steps(), r.dt(), r.dtFactor(), r.seconds(), r.diverged());
  }
}
