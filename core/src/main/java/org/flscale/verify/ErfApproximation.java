package org.flscale.verify;

/**
 * erf(x) = sign(x) (1 - t exp(-x^2) Q(t)), t = 1/(1 + p |x|), with Q a polynomial of degree 12 in t
 * (p as in Abramowitz and Stegun 7.1.26, whose Q has degree 4 and error 1.5e-7). Q was fitted by
 * least squares on a Chebyshev basis to erfc(x) exp(x^2)/t over x in [0, 6.5]; measured against
 * commons-math3's erf the absolute error is below 1e-11 on the whole real line (the fit's own error
 * is 5e-12; VectorKernelsTest checks 2e-11), a million times below anything that moves an
 * alignment. The form shares exp(-x^2) with the derivative 2/sqrt(pi) exp(-x^2), which is used exact:
 * it differs from the derivative of the approximation by less than 1e-9. One division, one exp and
 * twelve fused multiply-adds, without branches or tables: the shape the vector kernel wants.
 *
 * <p>exp is computed here too ({@link #exp}), not by the Vector API's EXP: that one is the CPU's
 * vector math library once the JIT has compiled the kernel and Java's Math.exp before, which differ
 * in the last bit, so a chain's result would depend on when the JIT got to its kernels (measured: the
 * first cells on a fresh Spark executor differed from the driver's in the 16th digit). Every
 * operation below is an exactly rounded IEEE one (add, multiply, fused multiply-add, bit moves), the
 * same in every JIT tier and on every lane, and {@link #erf(double)} is the vector kernel's
 * computation for one value, bit for bit.
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

  // exp(x) = 2^n e^r, n = round(x / ln 2), r = x - n ln 2 in [-ln2/2, ln2/2] (ln 2 in two parts, Cody
  // and Waite), e^r by its Taylor polynomial of degree 12 (truncation 2e-16 relative); n is rounded by
  // adding 1.5 2^52, whose low bits then hold n, and 2^n is built from those bits.
  static final double LOG2E = 1.4426950408889634;
  static final double LN2_HI = 6.93147180369123816490e-01;
  static final double LN2_LO = 1.90821492927058770002e-10;
  static final double SHIFTER = 0x1.8p52;
  static final long SHIFTER_BITS = Double.doubleToRawLongBits(SHIFTER);
  /** Below this exp is not normal; the argument is clamped there (exp(-708) = 3e-308, erf is +-1 long before). */
  static final double EXP_FLOOR = -708;
  /** 1/c!, c = 0..12. */
  static final double[] EXP_TAYLOR = new double[13];

  static {
    double f = 1;
    for (int c = 0; c < EXP_TAYLOR.length; c++) {
      if (c > 0) f *= c;
      EXP_TAYLOR[c] = 1 / f;
    }
  }

  /** sum_c q[c] t^c, c = 0..12, by Estrin's scheme: the vector kernel's order of operations. */
  static double estrin(double t, double[] q) {
    double t2 = t * t, t4 = t2 * t2, t8 = t4 * t4;
    double a0 = Math.fma(t, q[1], q[0]), a1 = Math.fma(t, q[3], q[2]), a2 = Math.fma(t, q[5], q[4]);
    double a3 = Math.fma(t, q[7], q[6]), a4 = Math.fma(t, q[9], q[8]), a5 = Math.fma(t, q[11], q[10]);
    double b0 = Math.fma(a1, t2, a0), b1 = Math.fma(a3, t2, a2), b2 = Math.fma(a5, t2, a4);
    double c0 = Math.fma(b1, t4, b0), c1 = Math.fma(t4, q[12], b2);
    return Math.fma(c1, t8, c0);
  }

  /** exp(x) for x <= 0, within 3 ulps of the JDK's (clamped at {@link #EXP_FLOOR}). */
  static double exp(double x) {
    x = Math.max(x, EXP_FLOOR);
    double y = Math.fma(x, LOG2E, SHIFTER), n = y - SHIFTER;
    double r = Math.fma(-n, LN2_LO, Math.fma(-n, LN2_HI, x));
    long scale = (Double.doubleToRawLongBits(y) - SHIFTER_BITS + 1023) << 52;
    return estrin(r, EXP_TAYLOR) * Double.longBitsToDouble(scale);
  }

  /** erf(x) given e = exp(-x^2). */
  static double erf(double x, double e) {
    double t = 1 / Math.fma(Math.abs(x), P, 1);
    double v = 1 - t * e * estrin(t, Q);
    return Double.longBitsToDouble(Double.doubleToRawLongBits(v) | (Double.doubleToRawLongBits(x) & Long.MIN_VALUE));
  }

  /** erf(x), as the vector kernel computes it. */
  static double erf(double x) {
    return erf(x, exp(-(x * x)));
  }
}
