package org.flscale.dynamics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * The slope of log(mean over seeds of y) against log(size), with a 95 % bootstrap interval over
 * seeds (each size's seeds resampled with replacement), fitted on the larger sizes and widened by the
 * finite-size drift of the slope. Sizes whose mean is under {@code floor}
 * (the integration's precision) are left out and counted.
 */
public record SlopeFit(double slope, double lo, double hi, int sizesUsed, int sizesDropped, double minSize, double maxSize) {
  public static SlopeFit fit(double[] sizes, double[][] ySeeds, double floor, long seed) {
    List<Integer> keep = new ArrayList<>();
    for (int i = 0; i < sizes.length; i++) if (mean(ySeeds[i]) > floor) keep.add(i);
    if (keep.size() < 3) return new SlopeFit(Double.NaN, Double.NaN, Double.NaN, keep.size(), sizes.length - keep.size(), 0, 0);
    // the asymptotic slope from the larger half of the sizes; how far the whole range's slope differs
    // from it is a systematic (finite-size) error added to both ends of the seeds' bootstrap interval
    List<Integer> upper = keep.subList(Math.max(0, Math.min(keep.size() - 3, keep.size() / 2 - 1)), keep.size());
    double slope = slope(sizes, ySeeds, upper, null);
    double systematic = Math.abs(slope - slope(sizes, ySeeds, keep, null));
    Random rnd = new Random(seed);
    double[] boot = new double[400];
    for (int b = 0; b < boot.length; b++) boot[b] = slope(sizes, ySeeds, upper, rnd);
    Arrays.sort(boot);
    return new SlopeFit(slope, boot[(int) (0.025 * boot.length)] - systematic, boot[(int) (0.975 * boot.length) - 1] + systematic,
        upper.size(), sizes.length - keep.size(), sizes[upper.get(0)], sizes[upper.get(upper.size() - 1)]);
  }

  private static double slope(double[] sizes, double[][] y, List<Integer> keep, Random resample) {
    SimpleRegression r = new SimpleRegression();
    for (int i : keep) {
      double[] ys = y[i];
      double s = 0;
      for (int k = 0; k < ys.length; k++) s += ys[resample == null ? k : resample.nextInt(ys.length)];
      r.addData(Math.log(sizes[i]), Math.log(Math.max(s / ys.length, 1e-300)));
    }
    return r.getSlope();
  }

  static double mean(double[] v) {
    double s = 0;
    for (double x : v) s += x;
    return s / v.length;
  }

  public boolean conclusive() {
    return !Double.isNaN(slope);
  }

  /** consistent when the predicted exponent lies in the interval, inconsistent when not, inconclusive without a fit. */
  public String verdict(double predicted) {
    if (!conclusive()) return "inconclusive";
    return predicted >= lo && predicted <= hi ? "consistent" : "inconsistent";
  }

  public String show() {
    return conclusive() ? String.format(java.util.Locale.ROOT, "%.3f [%.3f, %.3f]", slope, lo, hi) : "-";
  }
}
