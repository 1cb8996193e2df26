package org.flscale.verify;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The FP32 passes' vector kernels ({@link FloatOps} dispatches to them): the products, the weight
 * gradient and erf of {@link VectorKernels} on FloatVector, 16 lanes a vector on AVX-512 where a
 * DoubleVector has 8. The products and the weight gradient are one register-blocked micro-kernel,
 * c[r][j..j+wL) = s sum_t a[ar + r rs + t ts] pk[t wL + u] over 4 rows and w = 3 (or 2) vectors of a
 * packed panel: the forward product (rs = fan-in, ts = 1), the backward one (rs = 1, ts = fan-in),
 * and the weight gradient, whose rows of dU/dz are first packed flat (rs = samples, ts = 1) and whose
 * 4 x wL block, summed in float over at most 128 samples, is then added into the double gradient.
 * The micro-kernels have VectorKernels' shape because Java has no generics over primitive types.
 */
final class FloatKernels {
  private FloatKernels() {}

  static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  static final int L = S.length();
  /** Samples of the weight gradient's packed blocks. */
  private static final int BLOCK = 128;

  /** Per-thread buffers: the products' panels; the gradient's packed input and rows, its float sum and a 4 x 3L block of it. */
  private static final ThreadLocal<float[][]> PANEL = ThreadLocal.withInitial(() -> new float[1][0]);
  private static final ThreadLocal<float[][]> PACK = ThreadLocal.withInitial(() -> new float[1][0]);
  private static final ThreadLocal<float[][]> ROWS = ThreadLocal.withInitial(() -> new float[1][0]);
  private static final ThreadLocal<float[][]> SUM = ThreadLocal.withInitial(() -> new float[1][0]);
  private static final ThreadLocal<float[][]> PART = ThreadLocal.withInitial(() -> new float[4][3 * L]);

  /** c[r][j] = s sum_t a[a0 + r rs + t ts] b[t][j] for r < rows, t < depth, m0 <= j < m1. */
  static void product(float[] a, int a0, int rs, int ts, int rows, int depth, float s, float[][] b, float[][] c, int m0, int m1) {
    int vectors = (m1 - m0) / L;
    float[] pk = buffer(PANEL, depth * 3 * L + HeapAlignment.FLOAT_PAD);
    int o = HeapAlignment.offset(pk);
    for (int v = 0; v < vectors; ) {
      int w = width(vectors - v), j = m0 + v * L, span = w * L;
      for (int t = 0; t < depth; t++) System.arraycopy(b[t], j, pk, o + t * span, span);
      int r = 0;
      for (; r + 3 < rows; r += 4) block(w, a, a0 + r * rs, rs, ts, depth, s, pk, o, c, r, j);
      for (; r < rows; r++) for (int u = 0; u < w; u++) block1x1(a, a0 + r * rs, ts, depth, s, pk, span, o + u * L, c[r], j + u * L);
      v += w;
    }
    for (int j = m0 + vectors * L; j < m1; j++) {
      for (int r = 0; r < rows; r++) {
        float sum = 0;
        for (int t = 0, at = a0 + r * rs; t < depth; t++, at += ts) sum = Math.fma(a[at], b[t][j], sum);
        c[r][j] = s * sum;
      }
    }
  }

  /** Vectors of the next register block when `left` remain: 3, or 2 where 3 would leave a lone one. */
  private static int width(int left) {
    return left == 1 ? 1 : left == 2 || left == 4 ? 2 : 3;
  }

  /** Four rows r..r+4 of c over w vectors from j; a lone vector is four single rows. */
  private static void block(int w, float[] a, int ar, int rs, int ts, int depth, float s, float[] pk, int o, float[][] c, int r, int j) {
    if (w == 3) block4x3(a, ar, rs, ts, depth, s, pk, o, c, r, j);
    else if (w == 2) block4x2(a, ar, rs, ts, depth, s, pk, o, c, r, j);
    else for (int q = 0; q < 4; q++) block1x1(a, ar + q * rs, ts, depth, s, pk, L, o, c[r + q], j);
  }

