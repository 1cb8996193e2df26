package org.flscale.adaptive.check;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * The slope of log|y| against log N with a 95% interval: the least-squares slope of the chains' means,
 * its standard error propagated from each width's standard error of the mean (the delta method,
 * se(log m) = se(m)/|m|), and Student t with chains - 1 degrees of freedom (a bootstrap over 4
 * chain means was measured too narrow: it put exact slopes outside while every width's t interval
 * covered its exact value). "inconclusive" when a width's mean is within two standard errors of zero
 * or changes sign across widths, or the interval is wider than 1.
 */
record SlopeFit(double slope, double lo, double hi, String verdict) {
  /** @param chains per width (in the order of widths), the chains' values of the observable */
  static SlopeFit fit(int[] widths, List<double[]> chains, double reference) {
    int k = widths.length;
    double[] means = new double[k], se = new double[k];
    for (int i = 0; i < k; i++) {
      means[i] = Arrays.stream(chains.get(i)).average().orElse(Double.NaN);
      se[i] = CellResult.estimate(chains.get(i)).se();
    }
    for (int i = 0; i < k; i++) {
      if (Math.abs(means[i]) < 2 * se[i] || Math.signum(means[i]) != Math.signum(means[0])) {
        return new SlopeFit(slope(widths, means), Double.NaN, Double.NaN, "inconclusive (the mean at N = " + widths[i] + " is not clearly of one sign)");
      }
    }
    double xbar = 0;
    for (int n : widths) xbar += Math.log(n) / k;
    double sxx = 0;
    for (int n : widths) sxx += (Math.log(n) - xbar) * (Math.log(n) - xbar);
    double var = 0;
    for (int i = 0; i < k; i++) {
      double c = (Math.log(widths[i]) - xbar) / sxx, rel = se[i] / Math.abs(means[i]);
      var += c * c * rel * rel;
    }
    int dof = chains.stream().mapToInt(c -> c.length).min().orElse(2) - 1;
    double half = new TDistribution(Math.max(dof, 1)).inverseCumulativeProbability(0.975) * Math.sqrt(var);
    double b = slope(widths, means), lo = b - half, hi = b + half;
    String v = hi - lo > 1 ? "inconclusive (interval wider than 1)" : reference >= lo && reference <= hi ? "consistent" : "inconsistent";
    return new SlopeFit(b, lo, hi, v);
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

}
