package org.flscale.verify;

import java.util.SplittableRandom;

/**
 * The largest |eigenvalue| of the Hessian of U at theta, by power iteration on Hessian-vector
 * products taken as finite differences of the gradient (Hv ~ (grad U(theta + eps v) - grad U(theta)) / eps).
 * {@link #ITERATIONS} gradient evaluations; the estimate |Hv| of the last iterate approaches
 * lambda_max from below, which the step factor's margin (h sqrt(lambda) = 0.5 against a limit of 2) covers.
 */
final class StiffestMode {
  static final int ITERATIONS = 20;
  private static final double EPS = 1e-5;
  /**
   * The probe of a float gradient, whose rounding (6e-8 of each term) the difference divides by the
   * probe: measured on the two-layer erf net at d = 32 and 64 (prior draw), lambda_max from float
   * gradients was off by 0.4 % at 1e-5 and by 0.01 % at 1e-3, where the curvature's own change over
   * the probe is still below that.
   */
  private static final double FLOAT_EPS = 1e-3;
  private final double[] v, probe, probeGrad;

  StiffestMode(int n) {
    v = new double[n];
    probe = new double[n];
    probeGrad = new double[n];
  }

  /** lambda_max at theta, given the gradient there; NaN if a probe's potential is not finite. */
  double measure(Trainable net, double[] theta, double[] gradAtTheta, double kappa, SplittableRandom rng) {
    int n = v.length;
    for (int i = 0; i < n; i++) v[i] = rng.nextGaussian();
    normalise(v);
    double estimate = Double.NaN, eps = net.floatPasses() ? FLOAT_EPS : EPS;
    for (int it = 0; it < ITERATIONS; it++) {
      for (int i = 0; i < n; i++) probe[i] = theta[i] + eps * v[i];
      if (!Double.isFinite(net.potentialAndGradient(probe, kappa, probeGrad))) return Double.NaN;
      for (int i = 0; i < n; i++) v[i] = (probeGrad[i] - gradAtTheta[i]) / eps;
      estimate = normalise(v);
      if (!(estimate > 0)) return Double.NaN;
    }
    return estimate;
  }

  private static double normalise(double[] x) {
    double s = 0;
    for (double e : x) s += e * e;
    double norm = Math.sqrt(s);
    if (norm > 0) for (int i = 0; i < x.length; i++) x[i] /= norm;
    return norm;
  }
}
