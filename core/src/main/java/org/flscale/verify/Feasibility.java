package org.flscale.verify;

import java.util.List;
import java.util.Locale;

/**
 * What a sweep will cost, known before it starts from the cost model ({@link SweepPlan#cost}:
 * multiply-adds of a chain) and each kind's memory per sample: sizes that cannot be allocated, or
 * that would run for more than a month, are refused with the size and the estimate instead of
 * failing (or running) later.
 */
final class Feasibility {
  /**
   * Cost units per second on one thread: a two-layer erf chain at d = 32, P = 512 runs its 8.8e9
   * units in about 1.5 s (docs/verify.md). Other kinds and sizes differ by a small factor; the
   * estimate is for refusing the absurd and telling the user the order of magnitude.
   */
  static final double UNITS_PER_SECOND = 5e9;
  static final double REFUSE_SECONDS = 30 * 86400.0;
  /** Doubles per parameter held by a chain: theta, its gradient, the running mean and the sampler's copies. */
  private static final int PARAMETER_COPIES = 6;

  /** The fewest sizes a cost cap leaves of a ladder: a fit needs three that cross, and one more is its margin. */
  static final int KEPT_SIZES = 4;

  private Feasibility() {}

  /**
   * The plan's d ladder up to the largest d at which the whole sweep (every series) still costs at
   * most {@code cap} units; its smallest {@link #KEPT_SIZES} sizes are always kept.
   */
  static SweepPlan affordable(List<ModelInstance> instances, SweepPlan plan, double cap) {
    List<Integer> dims = new java.util.ArrayList<>(plan.dims());
    SweepPlan kept = plan;
    while (dims.size() > KEPT_SIZES && units(instances, kept.cells(), kept) > cap) {
      dims.remove(dims.size() - 1);
      kept = plan.with(List.copyOf(dims), null, null, null, null);
    }
    return kept;
  }

  private static double units(List<ModelInstance> instances, List<Cell> cells, SweepPlan plan) {
    double units = 0;
    for (ModelInstance m : instances) for (Cell c : cells) units += plan.cost(c, m);
    return units;
  }

  /** Throws a {@link VerifyException} naming the size and the estimate when the sweep cannot or should not run. */
  static void check(List<ModelInstance> instances, List<String> labels, SweepPlan plan, int threads) {
    for (int i = 0; i < instances.size(); i++) {
      for (int d : plan.dims()) {
        String problem = instances.get(i).sizeProblem(d);
        if (problem != null) throw new VerifyException(where(labels.get(i)) + problem);
      }
    }
    long heap = Runtime.getRuntime().maxMemory();
    for (int i = 0; i < instances.size(); i++) {
      ModelInstance m = instances.get(i);
      Cell biggest = plan.cells().stream().max(java.util.Comparator.comparingDouble((Cell c) -> bytes(m, c, plan))).orElseThrow();
      double one = bytes(m, biggest, plan);
      int parallel = Math.min(threads, plan.cells().size());
      if (one * parallel > heap) {
        String at = where(labels.get(i)) + "a chain at " + sizes(m, biggest);
        if (one > heap) throw new VerifyException(String.format(Locale.ROOT, "%s needs about %s of memory; the Java heap has %s (use a smaller --d or --ratios)", at, gb(one), gb(heap)));
        throw new VerifyException(String.format(Locale.ROOT, "%s needs about %s of memory, %d in parallel %s; the Java heap has %s (use --threads %d)",
            at, gb(one), parallel, gb(one * parallel), gb(heap), Math.max(1, (int) (heap / one))));
      }
    }
    double seconds = seconds(instances, plan.cells(), plan, threads);
    if (seconds > REFUSE_SECONDS) {
      ModelInstance m = instances.stream().max(java.util.Comparator.comparingDouble((ModelInstance x) -> plan.cost(largest(x, plan), x))).orElseThrow();
      Cell biggest = largest(m, plan);
      throw new VerifyException(String.format(Locale.ROOT, "the sweep would take about %s on %d thread(s) (%.2g multiply-adds; the largest chain, at %s, %.2g): "
          + "use smaller sizes", duration(seconds), threads, seconds * UNITS_PER_SECOND * threads, sizes(m, biggest), plan.cost(biggest, m)));
    }
  }

  private static Cell largest(ModelInstance m, SweepPlan plan) {
    return plan.cells().stream().max(java.util.Comparator.comparingDouble((Cell c) -> plan.cost(c, m))).orElseThrow();
  }

  /** Estimated wall time of those cells of every series on that many threads. */
  static double seconds(List<ModelInstance> instances, List<Cell> cells, SweepPlan plan, int threads) {
    return units(instances, cells, plan) / UNITS_PER_SECOND / Math.max(1, threads);
  }

  /** "12 s", "3.5 min", "2.1 h", "4.0 days", "3e+07 years". */
  static String duration(double s) {
    if (s < 90) return String.format(Locale.ROOT, "%.0f s", s);
    if (s < 5400) return String.format(Locale.ROOT, "%.1f min", s / 60);
    if (s < 2 * 86400) return String.format(Locale.ROOT, "%.1f h", s / 3600);
    if (s < 365 * 86400.0) return String.format(Locale.ROOT, "%.1f days", s / 86400);
    return String.format(Locale.ROOT, "%.2g years", s / (365.25 * 86400));
  }

  private static double bytes(ModelInstance m, Cell c, SweepPlan plan) {
    KindNetwork<?, ?> net = m.network(c.d());
    return 8 * (net.doublesPerSample(true) * c.p() + net.doublesPerSample(false) * plan.sampler().testSize()
        + PARAMETER_COPIES * net.parameters());
  }

  private static String sizes(ModelInstance m, Cell c) {
    StringBuilder sb = new StringBuilder(m.model().baseScale() + "=" + c.d() + ", P=" + c.p());
    m.scaleSizes(c.d()).forEach((k, v) -> sb.append(", ").append(k).append('=').append(v));
    return sb.toString();
  }

  private static String where(String label) {
    return label.isEmpty() ? "" : label + ": ";
  }

  private static String gb(double bytes) {
    return String.format(Locale.ROOT, "%.3g GB", bytes / 1e9);
  }
}
