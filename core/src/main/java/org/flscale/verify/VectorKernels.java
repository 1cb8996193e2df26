package org.flscale.verify;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The batch kernels of {@link BatchOps} with the JDK's
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

  /**
   * Packing buffers, one per thread (chains run in parallel): the products' panels, and the weight
   * gradient's sample-major input blocks.
   */
  private static final ThreadLocal<double[][]> PANEL = ThreadLocal.withInitial(() -> new double[1][0]);
  private static final ThreadLocal<double[][]> PACK = ThreadLocal.withInitial(() -> new double[1][0]);
  private static final ThreadLocal<double[][]> LANES = ThreadLocal.withInitial(() -> new double[1][0]);

  /**
   * c[r][j] = s sum_t a[a0 + r rs + t ts] b[t][j] for r < rows, t < depth, m0 <= j < m1: the forward
   * product (rs = fan-in, ts = 1) and the backward one through a block (rs = 1, ts = fan-in). Each
   * register block's panel of b (depth x 3 vectors) is first copied into one contiguous buffer: read
   * from depth separate rows, the panel's lines fall into a few cache sets (rows a page apart) and
   * are evicted between the row groups that reuse it.
   */
  static void product(double[] a, int a0, int rs, int ts, int rows, int depth, double s, double[][] b, double[][] c, int m0, int m1) {
    int vectors = (m1 - m0) / L;
    double[] pk = packBuffer(PANEL, depth * 3 * L + HeapAlignment.PAD);
    int o = HeapAlignment.offset(pk);
    for (int v = 0; v < vectors; ) {
      int w = width(vectors - v), j = m0 + v * L, span = w * L;
      for (int t = 0; t < depth; t++) System.arraycopy(b[t], j, pk, o + t * span, span);
      int r = 0;
      for (; r + 3 < rows; r += 4) {
        if (w == 3) block4x3(a, a0 + r * rs, rs, ts, depth, s, pk, o, c, r, j);
        else if (w == 2) block4x2(a, a0 + r * rs, rs, ts, depth, s, pk, o, c, r, j);
        else for (int q = r; q < r + 4; q++) block1x1(a, a0 + q * rs, ts, depth, s, pk, span, o, c[q], j);
      }
      for (; r < rows; r++) for (int u = 0; u < w; u++) block1x1(a, a0 + r * rs, ts, depth, s, pk, span, o + u * L, c[r], j + u * L);
      v += w;
    }
    for (int j = m0 + vectors * L; j < m1; j++) {
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

  /** C[r..r+4)[j..j+3L) from a packed panel pk[o + t 3L + u] (u < 3L). */
  private static void block4x3(double[] a, int ar, int rs, int ts, int depth, double s, double[] pk, int o, double[][] c, int r, int j) {
    DoubleVector c00 = DoubleVector.zero(S), c01 = c00, c02 = c00, c10 = c00, c11 = c00, c12 = c00;
    DoubleVector c20 = c00, c21 = c00, c22 = c00, c30 = c00, c31 = c00, c32 = c00;
    for (int t = 0, at = ar, pt = o; t < depth; t++, at += ts, pt += 3 * L) {
      DoubleVector x0 = DoubleVector.fromArray(S, pk, pt), x1 = DoubleVector.fromArray(S, pk, pt + L), x2 = DoubleVector.fromArray(S, pk, pt + 2 * L);
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

  /** C[r..r+4)[j..j+2L) from a packed panel pk[o + t 2L + u] (u < 2L). */
  private static void block4x2(double[] a, int ar, int rs, int ts, int depth, double s, double[] pk, int o, double[][] c, int r, int j) {
    DoubleVector c00 = DoubleVector.zero(S), c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00, c30 = c00, c31 = c00;
    for (int t = 0, at = ar, pt = o; t < depth; t++, at += ts, pt += 2 * L) {
      DoubleVector x0 = DoubleVector.fromArray(S, pk, pt), x1 = DoubleVector.fromArray(S, pk, pt + L);
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

  /** One vector row[j..j+L) from lanes u..u+L of a packed panel of row length span. */
  private static void block1x1(double[] a, int ar, int ts, int depth, double s, double[] pk, int span, int u, double[] row, int j) {
    DoubleVector c0 = DoubleVector.zero(S);
    for (int t = 0, at = ar, pt = u; t < depth; t++, at += ts, pt += span) c0 = DoubleVector.fromArray(S, pk, pt).fma(DoubleVector.broadcast(S, a[at]), c0);
    c0.mul(s).intoArray(row, j);
  }

  /**
   * g[g0 + i nin + k] += s sum_mu del[i][mu] in[k][mu], from <= mu < to: the weight gradient. Over a block of 128
   * samples and 3 vectors of features, the input is first packed sample-major into one contiguous
   * panel (24 KiB, held in L1 while every group of 4 rows reuses it). inRows, when not null, is the
   * same input sample-major (inRows[mu nin + k], the data's own layout), which packs by row copies.
   */
  static void outerReduce(int from, int to, int nout, int nin, double[][] del, double[][] in, double[] inRows, double s, double[] g, int g0) {
    int kv = nin - nin % L; // features covered by whole vectors; the rest are one zero-padded vector
    int block = 128;
    double[] pk = packBuffer(PACK, block * 3 * L + HeapAlignment.PAD);
    int o = HeapAlignment.offset(pk), vectors = kv / L;
    for (int m0 = from; m0 < to; m0 += block) {
      int len = Math.min(to, m0 + block) - m0;
      for (int v = 0; v < vectors; ) {
        int w = width(vectors - v), k = v * L, span = w * L;
        if (inRows != null) {
          for (int t = 0; t < len; t++) System.arraycopy(inRows, (m0 + t) * nin + k, pk, o + t * span, span);
        } else {
          for (int u = 0; u < span; u++) {
            double[] x = in[k + u];
            for (int t = 0, at = o + u; t < len; t++, at += span) pk[at] = x[m0 + t];
          }
        }
        int i = 0;
        for (; i + 3 < nout; i += 4) {
          if (w == 3) gradient4x3(del, i, m0, len, pk, o, s, g, g0 + i * nin + k, nin);
          else if (w == 2) gradient4x2(del, i, m0, len, pk, o, s, g, g0 + i * nin + k, nin);
          else for (int q = i; q < i + 4; q++) gradient1x1(del[q], m0, len, pk, span, o, s, g, g0 + q * nin + k);
        }
        for (; i < nout; i++) for (int u = 0; u < w; u++) gradient1x1(del[i], m0, len, pk, span, o + u * L, s, g, g0 + i * nin + k + u * L);
        v += w;
      }
      if (kv < nin) gradientTail(del, nout, m0, len, in, inRows, nin, kv, pk, o, s, g, g0);
    }
  }

  /**
   * The last nin - kv features, fewer than a vector (a conv patch of 12 leaves 4, of 6 all): packed
   * as one vector with zeros beyond nin, reduced 4 rows at a time, added to g lane by lane.
   */
  private static void gradientTail(double[][] del, int nout, int m0, int len, double[][] in, double[] inRows, int nin, int kv, double[] pk, int o,
      double s, double[] g, int g0) {
    int rest = nin - kv;
    for (int t = 0, at = o; t < len; t++, at += L) {
      for (int u = 0; u < L; u++) pk[at + u] = u >= rest ? 0 : inRows != null ? inRows[(m0 + t) * nin + kv + u] : in[kv + u][m0 + t];
    }
    double[] lanes = packBuffer(LANES, 4 * L);
    int i = 0;
    for (; i + 3 < nout; i += 4) {
      double[] e0 = del[i], e1 = del[i + 1], e2 = del[i + 2], e3 = del[i + 3];
      DoubleVector c0 = DoubleVector.zero(S), c1 = c0, c2 = c0, c3 = c0;
      for (int t = 0, pt = o; t < len; t++, pt += L) {
        DoubleVector x = DoubleVector.fromArray(S, pk, pt);
        int mu = m0 + t;
        c0 = x.fma(DoubleVector.broadcast(S, e0[mu]), c0);
        c1 = x.fma(DoubleVector.broadcast(S, e1[mu]), c1);
        c2 = x.fma(DoubleVector.broadcast(S, e2[mu]), c2);
        c3 = x.fma(DoubleVector.broadcast(S, e3[mu]), c3);
      }
      c0.intoArray(lanes, 0); c1.intoArray(lanes, L); c2.intoArray(lanes, 2 * L); c3.intoArray(lanes, 3 * L);
      for (int q = 0; q < 4; q++) for (int u = 0; u < rest; u++) g[g0 + (i + q) * nin + kv + u] += s * lanes[q * L + u];
    }
    for (; i < nout; i++) {
      DoubleVector c0 = DoubleVector.zero(S);
      for (int t = 0, pt = o; t < len; t++, pt += L) c0 = DoubleVector.fromArray(S, pk, pt).fma(DoubleVector.broadcast(S, del[i][m0 + t]), c0);
      c0.intoArray(lanes, 0);
      for (int u = 0; u < rest; u++) g[g0 + i * nin + kv + u] += s * lanes[u];
    }
  }

  private static double[] packBuffer(ThreadLocal<double[][]> which, int size) {
    double[][] holder = which.get();
    if (holder[0].length < size) holder[0] = new double[size];
    return holder[0];
  }

  private static void gradient4x3(double[][] del, int i, int m0, int len, double[] pk, int o, double s, double[] g, int gr, int nin) {
    double[] e0 = del[i], e1 = del[i + 1], e2 = del[i + 2], e3 = del[i + 3];
    DoubleVector c00 = DoubleVector.zero(S), c01 = c00, c02 = c00, c10 = c00, c11 = c00, c12 = c00;
    DoubleVector c20 = c00, c21 = c00, c22 = c00, c30 = c00, c31 = c00, c32 = c00;
    for (int t = 0, pt = o; t < len; t++, pt += 3 * L) {
      int mu = m0 + t;
      DoubleVector x0 = DoubleVector.fromArray(S, pk, pt), x1 = DoubleVector.fromArray(S, pk, pt + L), x2 = DoubleVector.fromArray(S, pk, pt + 2 * L);
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

  private static void gradient4x2(double[][] del, int i, int m0, int len, double[] pk, int o, double s, double[] g, int gr, int nin) {
    double[] e0 = del[i], e1 = del[i + 1], e2 = del[i + 2], e3 = del[i + 3];
    DoubleVector c00 = DoubleVector.zero(S), c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00, c30 = c00, c31 = c00;
    for (int t = 0, pt = o; t < len; t++, pt += 2 * L) {
      int mu = m0 + t;
      DoubleVector x0 = DoubleVector.fromArray(S, pk, pt), x1 = DoubleVector.fromArray(S, pk, pt + L);
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

  /** One vector of one gradient row, g[gr..gr+L), from lanes u..u+L of a packed panel of row length span. */
  private static void gradient1x1(double[] e, int m0, int len, double[] pk, int span, int u, double s, double[] g, int gr) {
    DoubleVector c0 = DoubleVector.zero(S);
    for (int t = 0, pt = u; t < len; t++, pt += span) c0 = DoubleVector.fromArray(S, pk, pt).fma(DoubleVector.broadcast(S, e[m0 + t]), c0);
    c0.fma(DoubleVector.broadcast(S, s), DoubleVector.fromArray(S, g, gr)).intoArray(g, gr);
  }

  /** out[mu] = sum_j a[j][mu] b[j][mu] over [m0, m1): four vectors of samples at a time, the sum over j in registers. */
  static void columnDots(double[][] a, double[][] b, int rows, double[] out, int m0, int m1) {
    int mu = m0;
    for (; mu + 4 * L <= m1; mu += 4 * L) {
      DoubleVector c0 = DoubleVector.zero(S), c1 = c0, c2 = c0, c3 = c0;
      for (int j = 0; j < rows; j++) {
        double[] x = a[j], y = b[j];
        c0 = DoubleVector.fromArray(S, x, mu).fma(DoubleVector.fromArray(S, y, mu), c0);
        c1 = DoubleVector.fromArray(S, x, mu + L).fma(DoubleVector.fromArray(S, y, mu + L), c1);
        c2 = DoubleVector.fromArray(S, x, mu + 2 * L).fma(DoubleVector.fromArray(S, y, mu + 2 * L), c2);
        c3 = DoubleVector.fromArray(S, x, mu + 3 * L).fma(DoubleVector.fromArray(S, y, mu + 3 * L), c3);
      }
      c0.intoArray(out, mu); c1.intoArray(out, mu + L); c2.intoArray(out, mu + 2 * L); c3.intoArray(out, mu + 3 * L);
    }
    for (; mu + L <= m1; mu += L) {
      DoubleVector c0 = DoubleVector.zero(S);
      for (int j = 0; j < rows; j++) c0 = DoubleVector.fromArray(S, a[j], mu).fma(DoubleVector.fromArray(S, b[j], mu), c0);
      c0.intoArray(out, mu);
    }
    for (; mu < m1; mu++) {
      double sum = 0;
      for (int j = 0; j < rows; j++) sum = Math.fma(a[j][mu], b[j][mu], sum);
      out[mu] = sum;
    }
  }
}
