package org.flscale.springblock;

/**
 * The shape of a load curve. A network's curve is log D_l against the layer l = 0..L (D_l the data
 * separation of layer l's features, l = 0 the input); a chain's is 1 - x_l against the block l = 0..L
 * (x_0 = 0 the wall). The separation layer l+1 does is d_l = curve_l - curve_(l+1), l = 0..L-1 (the
 * readout, or the chain's last spring to the pull, is dropped). Then
 * <ul>
 *   <li>c = d_first - d_last: &gt; 0 the shallow layers do more (convex curve), &lt; 0 the deep layers do
 *       more (concave), about 0 with v about 0 a linear curve;</li>
 *   <li>v = std(d_l) (population standard deviation): how unevenly the work is shared.</li>
 * </ul>
 */
public record LoadCurve(double[] curve, double[] steps, double curvature, double nonUniformity) {

  /** From the curve's values at l = 0..L (at least three, so that two steps remain). */
  public static LoadCurve of(double[] curve) {
    if (curve.length < 3) throw new IllegalArgumentException("a load curve needs at least three points");
    double[] d = new double[curve.length - 1];
    for (int l = 0; l < d.length; l++) d[l] = curve[l] - curve[l + 1];
    double mean = 0;
    for (double x : d) mean += x / d.length;
    double var = 0;
    for (double x : d) var += (x - mean) * (x - mean) / d.length;
    return new LoadCurve(curve.clone(), d, d[0] - d[d.length - 1], Math.sqrt(var));
  }

  /**
   * A chain's curve from its positions x_0..x_(L+1) (wall, blocks, pull): 1 - x_l for l = 0..L, so
   * the steps are the extensions of the springs x_(l+1) - x_l, the last spring (to the pull) dropped.
   */
  public static LoadCurve ofChain(double[] positions) {
    double[] curve = new double[positions.length - 1];
    for (int l = 0; l < curve.length; l++) curve[l] = 1 - positions[l];
    return of(curve);
  }
}
