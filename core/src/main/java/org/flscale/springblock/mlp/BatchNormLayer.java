package org.flscale.springblock.mlp;

/**
 * Batch normalisation of an n x w row-major block, column by column: zh = (z - mean)/sqrt(var + eps)
 * (the batch's biased variance), y = gamma zh + beta. In training the batch's statistics are used
 * and remembered; in evaluation the remembered ones.
 */
final class BatchNormLayer {
  static final double EPS = 1e-5;
  final int width;
  final double[] gamma, beta, dGamma, dBeta;
  /** The statistics of the last training batch (used in evaluation). */
  final double[] mean, invStd;
  private final double[] colA, colB;

  BatchNormLayer(int width) {
    this.width = width;
    gamma = new double[width];
    java.util.Arrays.fill(gamma, 1);
    beta = new double[width];
    dGamma = new double[width];
    dBeta = new double[width];
    mean = new double[width];
    invStd = new double[width];
    java.util.Arrays.fill(invStd, 1);
    colA = new double[width];
    colB = new double[width];
  }

  /** zh and y from z (n rows); train: from the batch's statistics, which are kept. */
  void forward(double[] z, int n, boolean train, double[] zh, double[] y) {
    int w = width;
    if (train) {
      java.util.Arrays.fill(colA, 0);
      java.util.Arrays.fill(colB, 0);
      for (int i = 0; i < n; i++) for (int j = 0; j < w; j++) colA[j] += z[i * w + j];
      for (int j = 0; j < w; j++) mean[j] = colA[j] / n;
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < w; j++) {
          double u = z[i * w + j] - mean[j];
          colB[j] += u * u;
        }
      }
      for (int j = 0; j < w; j++) invStd[j] = 1 / Math.sqrt(colB[j] / n + EPS);
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < w; j++) {
        double u = (z[i * w + j] - mean[j]) * invStd[j];
        zh[i * w + j] = u;
        y[i * w + j] = gamma[j] * u + beta[j];
      }
    }
  }

  /** From dy (n x w) the gradients of gamma and beta, and dz written over dy. */
  void backward(double[] dy, double[] zh, int n) {
    int w = width;
    java.util.Arrays.fill(dGamma, 0);
    java.util.Arrays.fill(dBeta, 0);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < w; j++) {
        dGamma[j] += dy[i * w + j] * zh[i * w + j];
        dBeta[j] += dy[i * w + j];
      }
    }
    // dz = gamma invStd / n (n dy - sum dy - zh sum(dy zh))
    for (int j = 0; j < w; j++) colA[j] = gamma[j] * invStd[j] / n;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < w; j++) {
        int q = i * w + j;
        dy[q] = colA[j] * (n * dy[q] - dBeta[j] - zh[q] * dGamma[j]);
      }
    }
  }
}
