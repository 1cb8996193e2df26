package org.flscale.adaptive.check;

import java.util.List;
import org.apache.commons.math3.distribution.TDistribution;
import org.flscale.adaptive.exact.ExactPosterior;

/**
 * One (chi, N) cell: the exact posterior's predictions beside the chains' means, each with the 95%
 * interval from the spread of the chain means (Student t with chains - 1 degrees of freedom).
 */
public record CellResult(double chiPower, int width, ExactPosterior.Moments exact, Estimate q, Estimate spike,
    Estimate[] outputs, double acceptance, int chains) {
  /** A mean over chains with its standard error and the half-width of the 95% interval. */
  public record Estimate(double mean, double se, double half) {
    public boolean covers(double v) {
      return Math.abs(v - mean) <= half;
    }

    public double lo() {
      return mean - half;
    }

    public double hi() {
      return mean + half;
    }
  }

  static CellResult of(double chiPower, int width, ExactPosterior.Moments exact, List<ChainRun> runs) {
    int k = runs.size(), tests = runs.get(0).outputs().length;
    Estimate[] f = new Estimate[tests];
    for (int t = 0; t < tests; t++) {
      final int tt = t;
      f[t] = estimate(runs.stream().mapToDouble(r -> r.outputs()[tt]).toArray());
    }
    double acc = runs.stream().mapToDouble(ChainRun::acceptance).average().orElse(0);
    return new CellResult(chiPower, width, exact, estimate(runs.stream().mapToDouble(ChainRun::q).toArray()),
        estimate(runs.stream().mapToDouble(ChainRun::spike).toArray()), f, acc, k);
  }

  static Estimate estimate(double[] xs) {
    int k = xs.length;
    double m = 0;
    for (double x : xs) m += x / k;
    double v = 0;
    for (double x : xs) v += (x - m) * (x - m) / Math.max(k - 1, 1);
    double se = Math.sqrt(v / k);
    double t = k > 1 ? new TDistribution(k - 1).inverseCumulativeProbability(0.975) : Double.POSITIVE_INFINITY;
    return new Estimate(m, se, t * se);
  }

  /** How many of the test outputs' intervals cover the exact mean predictor. */
  public int outputsCovered() {
    int c = 0;
    for (int t = 0; t < outputs.length; t++) if (outputs[t].covers(exact.predictor()[t])) c++;
    return c;
  }

  /** The largest |measured - exact| over the test points, relative to the exact predictor's RMS. */
  public double outputsRelativeError() {
    double worst = 0, rms = 0;
    for (int t = 0; t < outputs.length; t++) {
      worst = Math.max(worst, Math.abs(outputs[t].mean() - exact.predictor()[t]));
      rms += exact.predictor()[t] * exact.predictor()[t] / outputs.length;
    }
    return worst / Math.sqrt(rms);
  }
}