  private static void block4x3(float[] a, int ar, int rs, int ts, int depth, float s, float[] pk, int o, float[][] c, int r, int j) {
    FloatVector c00 = FloatVector.zero(S), c01 = c00, c02 = c00, c10 = c00, c11 = c00, c12 = c00;
    FloatVector c20 = c00, c21 = c00, c22 = c00, c30 = c00, c31 = c00, c32 = c00;
    for (int t = 0, at = ar, pt = o; t < depth; t++, at += ts, pt += 3 * L) {
      FloatVector x0 = FloatVector.fromArray(S, pk, pt), x1 = FloatVector.fromArray(S, pk, pt + L), x2 = FloatVector.fromArray(S, pk, pt + 2 * L);
      FloatVector w = FloatVector.broadcast(S, a[at]);
      c00 = x0.fma(w, c00); c01 = x1.fma(w, c01); c02 = x2.fma(w, c02);
      w = FloatVector.broadcast(S, a[at + rs]);
      c10 = x0.fma(w, c10); c11 = x1.fma(w, c11); c12 = x2.fma(w, c12);
      w = FloatVector.broadcast(S, a[at + 2 * rs]);
      c20 = x0.fma(w, c20); c21 = x1.fma(w, c21); c22 = x2.fma(w, c22);
      w = FloatVector.broadcast(S, a[at + 3 * rs]);
      c30 = x0.fma(w, c30); c31 = x1.fma(w, c31); c32 = x2.fma(w, c32);
    }
    c00.mul(s).intoArray(c[r], j); c01.mul(s).intoArray(c[r], j + L); c02.mul(s).intoArray(c[r], j + 2 * L);
    c10.mul(s).intoArray(c[r + 1], j); c11.mul(s).intoArray(c[r + 1], j + L); c12.mul(s).intoArray(c[r + 1], j + 2 * L);
    c20.mul(s).intoArray(c[r + 2], j); c21.mul(s).intoArray(c[r + 2], j + L); c22.mul(s).intoArray(c[r + 2], j + 2 * L);
    c30.mul(s).intoArray(c[r + 3], j); c31.mul(s).intoArray(c[r + 3], j + L); c32.mul(s).intoArray(c[r + 3], j + 2 * L);
  }

  private static void block4x2(float[] a, int ar, int rs, int ts, int depth, float s, float[] pk, int o, float[][] c, int r, int j) {
    FloatVector c00 = FloatVector.zero(S), c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00, c30 = c00, c31 = c00;
    for (int t = 0, at = ar, pt = o; t < depth; t++, at += ts, pt += 2 * L) {
      FloatVector x0 = FloatVector.fromArray(S, pk, pt), x1 = FloatVector.fromArray(S, pk, pt + L);
      FloatVector w = FloatVector.broadcast(S, a[at]);
      c00 = x0.fma(w, c00); c01 = x1.fma(w, c01);
      w = FloatVector.broadcast(S, a[at + rs]);
      c10 = x0.fma(w, c10); c11 = x1.fma(w, c11);
      w = FloatVector.broadcast(S, a[at + 2 * rs]);
      c20 = x0.fma(w, c20); c21 = x1.fma(w, c21);
      w = FloatVector.broadcast(S, a[at + 3 * rs]);
      c30 = x0.fma(w, c30); c31 = x1.fma(w, c31);
    }
    c00.mul(s).intoArray(c[r], j); c01.mul(s).intoArray(c[r], j + L);
    c10.mul(s).intoArray(c[r + 1], j); c11.mul(s).intoArray(c[r + 1], j + L);
    c20.mul(s).intoArray(c[r + 2], j); c21.mul(s).intoArray(c[r + 2], j + L);
    c30.mul(s).intoArray(c[r + 3], j); c31.mul(s).intoArray(c[r + 3], j + L);
  }

  /** row[j..j+L) from lanes u..u+L of a panel of row length span. */
  private static void block1x1(float[] a, int ar, int ts, int depth, float s, float[] pk, int span, int u, float[] row, int j) {
    FloatVector c0 = FloatVector.zero(S);
    for (int t = 0, at = ar, pt = u; t < depth; t++, at += ts, pt += span) c0 = FloatVector.fromArray(S, pk, pt).fma(FloatVector.broadcast(S, a[at]), c0);
    c0.mul(s).intoArray(row, j);
  }

  /**
   * g[g0 + i nin + k] += s sum_mu del[i][mu] in[k][mu], from <= mu < to: the weight gradient, summed
   * in float over the whole range (register blocks over 128 samples at a time, added up in a float
   * copy of the block's gradient) and added into the double g once. inRows, when not null, is the
   * input sample-major (inRows[mu nin + k]), which packs by row copies.
   */
  static void outerReduce(int from, int to, int nout, int nin, float[][] del, float[][] in, float[] inRows, double s, double[] g, int g0) {
    int kv = nin - nin % L, vectors = kv / L;
    float[] pk = buffer(PACK, BLOCK * 3 * L + HeapAlignment.FLOAT_PAD), rows = buffer(ROWS, nout * BLOCK), sum = buffer(SUM, nout * nin);
    java.util.Arrays.fill(sum, 0, nout * nin, 0f);
    float[][] part = PART.get();
    int o = HeapAlignment.offset(pk);
    for (int m0 = from; m0 < to; m0 += BLOCK) {
      int len = Math.min(to, m0 + BLOCK) - m0;
      for (int i = 0; i < nout; i++) System.arraycopy(del[i], m0, rows, i * len, len);
      for (int v = 0; v < vectors; ) {
        int w = width(vectors - v), k = v * L, span = w * L;
        if (inRows != null) {
          for (int t = 0; t < len; t++) System.arraycopy(inRows, (m0 + t) * nin + k, pk, o + t * span, span);
        } else {
          for (int u = 0; u < span; u++) {
            float[] x = in[k + u];
            for (int t = 0, at = o + u; t < len; t++, at += span) pk[at] = x[m0 + t];
          }
        }
        int i = 0;
        for (; i + 3 < nout; i += 4) {
          block(w, rows, i * len, len, 1, len, 1f, pk, o, part, 0, 0);
          for (int q = 0; q < 4; q++) addInto(part[q], w, sum, (i + q) * nin + k);
        }
        for (; i < nout; i++) {
          for (int u = 0; u < w; u++) block1x1(rows, i * len, 1, len, 1f, pk, span, o + u * L, part[0], u * L);
          addInto(part[0], w, sum, i * nin + k);
        }
        v += w;
      }
    }
    for (int i = 0; i < nout; i++) {
      int r = i * nin;
      for (int k = 0; k < kv; k++) g[g0 + r + k] += s * sum[r + k];
      for (int k = kv; k < nin; k++) g[g0 + r + k] += s * FloatOps.dot(from, to, del[i], in[k]);
    }
  }

