package org.flscale.verify;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The batch kernels of {@link BatchOps} and the erf of {@link ActivationKernel} with the JDK's
 * Vector API (the incubator module jdk.incubator.vector; {@link VectorSupport} decides whether it is
 * used). Both matrix products are one register-blocked micro-kernel, C[r][j..j+3L) += sum_t
 * a[r][t] B[t][j..j+3L) over 4 rows r and 3 vectors of L lanes: 12 accumulators, 3 vector loads and
 * 4 broadcasts per 12 fused multiply-adds. The weight gradient, which reduces over the batch,
 * first packs a batch block of its input sample-major, so that it too is that kernel with the
 * lanes over the input features. Longer than the usual class: the unrolled kernel is the point.
 */
final class VectorKernels {
  private VectorKernels() {}

  static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
  private static final int L = S.length();

  /** Packed sample-major input blocks of the weight gradient, one per thread (chains run in parallel). */
  private static final ThreadLocal<double[][]> PACK = ThreadLocal.withInitial(() -> new double[1][0]);

  /**
   * c[r][j] = s sum_t a[a0 + r rs + t ts] b[t][j] for r < rows, t < depth, j < count: the forward
   * product (rs = fan-in, ts = 1) and the backward one through a block (rs = 1, ts = fan-in).
   */
  static void product(double[] a, int a0, int rs, int ts, int rows, int depth, double s, double[][] b, double[][] c, int count) {
    int vectors = count / L;
    for (int v = 0; v < vectors; ) {
      int w = width(vectors - v), j = v * L;
      int r = 0;
      for (; r + 3 < rows; r += 4) {
        if (w == 3) block4x3(a, a0 + r * rs, rs, ts, depth, s, b, c, r, j);
        else if (w == 2) block4x2(a, a0 + r * rs, rs, ts, depth, s, b, c, r, j);
        else for (int q = r; q < r + 4; q++) block1x1(a, a0 + q * rs, ts, depth, s, b, c[q], j);
      }
      for (; r < rows; r++) for (int u = 0; u < w; u++) block1x1(a, a0 + r * rs, ts, depth, s, b, c[r], j + u * L);
      v += w;
    }
    for (int j = vectors * L; j < count; j++) {
      for (int r = 0; r < rows; r++) {
        double sum = 0;
        for (int t = 0, at = a0 + r * rs; t < depth; t++, at += ts) sum = Math.fma(a[at], b[t][j], sum);
        c[r][j] = s * sum;
      }
    }
  }

  /**
   * How many vectors the next register block covers when `left` remain: 3 while that leaves no
   * single vector behind, else 2 (a lone vector, only when one is all there is, is 2 lanes of rows
   * short of hiding the FMA latency, and is done as 1 wide).
   */
  private static int width(int left) {
    if (left == 1) return 1;
    if (left == 2 || left == 4) return 2;
    return 3;
  }

  private static void block4x3(double[] a, int ar, int rs, int ts, int depth, double s, double[][] b, double[][] c, int r, int j) {
    DoubleVector c00 = DoubleVector.zero(S), c01 = c00, c02 = c00, c10 = c00, c11 = c00, c12 = c00;
    DoubleVector c20 = c00, c21 = c00, c22 = c00, c30 = c00, c31 = c00, c32 = c00;
    for (int t = 0, at = ar; t < depth; t++, at += ts) {
      double[] bt = b[t];
      DoubleVector x0 = DoubleVector.fromArray(S, bt, j), x1 = DoubleVector.fromArray(S, bt, j + L), x2 = DoubleVector.fromArray(S, bt, j + 2 * L);
      DoubleVector w = DoubleVector.broadcast(S, a[at]);
      c00 = x0.fma(w, c00); c01 = x1.fma(w, c01); c02 = x2.fma(w, c02);
      w = DoubleVector.broadcast(S, a[at + rs]);
      c10 = x0.fma(w, c10); c11 = x1.fma(w, c11); c12 = x2.fma(w, c12);
      w = DoubleVector.broadcast(S, a[at + 2 * rs]);
      c20 = x0.fma(w, c20); c21 = x1.fma(w, c21); c22 = x2.fma(w, c22);
      w = DoubleVector.broadcast(S, a[at + 3 * rs]);
      c30 = x0.fma(w, c30); c31 = x1.fma(w, c31); c32 = x2.fma(w, c32);
    }
    store3(c[r], j, s, c00, c01, c02);
    store3(c[r + 1], j, s, c10, c11, c12);
    store3(c[r + 2], j, s, c20, c21, c22);
    store3(c[r + 3], j, s, c30, c31, c32);
  }

