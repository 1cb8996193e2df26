package org.flscale.verify;

/**
 * out[i][mu] = s sum_k W[i][k] in[k][mu] for a weight block stored row-major in theta: the
 * feature-major product of {@link Network#forward}, shared by the conv filters and the attention
 * values (same four-wide axpy over separate batch-long arrays, which the JIT vectorizes).
 */
final class Projection {
  private Projection() {}

  static void apply(double[] theta, int w0, int nin, int nout, double s, double[][] in, double[][] out, int count) {
    for (int i = 0; i < nout; i++) java.util.Arrays.fill(out[i], 0, count, 0.0);
    int chunk = Network.chunk(nin);
    for (int m0 = 0; m0 < count; m0 += chunk) {
      int m1 = Math.min(count, m0 + chunk);
      for (int i = 0; i < nout; i++) {
        int wr = w0 + i * nin;
        double[] zr = out[i];
        int k = 0;
        for (; k + 3 < nin; k += 4) {
          Network.axpy4(m0, m1, s * theta[wr + k], s * theta[wr + k + 1], s * theta[wr + k + 2], s * theta[wr + k + 3],
              in[k], in[k + 1], in[k + 2], in[k + 3], zr);
        }
        for (; k < nin; k++) Network.axpy(m0, m1, s * theta[wr + k], in[k], zr);
      }
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
