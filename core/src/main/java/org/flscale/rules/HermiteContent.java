package org.flscale.rules;

import java.math.BigInteger;
import java.util.BitSet;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;
import org.flscale.math.Q;

/**
 * Which probabilists' Hermite components He_k(z), z ~ N(0,1), an activation has, up to a degree
 * bound. Polynomial parts are expanded exactly (exact Gaussian moments, exact zero test); other
 * parts are integrated by composite Gauss-Legendre quadrature split at 0 (kinks of relu-like
 * functions sit there), with a component counted present above {@link #NUMERIC_ZERO}.
 */
public final class HermiteContent {
  /** Normalised coefficients below this are taken as absent for non-polynomial parts. */
  public static final double NUMERIC_ZERO = 1e-9;
  private static final double RANGE = 14.0;
  private static final int PANELS = 12;

  private HermiteContent() {}

  /** Degrees k <= maxDegree (of parity {@code parity}, 0 even / 1 odd) present in a polynomial part. */
  public static BitSet ofPolynomial(Q[] coefficients, int parity, int maxDegree) {
    BitSet out = new BitSet();
    for (int k = parity; k <= maxDegree; k += 2) {
      Q[] he = hermiteCoefficients(k);
      Q s = Q.ZERO;
      for (int n = 0; n < coefficients.length; n++) {
        if (coefficients[n].signum() == 0) continue;
        for (int i = 0; i < he.length; i++) {
          if (he[i].signum() != 0) s = s.add(coefficients[n].multiply(he[i]).multiply(gaussianMoment(n + i)));
        }
      }
      if (s.signum() != 0) out.set(k);
    }
    return out;
  }

  /** Degrees k <= maxDegree of parity {@code parity} whose normalised coefficient is numerically non-zero. */
  public static BitSet ofFunction(DoubleUnaryOperator f, int parity, int maxDegree) {
    double[] c = normalisedCoefficients(f, maxDegree);
    BitSet out = new BitSet();
    for (int k = parity; k <= maxDegree; k += 2) {
      if (Math.abs(c[k]) > NUMERIC_ZERO) out.set(k);
    }
    return out;
  }

  /** c_k = E[f(z) h_k(z)] with h_k = He_k / sqrt(k!) orthonormal, k = 0..maxDegree. */
  public static double[] normalisedCoefficients(DoubleUnaryOperator f, int maxDegree) {
    GaussIntegrator rule = new GaussIntegratorFactory().legendre(24);
    double[] c = new double[maxDegree + 1];
    double[] h = new double[maxDegree + 1];
    double width = 2 * RANGE / PANELS;
    double norm = 1 / Math.sqrt(2 * Math.PI);
    for (int p = 0; p < PANELS; p++) {
      double a = -RANGE + p * width;
      for (int i = 0; i < rule.getNumberOfPoints(); i++) {
        double z = a + (rule.getPoint(i) + 1) * width / 2;
        double w = rule.getWeight(i) * width / 2 * norm * Math.exp(-z * z / 2);
        double fz = f.applyAsDouble(z) * w;
        h[0] = 1;
        if (maxDegree >= 1) h[1] = z;
        for (int k = 1; k < maxDegree; k++) h[k + 1] = (z * h[k] - Math.sqrt(k) * h[k - 1]) / Math.sqrt(k + 1);
        for (int k = 0; k <= maxDegree; k++) c[k] += fz * h[k];
      }
    }
    return c;
  }

  /** Monomial coefficients of He_k (He_{k+1} = z He_k - k He_{k-1}). */
  static Q[] hermiteCoefficients(int k) {
    Q[] prev = {Q.ONE};
    if (k == 0) return prev;
    Q[] cur = {Q.ZERO, Q.ONE};
    for (int n = 1; n < k; n++) {
      Q[] next = new Q[n + 2];
      java.util.Arrays.fill(next, Q.ZERO);
      for (int i = 0; i < cur.length; i++) next[i + 1] = next[i + 1].add(cur[i]);
      for (int i = 0; i < prev.length; i++) next[i] = next[i].subtract(prev[i].multiply(n));
      prev = cur;
      cur = next;
    }
    return cur;
  }

  /** E[z^n] for z ~ N(0,1): 0 for odd n, (n-1)!! for even n. */
  static Q gaussianMoment(int n) {
    if (n % 2 == 1) return Q.ZERO;
    BigInteger r = BigInteger.ONE;
    for (int i = n - 1; i > 1; i -= 2) r = r.multiply(BigInteger.valueOf(i));
    return Q.of(r);
  }
}