  private static void block4x2(double[] a, int ar, int rs, int ts, int depth, double s, double[][] b, double[][] c, int r, int j) {
    DoubleVector c00 = DoubleVector.zero(S), c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00, c30 = c00, c31 = c00;
    for (int t = 0, at = ar; t < depth; t++, at += ts) {
      double[] bt = b[t];
      DoubleVector x0 = DoubleVector.fromArray(S, bt, j), x1 = DoubleVector.fromArray(S, bt, j + L);
      DoubleVector w = DoubleVector.broadcast(S, a[at]);
      c00 = x0.fma(w, c00); c01 = x1.fma(w, c01);
      w = DoubleVector.broadcast(S, a[at + rs]);
      c10 = x0.fma(w, c10); c11 = x1.fma(w, c11);
      w = DoubleVector.broadcast(S, a[at + 2 * rs]);
      c20 = x0.fma(w, c20); c21 = x1.fma(w, c21);
      w = DoubleVector.broadcast(S, a[at + 3 * rs]);
      c30 = x0.fma(w, c30); c31 = x1.fma(w, c31);
    }
    DoubleVector sv = DoubleVector.broadcast(S, s);
    c00.mul(sv).intoArray(c[r], j); c01.mul(sv).intoArray(c[r], j + L);
    c10.mul(sv).intoArray(c[r + 1], j); c11.mul(sv).intoArray(c[r + 1], j + L);
    c20.mul(sv).intoArray(c[r + 2], j); c21.mul(sv).intoArray(c[r + 2], j + L);
    c30.mul(sv).intoArray(c[r + 3], j); c31.mul(sv).intoArray(c[r + 3], j + L);
  }

  private static void store3(double[] row, int j, double s, DoubleVector v0, DoubleVector v1, DoubleVector v2) {
    v0.mul(s).intoArray(row, j);
    v1.mul(s).intoArray(row, j + L);
    v2.mul(s).intoArray(row, j + 2 * L);
  }

  private static void block1x1(double[] a, int ar, int ts, int depth, double s, double[][] b, double[] row, int j) {
    DoubleVector c0 = DoubleVector.zero(S);
    for (int t = 0, at = ar; t < depth; t++, at += ts) c0 = DoubleVector.fromArray(S, b[t], j).fma(DoubleVector.broadcast(S, a[at]), c0);
    c0.mul(s).intoArray(row, j);
  }

