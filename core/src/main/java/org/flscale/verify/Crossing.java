package org.flscale.verify;

/** Where an alignment curve first crosses a threshold from below, interpolated linearly in log P. */
public final class Crossing {
  private Crossing() {}

  /**
   * The P at which the curve (ps ascending, a the alignment at each) first rises through
   * {@code threshold}; NaN when it starts above it (P_* below the ladder) or never reaches it.
   */
  public static double of(double[] ps, double[] a, double threshold) {
    if (ps.length == 0 || !(a[0] < threshold)) return Double.NaN;
    for (int j = 0; j + 1 < ps.length; j++) {
      if (a[j] < threshold && a[j + 1] >= threshold) {
        double t = (threshold - a[j]) / (a[j + 1] - a[j]);
        return Math.exp(Math.log(ps[j]) + t * (Math.log(ps[j + 1]) - Math.log(ps[j])));
      }
    }
    return Double.NaN;
  }
}