  /** sum[at..at+wL) += part[0..wL). */
  private static void addInto(float[] part, int w, float[] sum, int at) {
    for (int u = 0; u < w * L; u += L) FloatVector.fromArray(S, part, u).add(FloatVector.fromArray(S, sum, at + u)).intoArray(sum, at + u);
  }

  private static float[] buffer(ThreadLocal<float[][]> which, int size) {
    float[][] holder = which.get();
    if (holder[0].length < size) holder[0] = new float[size];
    return holder[0];
  }

  /** Q(t) of {@link ErfApproximation} by Estrin's scheme, in float. */
  private static FloatVector estrin(FloatVector t) {
    float[] q = FloatOps.ERF_Q;
    FloatVector t2 = t.mul(t), t4 = t2.mul(t2), t8 = t4.mul(t4);
    FloatVector a0 = t.fma(q[1], q[0]), a1 = t.fma(q[3], q[2]), a2 = t.fma(q[5], q[4]);
    FloatVector a3 = t.fma(q[7], q[6]), a4 = t.fma(q[9], q[8]), a5 = t.fma(q[11], q[10]);
    FloatVector b0 = a1.fma(t2, a0), b1 = a3.fma(t2, a2), b2 = a5.fma(t2, a4);
    FloatVector c0 = b1.fma(t4, b0), c1 = t4.fma(FloatVector.broadcast(S, q[12]), b2);
    return c1.fma(t8, c0);
  }

  private static final float LOG2E = 1.44269504f, LN2_HI = 0.693145751953125f, LN2_LO = 1.42860677e-6f;
  /** 1.5 2^23: a float this large holds an integer in its low mantissa bits, so adding it rounds to one. */
  private static final float ROUNDER = 12582912f;
  private static final int ROUNDER_BITS = 0x4B400000;
  /** 1/k! for k = 7 down to 0: Taylor's e^f, to 5e-9 relative for |f| <= ln2/2. */
  private static final float[] EXP_TAYLOR = {1f / 5040, 1f / 720, 1f / 120, 1f / 24, 1f / 6, 0.5f, 1f, 1f};

  /**
   * exp(y) for y <= 0 in float, a few ulps: y = n ln2 + f with n an integer (rounded by adding
   * {@link #ROUNDER}, whose bits then hold n) and |f| <= ln2/2, e^f by its Taylor polynomial, 2^n
   * built in the exponent bits. Below -87.3 it returns about 1e-38, not the tiny or zero value:
   * erf is 1 there either way. With it the float erf takes 0.43 ns a value here, with the Vector
   * API's EXP 1.2 ns (most of it that EXP).
   */
  private static FloatVector expNonPositive(FloatVector y) {
    FloatVector x = y.max(-87.3f);
    FloatVector big = x.fma(LOG2E, ROUNDER), n = big.sub(ROUNDER);
    FloatVector f = n.fma(FloatVector.broadcast(S, -LN2_HI), x);
    f = n.fma(FloatVector.broadcast(S, -LN2_LO), f);
    FloatVector p = f.fma(EXP_TAYLOR[0], EXP_TAYLOR[1]);
    for (int c = 2; c < EXP_TAYLOR.length; c++) p = p.fma(f, FloatVector.broadcast(S, EXP_TAYLOR[c]));
    FloatVector scale = big.reinterpretAsInts().sub(ROUNDER_BITS - 127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
    return p.mul(scale);
  }

  /** h = erf(z), dh = erf'(z) (when not null) over [from, to), {@link ErfApproximation}'s formula in float. */
  static void erf(float[] z, float[] h, float[] dh, int from, int to) {
    int i = from;
    FloatVector one = FloatVector.broadcast(S, 1f);
    for (; i + L <= to; i += L) {
      FloatVector x = FloatVector.fromArray(S, z, i);
      FloatVector t = one.div(x.abs().fma((float) ErfApproximation.P, 1f));
      FloatVector e = expNonPositive(x.mul(x).neg());
      FloatVector v = one.sub(t.mul(e).mul(estrin(t)));
      v.reinterpretAsInts().lanewise(VectorOperators.OR, x.reinterpretAsInts().lanewise(VectorOperators.AND, Integer.MIN_VALUE)).reinterpretAsFloats().intoArray(h, i);
      if (dh != null) e.mul((float) ErfApproximation.TWO_OVER_SQRT_PI).intoArray(dh, i);
    }
    FloatOps.scalarErf(z, h, dh, i, to);
  }
}
