package org.flscale.verify;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * erf and its derivative on the JDK's Vector API, lane by lane the computation of
 * {@link ErfApproximation} (bit for bit: the same exactly rounded operations in the same order), with
 * flscale's own exp rather than the Vector API's EXP, whose last bit depends on the JIT tier.
 */
final class VectorErf {
  private VectorErf() {}

  private static final VectorSpecies<Double> S = VectorKernels.S;
  private static final int L = S.length();

  /** sum_c q[c] t^c, c = 0..12, by Estrin's scheme: Horner's polynomial with a third of its latency ({@link ErfApproximation#estrin}, lane by lane). */
  private static DoubleVector estrin(DoubleVector t, double[] q) {
    DoubleVector t2 = t.mul(t), t4 = t2.mul(t2), t8 = t4.mul(t4);
    DoubleVector a0 = t.fma(DoubleVector.broadcast(S, q[1]), DoubleVector.broadcast(S, q[0]));
    DoubleVector a1 = t.fma(DoubleVector.broadcast(S, q[3]), DoubleVector.broadcast(S, q[2]));
    DoubleVector a2 = t.fma(DoubleVector.broadcast(S, q[5]), DoubleVector.broadcast(S, q[4]));
    DoubleVector a3 = t.fma(DoubleVector.broadcast(S, q[7]), DoubleVector.broadcast(S, q[6]));
    DoubleVector a4 = t.fma(DoubleVector.broadcast(S, q[9]), DoubleVector.broadcast(S, q[8]));
    DoubleVector a5 = t.fma(DoubleVector.broadcast(S, q[11]), DoubleVector.broadcast(S, q[10]));
    DoubleVector b0 = a1.fma(t2, a0), b1 = a3.fma(t2, a2), b2 = a5.fma(t2, a4);
    DoubleVector c0 = b1.fma(t4, b0), c1 = t4.fma(DoubleVector.broadcast(S, q[12]), b2);
    return c1.fma(t8, c0);
  }

  /** exp(x) for x <= 0, lane by lane {@link ErfApproximation#exp} (not the Vector API's EXP, whose last bit depends on the JIT tier). */
  private static DoubleVector exp(DoubleVector x) {
    x = x.max(ErfApproximation.EXP_FLOOR);
    DoubleVector shifter = DoubleVector.broadcast(S, ErfApproximation.SHIFTER);
    DoubleVector y = x.fma(DoubleVector.broadcast(S, ErfApproximation.LOG2E), shifter), n = y.sub(shifter).neg();
    DoubleVector r = n.fma(DoubleVector.broadcast(S, ErfApproximation.LN2_LO), n.fma(DoubleVector.broadcast(S, ErfApproximation.LN2_HI), x));
    DoubleVector scale = y.reinterpretAsLongs().sub(ErfApproximation.SHIFTER_BITS - 1023).lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
    return estrin(r, ErfApproximation.EXP_TAYLOR).mul(scale);
  }

  /** h = erf(z), dh = erf'(z) (when not null) over [from, to), with {@link ErfApproximation}'s formula, bit for bit. */
  static void erf(double[] z, double[] h, double[] dh, int from, int to) {
    int i = from;
    DoubleVector one = DoubleVector.broadcast(S, 1.0);
    for (; i + L <= to; i += L) {
      DoubleVector x = DoubleVector.fromArray(S, z, i);
      DoubleVector t = one.div(x.abs().fma(DoubleVector.broadcast(S, ErfApproximation.P), one));
      DoubleVector e = exp(x.mul(x).neg());
      DoubleVector v = one.sub(t.mul(e).mul(estrin(t, ErfApproximation.Q)));
      // erf(x) = sign(x) erf(|x|), the sign copied bitwise: a compare and blend costs 0.4 ns a value here
      v.reinterpretAsLongs().lanewise(VectorOperators.OR, x.reinterpretAsLongs().lanewise(VectorOperators.AND, Long.MIN_VALUE)).reinterpretAsDoubles().intoArray(h, i);
      if (dh != null) e.mul(ErfApproximation.TWO_OVER_SQRT_PI).intoArray(dh, i);
    }
    for (; i < to; i++) {
      double x = z[i], e = ErfApproximation.exp(-(x * x));
      h[i] = ErfApproximation.erf(x, e);
      if (dh != null) dh[i] = e * ErfApproximation.TWO_OVER_SQRT_PI;
    }
  }
}
