package org.flscale.verify;

/**
 * The batch kernels every network kind is built from, on feature-major arrays (one array per
 * feature holding the whole batch, {@code double[n][batch]}). The products that produce batch-long
 * rows are axpy loops over separate arrays indexed by the loop variable alone, a shape the JDK 17
 * JIT vectorizes (it does not when the arrays are indexed with offsets, e.g. rows of one flat
 * array: measured 4 versus 32 GFLOP/s on one core). They are unrolled four-wide over the
 * reduction index and walk the batch in cache-sized blocks. The weight gradients, which reduce
 * over the batch, use a 4 x 4 register-blocked kernel with fused multiply-adds. When the JDK's
 * Vector API is loaded ({@link VectorSupport}) the two products and the weight gradient run on
 * {@link VectorKernels} instead (the scalar ones stay as the fallback and as its test's reference).
 */
final class BatchOps {
  private BatchOps() {}

  /** Batch columns per cache block, so that a block of an n-row input stays near 32 KiB. */
  static int chunk(int n) {
    return Math.max(64, (4096 / Math.max(1, n)) & ~7);
  }

  /** y[j] += a x[j], m0 <= j < m1. */
  static void axpy(int m0, int m1, double a, double[] x, double[] y) {
    for (int j = m0; j < m1; j++) y[j] += a * x[j];
  }

  /** y[j] += a0 x0[j] + a1 x1[j] + a2 x2[j] + a3 x3[j], m0 <= j < m1. */
  static void axpy4(int m0, int m1, double a0, double a1, double a2, double a3, double[] x0, double[] x1, double[] x2, double[] x3, double[] y) {
    for (int j = m0; j < m1; j++) y[j] += a0 * x0[j] + a1 * x1[j] + a2 * x2[j] + a3 * x3[j];
  }

  /** out[j] = a r[j] d[j], m0 <= j < m1. */
  static void scaledProduct(int m0, int m1, double a, double[] r, double[] d, double[] out) {
    for (int j = m0; j < m1; j++) out[j] = a * r[j] * d[j];
  }

  static void scaledProduct(int len, double a, double[] r, double[] d, double[] out) {
    scaledProduct(0, len, a, r, d, out);
  }

  /** y[j] *= x[j], m0 <= j < m1. */
  static void multiplyInPlace(int m0, int m1, double[] y, double[] x) {
    for (int j = m0; j < m1; j++) y[j] *= x[j];
  }

  static void multiplyInPlace(int len, double[] y, double[] x) {
    multiplyInPlace(0, len, y, x);
  }

  /**
   * out[mu] = sum_{j < rows} a[j][mu] b[j][mu], m0 <= mu < m1: per sample, the dot product of two
   * feature-major blocks (the attention scores x_a . A x_b, and sums over tokens), accumulated in
   * registers instead of one pass over out per row.
   */
  static void columnDots(double[][] a, double[][] b, int rows, double[] out, int m0, int m1) {
    if (VectorSupport.ENABLED) {
      VectorKernels.columnDots(a, b, rows, out, m0, m1);
      return;
    }
    java.util.Arrays.fill(out, m0, m1, 0.0);
    for (int j = 0; j < rows; j++) {
      double[] x = a[j], y = b[j];
      for (int mu = m0; mu < m1; mu++) out[mu] = Math.fma(x[mu], y[mu], out[mu]);
    }
  }

  static double dot(int m0, int m1, double[] a, double[] b) {
    double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    int j = m0;
    for (; j + 3 < m1; j += 4) {
      s0 = Math.fma(a[j], b[j], s0);
      s1 = Math.fma(a[j + 1], b[j + 1], s1);
      s2 = Math.fma(a[j + 2], b[j + 2], s2);
      s3 = Math.fma(a[j + 3], b[j + 3], s3);
    }
    for (; j < m1; j++) s0 = Math.fma(a[j], b[j], s0);
    return (s0 + s1) + (s2 + s3);
  }

  /**
   * out[i][mu] = s sum_k W[i][k] in[k][mu] for a weight block W (nout x nin) stored row-major in
   * theta from w0, m0 <= mu < m1: a layer's pre-activations.
   */
  static void project(double[] theta, int w0, int nin, int nout, double s, double[][] in, double[][] out, int m0, int m1) {
    if (VectorSupport.ENABLED) VectorKernels.product(theta, w0, nin, 1, nout, nin, s, in, out, m0, m1);
    else scalarProject(theta, w0, nin, nout, s, in, out, m0, m1);
  }