  /**
   * g[g0 + i nin + k] += s sum_mu del[i][mu] in[k][mu]: the weight gradient. inRows, when not null,
   * is the same input sample-major (inRows[mu nin + k], the data's own layout), which spares the packing.
   */
  static void outerReduce(int count, int nout, int nin, double[][] del, double[][] in, double[] inRows, double s, double[] g, int g0) {
    int kv = nin - nin % L; // features covered by whole vectors; the rest reduce as dot products
    if (kv > 0) {
      int block = 128; // batch columns a block: the panel of 3 vectors x 128 samples (24 KiB) stays in L1
      int stride = inRows != null ? nin : kv;
      double[] pack = inRows != null ? inRows : packBuffer(block * kv);
      for (int m0 = 0; m0 < count; m0 += block) {
        int m1 = Math.min(count, m0 + block), len = m1 - m0;
        int base = inRows != null ? m0 * nin : 0;
        if (inRows == null) {
          for (int k = 0; k < kv; k++) {
            double[] x = in[k];
            for (int mu = m0, at = k; mu < m1; mu++, at += kv) pack[at] = x[mu];
          }
        }
        int vectors = kv / L;
        for (int v = 0; v < vectors; ) {
          int w = width(vectors - v), k = v * L;
          int i = 0;
          for (; i + 3 < nout; i += 4) {
            if (w == 3) gradient4x3(del, i, m0, len, pack, stride, base + k, s, g, g0 + i * nin + k, nin);
            else if (w == 2) gradient4x2(del, i, m0, len, pack, stride, base + k, s, g, g0 + i * nin + k, nin);
            else for (int q = i; q < i + 4; q++) gradient1x1(del[q], m0, len, pack, stride, base + k, 1, s, g, g0 + q * nin + k);
          }
          for (; i < nout; i++) gradient1x1(del[i], m0, len, pack, stride, base + k, w, s, g, g0 + i * nin + k);
          v += w;
        }
      }
    }
    for (int k = kv; k < nin; k++) {
      for (int i = 0; i < nout; i++) g[g0 + i * nin + k] += s * BatchOps.dot(0, count, del[i], in[k]);
    }
  }

  private static double[] packBuffer(int size) {
    double[][] holder = PACK.get();
    if (holder[0].length < size) holder[0] = new double[size];
    return holder[0];
  }

  private static void gradient4x3(double[][] del, int i, int m0, int len, double[] pack, int stride, int k, double s, double[] g, int gr, int nin) {
    double[] e0 = del[i], e1 = del[i + 1], e2 = del[i + 2], e3 = del[i + 3];
    DoubleVector c00 = DoubleVector.zero(S), c01 = c00, c02 = c00, c10 = c00, c11 = c00, c12 = c00;
    DoubleVector c20 = c00, c21 = c00, c22 = c00, c30 = c00, c31 = c00, c32 = c00;
    for (int t = 0, at = k; t < len; t++, at += stride) {
      int mu = m0 + t;
      DoubleVector x0 = DoubleVector.fromArray(S, pack, at), x1 = DoubleVector.fromArray(S, pack, at + L), x2 = DoubleVector.fromArray(S, pack, at + 2 * L);
      DoubleVector w = DoubleVector.broadcast(S, e0[mu]);
      c00 = x0.fma(w, c00); c01 = x1.fma(w, c01); c02 = x2.fma(w, c02);
      w = DoubleVector.broadcast(S, e1[mu]);
      c10 = x0.fma(w, c10); c11 = x1.fma(w, c11); c12 = x2.fma(w, c12);
      w = DoubleVector.broadcast(S, e2[mu]);
      c20 = x0.fma(w, c20); c21 = x1.fma(w, c21); c22 = x2.fma(w, c22);
      w = DoubleVector.broadcast(S, e3[mu]);
      c30 = x0.fma(w, c30); c31 = x1.fma(w, c31); c32 = x2.fma(w, c32);
    }
    add3(g, gr, s, c00, c01, c02);
    add3(g, gr + nin, s, c10, c11, c12);
    add3(g, gr + 2 * nin, s, c20, c21, c22);
    add3(g, gr + 3 * nin, s, c30, c31, c32);
  }

