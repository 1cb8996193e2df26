package org.flscale.verify;

/**
 * erf(x) = sign(x) (1 - t exp(-x^2) Q(t)), t = 1/(1 + p |x|), with Q a polynomial of degree 12 in t
 * (p as in Abramowitz and Stegun 7.1.26, whose Q has degree 4 and error 1.5e-7). Q was fitted by
 * least squares on a Chebyshev basis to erfc(x) exp(x^2)/t over x in [0, 6.5]; measured against
 * commons-math3's erf the absolute error is below 1e-11 on the whole real line (the fit's own error
 * is 5e-12; ErfApproximationTest checks 2e-11), a million times below anything that moves an
 * alignment. The form shares exp(-x^2) with the derivative 2/sqrt(pi) exp(-x^2), which is used exact:
 * it differs from the derivative of the approximation by less than 1e-9. One division, one exp and
 * twelve fused multiply-adds, without branches or tables: the shape the vector kernel wants.
 */
final class ErfApproximation {
  private ErfApproximation() {}

  static final double TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);
  static final double P = 0.3275911;
  /** Q(t) = sum_c Q[c] t^c. */
  static final double[] Q = {
    0.18484668238852853, 0.1842969432171576, 0.18032061818930017, 0.1217438663059637, 0.2635263415592175,
    -0.2983596877036412, 0.8638156617112708, -1.1505275608343903, 1.218015290854995, -0.8272776311172034,
    0.3152912826667227, -0.059561890149281, 0.003870082910214252};

  /** erf(x) given e = exp(-x^2). */
  static double erf(double x, double e) {
    double t = 1 / (1 + P * Math.abs(x));
    double q = Q[Q.length - 1];
    for (int c = Q.length - 2; c >= 0; c--) q = Math.fma(q, t, Q[c]);
    return Math.copySign(1 - t * e * q, x);
  }
}