  static void project(double[] theta, int w0, int nin, int nout, double s, double[][] in, double[][] out, int count) {
    project(theta, w0, nin, nout, s, in, out, 0, count);
  }

  static void scalarProject(double[] theta, int w0, int nin, int nout, double s, double[][] in, double[][] out, int from, int to) {
    for (int i = 0; i < nout; i++) java.util.Arrays.fill(out[i], from, to, 0.0);
    int chunk = chunk(nin);
    for (int m0 = from; m0 < to; m0 += chunk) {
      int m1 = Math.min(to, m0 + chunk);
      for (int i = 0; i < nout; i++) {
        int wr = w0 + i * nin;
        double[] zr = out[i];
        int k = 0;
        for (; k + 3 < nin; k += 4) {
          axpy4(m0, m1, s * theta[wr + k], s * theta[wr + k + 1], s * theta[wr + k + 2], s * theta[wr + k + 3],
              in[k], in[k + 1], in[k + 2], in[k + 3], zr);
        }
        for (; k < nin; k++) axpy(m0, m1, s * theta[wr + k], in[k], zr);
      }
    }
  }

  /**
   * out[k][mu] = s sum_i W[i][k] del[i][mu] (the transposed product, for back-propagating through a
   * block), then multiplied by scale[k][mu] when scale is not null; m0 <= mu < m1.
   */
  static void projectBack(double[] theta, int w0, int nin, int nout, double s, double[][] del, double[][] out, double[][] scale, int m0, int m1) {
    if (!VectorSupport.ENABLED) {
      scalarProjectBack(theta, w0, nin, nout, s, del, out, scale, m0, m1);
      return;
    }
    VectorKernels.product(theta, w0, 1, nin, nin, nout, s, del, out, m0, m1);
    if (scale != null) for (int k = 0; k < nin; k++) multiplyInPlace(m0, m1, out[k], scale[k]);
  }

  static void scalarProjectBack(double[] theta, int w0, int nin, int nout, double s, double[][] del, double[][] out, double[][] scale, int m0, int m1) {
    for (int k = 0; k < nin; k++) {
      double[] pr = out[k];
      java.util.Arrays.fill(pr, m0, m1, 0.0);
      int i = 0;
      for (; i + 3 < nout; i += 4) {
        axpy4(m0, m1, s * theta[w0 + i * nin + k], s * theta[w0 + (i + 1) * nin + k], s * theta[w0 + (i + 2) * nin + k],
            s * theta[w0 + (i + 3) * nin + k], del[i], del[i + 1], del[i + 2], del[i + 3], pr);
      }
      for (; i < nout; i++) axpy(m0, m1, s * theta[w0 + i * nin + k], del[i], pr);
      if (scale != null) multiplyInPlace(m0, m1, pr, scale[k]);
    }
  }

  /**
   * g[g0 + i * nin + k] += s * sum_mu del[i][mu] * in[k][mu], m0 <= mu < m1: the weight gradient,
   * reduced over the batch in 4 x 4 register blocks, the batch walked in cache-sized blocks.
   */
  static void outerReduce(int m0, int m1, int nout, int nin, double[][] del, double[][] in, double s, double[] g, int g0) {
    outerReduce(m0, m1, nout, nin, del, in, null, s, g, g0);
  }

  static void outerReduce(int count, int nout, int nin, double[][] del, double[][] in, double s, double[] g, int g0) {
    outerReduce(0, count, nout, nin, del, in, null, s, g, g0);
  }

  /** The same, given the input also sample-major (inRows[mu * nin + k], as the data hold it), which the vector kernel packs by row copies. */
  static void outerReduce(int m0, int m1, int nout, int nin, double[][] del, double[][] in, double[] inRows, double s, double[] g, int g0) {
    if (VectorSupport.ENABLED) VectorKernels.outerReduce(m0, m1, nout, nin, del, in, inRows, s, g, g0);
    else scalarOuterReduce(m0, m1, nout, nin, del, in, s, g, g0);
  }

