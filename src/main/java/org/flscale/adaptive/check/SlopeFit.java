package org.flscale.adaptive.check;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * The slope of log|y| against log N, with a 95% bootstrap interval that resamples the chains of each
 * width (1000 replicates). "inconclusive" when a width's mean is not clearly of one sign (within two
 * standard errors of zero, or the sign changes across widths) or the interval is wider than 1.
 */
record SlopeFit(double slope, double lo, double hi, String verdict) {
  static final int REPLICATES = 1000;

  /** @param chains per width (in the order of widths), the chains' values of the observable */
  static SlopeFit fit(int[] widths, List<double[]> chains, double derived) {
    double[] means = new double[widths.length];
    for (int i = 0; i < widths.length; i++) means[i] = Arrays.stream(chains.get(i)).average().orElse(Double.NaN);
    for (int i = 0; i < widths.length; i++) {
      double[] c = chains.get(i);
      double se = CellResult.estimate(c).se();
      if (Math.abs(means[i]) < 2 * se || Math.signum(means[i]) != Math.signum(means[0])) {
        return new SlopeFit(slope(widths, means), Double.NaN, Double.NaN, "inconclusive (the mean at N = " + widths[i] + " is not clearly of one sign)");
      }
    }
    SplittableRandom r = new SplittableRandom(12345);
    double[] boot = new double[REPLICATES];
    for (int b = 0; b < REPLICATES; b++) {
      double[] m = new double[widths.length];
      for (int i = 0; i < widths.length; i++) {
        double[] c = chains.get(i);
        double s = 0;
        for (int k = 0; k < c.length; k++) s += c[r.nextInt(c.length)];
        m[i] = s / c.length;
      }
      boot[b] = slope(widths, m);
    }
    Arrays.sort(boot);
    double lo = boot[(int) (0.025 * REPLICATES)], hi = boot[(int) (0.975 * REPLICATES) - 1];
    String v = hi - lo > 1 ? "inconclusive (interval wider than 1)"
        : derived >= lo && derived <= hi ? "consistent" : "inconsistent";
    return new SlopeFit(slope(widths, means), lo, hi, v);
  }

  /** A slope of exact values (no interval). */
  static double exactSlope(int[] widths, double[] values) {
    return slope(widths, values);
  }

  static double slope(int[] widths, double[] values) {
    SimpleRegression reg = new SimpleRegression();
    for (int i = 0; i < widths.length; i++) {
      if (values[i] == 0 || Double.isNaN(values[i])) return Double.NaN;
      reg.addData(Math.log(widths[i]), Math.log(Math.abs(values[i])));
    }
    return reg.getSlope();
  }

  static <T> double[] values(List<T> xs, ToDoubleFunction<T> f) {
    return xs.stream().mapToDouble(f).toArray();
  }
}
