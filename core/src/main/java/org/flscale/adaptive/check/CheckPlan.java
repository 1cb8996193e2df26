package org.flscale.adaptive.check;

import java.util.List;
import java.util.Locale;

/**
 * The sizes and sampler settings of the numeric check. chi runs over 1, N^(1/2) and N at every width;
 * the ridge is kappa0/chi (the small-ridge regime kappa << Q/chi the rules state needs the ridge to
 * shrink with chi). One data set (task seed) for every cell, so the widths are compared on the same
 * data; each chain has its own seed and starts from a prior draw.
 */
public record CheckPlan(int dim, int samples, int tests, List<Integer> widths, List<Double> chiPowers, double kappa0,
    int chains, int burnIn, int steps, int thin, long taskSeed) {
  public static CheckPlan full(int dim, int samples) {
    return new CheckPlan(dim, samples, 8, List.of(16, 32, 64, 128, 256, 512, 1024), List.of(0.0, 0.5, 1.0), 0.1, 4, 4000, 16000, 10, 7L);
  }

  public static CheckPlan quick(int dim, int samples) {
    return new CheckPlan(dim, samples, 8, List.of(16, 64, 256), List.of(0.0, 0.5, 1.0), 0.1, 4, 2000, 6000, 10, 7L);
  }

  /** A few seconds: for the unit tests. */
  public static CheckPlan tiny() {
    return new CheckPlan(6, 4, 3, List.of(8, 32), List.of(0.0, 1.0), 0.2, 4, 1000, 3000, 5, 3L);
  }

  public double chi(int width, double power) {
    return Math.pow(width, power);
  }

  public double kappa(int width, double power) {
    return kappa0 / chi(width, power);
  }

  /** How chi is written: "1", "N^(1/2)", "N". */
  public static String chiName(double power) {
    if (power == 0) return "1";
    if (power == 1) return "N";
    if (power == 0.5) return "N^(1/2)";
    return String.format(Locale.ROOT, "N^%.3g", power);
  }

  /** The settings a finished chain must share to be kept by --resume (everything but the widths, chi list and chain count). */
  public String key() {
    return String.format(Locale.ROOT, "d=%d P=%d T=%d kappa0=%s burn=%d steps=%d thin=%d task=%d mala-v1", dim, samples, tests,
        kappa0, burnIn, steps, thin, taskSeed);
  }

  /** The cost of one chain in units of weight updates (for the progress bar's estimate). */
  public double cost(int width) {
    return (double) (burnIn + steps) * (width * dim + samples * dim);
  }
}