  static void scalarOuterReduce(int from, int to, int nout, int nin, double[][] del, double[][] in, double s, double[] g, int g0) {
    int chunk = chunk(nin + nout);
    for (int m0 = from; m0 < to; m0 += chunk) outerReduceBlock(m0, Math.min(to, m0 + chunk), nout, nin, del, in, s, g, g0);
  }

  private static void outerReduceBlock(int m0, int m1, int nout, int nin, double[][] del, double[][] in, double s, double[] g, int g0) {
    int i = 0;
    for (; i + 3 < nout; i += 4) {
      double[] e0 = del[i], e1 = del[i + 1], e2 = del[i + 2], e3 = del[i + 3];
      int k = 0;
      for (; k + 3 < nin; k += 4) {
        double[] y0 = in[k], y1 = in[k + 1], y2 = in[k + 2], y3 = in[k + 3];
        double c00 = 0, c01 = 0, c02 = 0, c03 = 0, c10 = 0, c11 = 0, c12 = 0, c13 = 0;
        double c20 = 0, c21 = 0, c22 = 0, c23 = 0, c30 = 0, c31 = 0, c32 = 0, c33 = 0;
        for (int mu = m0; mu < m1; mu++) {
          double x0 = y0[mu], x1 = y1[mu], x2 = y2[mu], x3 = y3[mu];
          double d0 = e0[mu], d1 = e1[mu], d2 = e2[mu], d3 = e3[mu];
          c00 = Math.fma(d0, x0, c00); c01 = Math.fma(d0, x1, c01); c02 = Math.fma(d0, x2, c02); c03 = Math.fma(d0, x3, c03);
          c10 = Math.fma(d1, x0, c10); c11 = Math.fma(d1, x1, c11); c12 = Math.fma(d1, x2, c12); c13 = Math.fma(d1, x3, c13);
          c20 = Math.fma(d2, x0, c20); c21 = Math.fma(d2, x1, c21); c22 = Math.fma(d2, x2, c22); c23 = Math.fma(d2, x3, c23);
          c30 = Math.fma(d3, x0, c30); c31 = Math.fma(d3, x1, c31); c32 = Math.fma(d3, x2, c32); c33 = Math.fma(d3, x3, c33);
        }
        int r0 = g0 + i * nin + k, r1 = r0 + nin, r2 = r1 + nin, r3 = r2 + nin;
        g[r0] += s * c00; g[r0 + 1] += s * c01; g[r0 + 2] += s * c02; g[r0 + 3] += s * c03;
        g[r1] += s * c10; g[r1 + 1] += s * c11; g[r1 + 2] += s * c12; g[r1 + 3] += s * c13;
        g[r2] += s * c20; g[r2 + 1] += s * c21; g[r2 + 2] += s * c22; g[r2 + 3] += s * c23;
        g[r3] += s * c30; g[r3 + 1] += s * c31; g[r3 + 2] += s * c32; g[r3 + 3] += s * c33;
      }
      for (; k < nin; k++) {
        for (int ii = i; ii < i + 4; ii++) g[g0 + ii * nin + k] += s * dot(m0, m1, del[ii], in[k]);
      }
    }
    for (; i < nout; i++) {
      for (int k = 0; k < nin; k++) g[g0 + i * nin + k] += s * dot(m0, m1, del[i], in[k]);
    }
  }

  /** |W_i . u| / |W_i| for each row i of the block. */
  static void rowOverlaps(double[] theta, int w0, int nin, int nout, double[] u, double[] out) {
    for (int i = 0; i < nout; i++) out[i] = overlap(theta, w0 + i * nin, nin, u);
  }

  static double overlap(double[] theta, int at, int len, double[] u) {
    double dot = 0, norm = 0;
    for (int k = 0; k < len; k++) {
      double v = theta[at + k];
      dot += v * u[k];
      norm += v * v;
    }
    return norm > 0 ? Math.abs(dot) / Math.sqrt(norm) : 0;
  }

  /** Sets rows 0..rows-1 of the block to sqrt(nin) u: in preconditioned units the weight vector is then u itself. */
  static void alignRows(double[] theta, int w0, int nin, int rows, double[] u) {
    double s = Math.sqrt(nin);
    for (int i = 0; i < rows; i++) for (int k = 0; k < nin; k++) theta[w0 + i * nin + k] = s * u[k];
  }
}
