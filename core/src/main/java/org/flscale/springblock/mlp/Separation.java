package org.flscale.springblock.mlp;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * Data separation D = Tr(SS_w SS_b^+) of features h (n x w) with class labels: SS_w the
 * within-class scatter (1/n) sum_i (h_i - m_(y_i))(h_i - m_(y_i))^T, SS_b the between-class scatter
 * (1/n) sum_c n_c (m_c - m)(m_c - m)^T, ^+ the Moore-Penrose pseudo-inverse (EJML's SVD; singular
 * values below 1e-10 of the largest count as zero, SS_b having rank at most classes - 1).
 * Small D: well separated classes.
 */
public final class Separation {
  private Separation() {}

  public static double of(double[] h, int n, int w, int[] labels, int classes) {
    double[] means = new double[classes * w], all = new double[w];
    int[] counts = new int[classes];
    for (int i = 0; i < n; i++) {
      counts[labels[i]]++;
      for (int j = 0; j < w; j++) {
        means[labels[i] * w + j] += h[i * w + j];
        all[j] += h[i * w + j] / n;
      }
    }
    for (int c = 0; c < classes; c++) for (int j = 0; j < w; j++) if (counts[c] > 0) means[c * w + j] /= counts[c];
    DMatrixRMaj within = new DMatrixRMaj(w, w), between = new DMatrixRMaj(w, w);
    DMatrixRMaj centred = new DMatrixRMaj(n, w);
    for (int i = 0; i < n; i++) for (int j = 0; j < w; j++) centred.data[i * w + j] = h[i * w + j] - means[labels[i] * w + j];
    CommonOps_DDRM.multTransA(centred, centred, within);
    CommonOps_DDRM.scale(1.0 / n, within);
    DMatrixRMaj spread = new DMatrixRMaj(classes, w);
    for (int c = 0; c < classes; c++) {
      double weight = Math.sqrt((double) counts[c] / n);
      for (int j = 0; j < w; j++) spread.data[c * w + j] = counts[c] > 0 ? weight * (means[c * w + j] - all[j]) : 0;
    }
    CommonOps_DDRM.multTransA(spread, spread, between);
    return trace(within, pseudoInverse(between));
  }

  private static DMatrixRMaj pseudoInverse(DMatrixRMaj a) {
    SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(a.numRows, a.numCols, true, true, false);
    if (!svd.decompose(a.copy())) throw new IllegalStateException("SVD of the between-class scatter failed");
    DMatrixRMaj u = svd.getU(null, false), v = svd.getV(null, false);
    double[] sv = svd.getSingularValues();
    double max = 0;
    for (double s : sv) max = Math.max(max, s);
    // A^+ = V diag(1/s) U^T over the singular values above the cut
    DMatrixRMaj vs = v.copy();
    for (int k = 0; k < sv.length; k++) {
      double inv = sv[k] > 1e-10 * max ? 1 / sv[k] : 0;
      for (int r = 0; r < vs.numRows; r++) vs.set(r, k, vs.get(r, k) * inv);
    }
    DMatrixRMaj out = new DMatrixRMaj(a.numCols, a.numRows);
    CommonOps_DDRM.multTransB(vs, u, out);
    return out;
  }

  private static double trace(DMatrixRMaj a, DMatrixRMaj b) {
    double t = 0;
    for (int i = 0; i < a.numRows; i++) for (int k = 0; k < a.numCols; k++) t += a.get(i, k) * b.get(k, i);
    return t;
  }
}