  private static void gradient4x2(double[][] del, int i, int m0, int len, double[] pack, int stride, int k, double s, double[] g, int gr, int nin) {
    double[] e0 = del[i], e1 = del[i + 1], e2 = del[i + 2], e3 = del[i + 3];
    DoubleVector c00 = DoubleVector.zero(S), c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00, c30 = c00, c31 = c00;
    for (int t = 0, at = k; t < len; t++, at += stride) {
      int mu = m0 + t;
      DoubleVector x0 = DoubleVector.fromArray(S, pack, at), x1 = DoubleVector.fromArray(S, pack, at + L);
      DoubleVector w = DoubleVector.broadcast(S, e0[mu]);
      c00 = x0.fma(w, c00); c01 = x1.fma(w, c01);
      w = DoubleVector.broadcast(S, e1[mu]);
      c10 = x0.fma(w, c10); c11 = x1.fma(w, c11);
      w = DoubleVector.broadcast(S, e2[mu]);
      c20 = x0.fma(w, c20); c21 = x1.fma(w, c21);
      w = DoubleVector.broadcast(S, e3[mu]);
      c30 = x0.fma(w, c30); c31 = x1.fma(w, c31);
    }
    DoubleVector sv = DoubleVector.broadcast(S, s);
    int r0 = gr, r1 = gr + nin, r2 = r1 + nin, r3 = r2 + nin;
    c00.fma(sv, DoubleVector.fromArray(S, g, r0)).intoArray(g, r0); c01.fma(sv, DoubleVector.fromArray(S, g, r0 + L)).intoArray(g, r0 + L);
    c10.fma(sv, DoubleVector.fromArray(S, g, r1)).intoArray(g, r1); c11.fma(sv, DoubleVector.fromArray(S, g, r1 + L)).intoArray(g, r1 + L);
    c20.fma(sv, DoubleVector.fromArray(S, g, r2)).intoArray(g, r2); c21.fma(sv, DoubleVector.fromArray(S, g, r2 + L)).intoArray(g, r2 + L);
    c30.fma(sv, DoubleVector.fromArray(S, g, r3)).intoArray(g, r3); c31.fma(sv, DoubleVector.fromArray(S, g, r3 + L)).intoArray(g, r3 + L);
  }

  private static void add3(double[] g, int at, double s, DoubleVector v0, DoubleVector v1, DoubleVector v2) {
    DoubleVector sv = DoubleVector.broadcast(S, s);
    v0.fma(sv, DoubleVector.fromArray(S, g, at)).intoArray(g, at);
    v1.fma(sv, DoubleVector.fromArray(S, g, at + L)).intoArray(g, at + L);
    v2.fma(sv, DoubleVector.fromArray(S, g, at + 2 * L)).intoArray(g, at + 2 * L);
  }

  /** One row of the gradient over `vectors` consecutive vectors of features. */
  private static void gradient1x1(double[] e, int m0, int len, double[] pack, int stride, int k, int vectors, double s, double[] g, int gr) {
    for (int v = 0; v < vectors; v++) {
      DoubleVector c0 = DoubleVector.zero(S);
      for (int t = 0, at = k + v * L; t < len; t++, at += stride) c0 = DoubleVector.fromArray(S, pack, at).fma(DoubleVector.broadcast(S, e[m0 + t]), c0);
      int o = gr + v * L;
      c0.fma(DoubleVector.broadcast(S, s), DoubleVector.fromArray(S, g, o)).intoArray(g, o);
    }
  }

  /** Q(t) by Estrin's scheme: the same polynomial as Horner's rule with a third of its latency. */
  private static DoubleVector estrin(DoubleVector t) {
    double[] q = ErfApproximation.Q;
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

  /** h = erf(z), dh = erf'(z) (when not null) over [0, n), with {@link ErfApproximation}'s formula. */
  static void erf(double[] z, double[] h, double[] dh, int n) {
    int i = 0;
    DoubleVector one = DoubleVector.broadcast(S, 1.0);
    for (; i + L <= n; i += L) {
      DoubleVector x = DoubleVector.fromArray(S, z, i);
      DoubleVector ax = x.abs();
      DoubleVector t = one.div(ax.fma(DoubleVector.broadcast(S, ErfApproximation.P), one));
      DoubleVector e = x.mul(x).neg().lanewise(VectorOperators.EXP);
      DoubleVector poly = estrin(t);
      DoubleVector v = one.sub(t.mul(e).mul(poly));
      v.blend(v.neg(), x.compare(VectorOperators.LT, 0.0)).intoArray(h, i);
      if (dh != null) e.mul(ErfApproximation.TWO_OVER_SQRT_PI).intoArray(dh, i);
    }
    for (; i < n; i++) {
      double x = z[i], e = Math.exp(-x * x);
      h[i] = ErfApproximation.erf(x, e);
      if (dh != null) dh[i] = ErfApproximation.TWO_OVER_SQRT_PI * e;
    }
  }
}
