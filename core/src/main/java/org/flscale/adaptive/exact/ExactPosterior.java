package org.flscale.adaptive.exact;

import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * The exact posterior of the linear network f(x) = sum_i a_i w_i.x, w_i ~ N(0, g_w I/d),
 * a_i ~ N(0, g_a/(chi N)), likelihood exp(-|y - f(X)|^2/(2 kappa)), reduced to the kernel scale
 * Q = chi |a|^2/g_a. In t = ln Q the posterior density is exp(-S(t)) with
 *   S = (N/2)(Q - t) + (1/2) sum_mu z_mu^2/(Q r_mu + kappa) + (1/2) sum_mu ln(Q r_mu + kappa),
 * r_mu the eigenvalues of K = (g_a g_w/(chi d)) X X' and z = U'y in its eigenbasis (docs/adaptive.md
 * derives it). Given Q, everything is Gaussian: the predictor is the GP with kernel Q K, and the
 * hidden weights' second moment along the teacher is a d x d computation in the eigenbasis of X'X.
 * Moments over Q are Gauss-Legendre quadrature (commons-math3) in t over the posterior's bulk.
 */
public final class ExactPosterior {
  /** What the posterior predicts: means over Q, the saddles, and the small-ridge closed form. */
  public record Moments(double meanQ, double sdQ, double saddleQ, double treeQ, double closedFormQ, double spike, double[] predictor) {}

  private final LinearTask task;
  private final int n;
  private final double chi, kappa, ga, gw;
  private final double[] r, z, r1Kernel;   // eigenvalues of K (this chi), y in K's eigenbasis, eigenvalues of K at chi = 1
  private final double[][] testK;          // per test point: U'k1(x*) (the chi = 1 kernel vector in K's eigenbasis)
  private final double[] s, e, b;          // eigenvalues of X'X, teacher and X'y in its eigenbasis

  public ExactPosterior(LinearTask task, int width, double chi, double kappa, double ga, double gw) {
    this.task = task;
    this.n = width;
    this.chi = chi;
    this.kappa = kappa;
    this.ga = ga;
    this.gw = gw;
    int p = task.p(), d = task.d();
    DMatrixRMaj x = new DMatrixRMaj(p, d, true, task.x());
    DMatrixRMaj k1 = new DMatrixRMaj(p, p);
    CommonOps_DDRM.multTransB(x, x, k1);
    CommonOps_DDRM.scale(ga * gw / d, k1);
    DMatrixRMaj[] ku = eig(k1);
    r1Kernel = diagonal(ku[0]);
    r = new double[p];
    for (int m = 0; m < p; m++) r[m] = Math.max(r1Kernel[m], 0) / chi;
    z = times(ku[1], task.y());
    testK = new double[task.tests()][];
    for (int t = 0; t < task.tests(); t++) {
      double[] kt = new double[p];
      for (int mu = 0; mu < p; mu++) kt[mu] = ga * gw / d * LinearTask.dot(task.x(), mu * d, row(task.testX(), t, d), d);
      testK[t] = times(ku[1], kt);
    }
    DMatrixRMaj xtx = new DMatrixRMaj(d, d);
    CommonOps_DDRM.multTransA(x, x, xtx);
    DMatrixRMaj[] sv = eig(xtx);
    s = diagonal(sv[0]);
    e = times(sv[1], task.teacher());
    double[] xty = new double[d];
    for (int j = 0; j < d; j++) for (int mu = 0; mu < p; mu++) xty[j] += task.x()[mu * d + j] * task.y()[mu];
    b = times(sv[1], xty);
  }

  /** S(t), the negative log density of t = ln Q (up to a constant). */
  public double action(double t) {
    double q = Math.exp(t), v = 0.5 * n * (q - t);
    for (int m = 0; m < r.length; m++) {
      double a = q * r[m] + kappa;
      v += 0.5 * z[m] * z[m] / a + 0.5 * Math.log(a);
    }
    return v;
  }

  /** dS/dt; its root is the saddle N(1 - 1/Q) = y'A^-1 K A^-1 y - Tr(A^-1 K). Without the log-determinant when tree. */
  double slope(double t, boolean tree) {
    double q = Math.exp(t), fit = 0, trace = 0;
    for (int m = 0; m < r.length; m++) {
      double a = q * r[m] + kappa;
      fit += z[m] * z[m] * r[m] / (a * a);
      trace += r[m] / a;
    }
    return 0.5 * n * (q - 1) - 0.5 * q * (fit - (tree ? 0 : trace));
  }

  /** The saddle's Q (tree: the log-determinant dropped). */
  public double saddle(boolean tree) {
    UnivariateFunction f = t -> slope(t, tree);
    double lo = -1, hi = 1;
    while (f.value(lo) > 0) lo -= 2;
    while (f.value(hi) < 0) hi += 2;
    return Math.exp(new BrentSolver(1e-13, 1e-13).solve(10_000, f, lo, hi));
  }

  /** The small-ridge closed form Q = [(N - P) + sqrt((N - P)^2 + 4 N chi r_1)]/(2N), r_1 = y'(chi K)^-1 y; NaN unless P <= d. */
  public double closedForm() {
    int p = task.p();
    if (p > task.d()) return Double.NaN;
    double r1 = 0;
    for (int m = 0; m < p; m++) r1 += z[m] * z[m] / r1Kernel[m];
    double nm = n - p;
    return (nm + Math.sqrt(nm * nm + 4.0 * n * chi * r1)) / (2.0 * n);
  }

  /** The relative excess of the hidden weights' second moment along the teacher at kernel scale Q. */
  public double spike(double q) {
    double a2 = q * ga / chi, a = Math.sqrt(a2), inverse = 0, overlap = 0;
    for (int j = 0; j < s.length; j++) {
      double lambda = task.d() / gw + a2 * Math.max(s[j], 0) / kappa;
      inverse += e[j] * e[j] / lambda;
      overlap += e[j] * (a / kappa) * b[j] / lambda;
    }
    double prior = gw / task.d();
    return (inverse + overlap * overlap + (n - 1) * prior) / (n * prior) - 1;
  }

  /** The GP predictor with kernel Q K at test point t. */
  public double predictor(double q, int t) {
    double f = 0;
    for (int m = 0; m < r.length; m++) f += q * (testK[t][m] / chi) * z[m] / (q * r[m] + kappa);
    return f;
  }

  /** Posterior moments by quadrature over t = ln Q: 40 panels of 24-point Gauss-Legendre over +-14 widths of the bulk. */
  public Moments moments() {
    return moments(40, 24);
  }

  public Moments moments(int panels, int points) {
    double qs = saddle(false), ts = Math.log(qs), h = 1e-4;
    double curvature = (slope(ts + h, false) - slope(ts - h, false)) / (2 * h);
    double width = 1 / Math.sqrt(Math.max(curvature, 1e-12));
    double lo = ts - 14 * width, hi = ts + 14 * width, s0 = action(ts);
    int tests = task.tests();
    double z0 = 0, q1 = 0, q2 = 0, sp = 0;
    double[] f = new double[tests];
    GaussIntegratorFactory factory = new GaussIntegratorFactory();
    for (int k = 0; k < panels; k++) {
      GaussIntegrator rule = factory.legendre(points, lo + (hi - lo) * k / panels, lo + (hi - lo) * (k + 1) / panels);
      for (int i = 0; i < rule.getNumberOfPoints(); i++) {
        double t = rule.getPoint(i), w = rule.getWeight(i) * Math.exp(s0 - action(t)), q = Math.exp(t);
        z0 += w;
        q1 += w * q;
        q2 += w * q * q;
        sp += w * spike(q);
        for (int j = 0; j < tests; j++) f[j] += w * predictor(q, j);
      }
    }
    for (int j = 0; j < tests; j++) f[j] /= z0;
    double mean = q1 / z0;
    return new Moments(mean, Math.sqrt(Math.max(q2 / z0 - mean * mean, 0)), qs, saddle(true), closedForm(), sp / z0, f);
  }

  /** Symmetric eigendecomposition: {eigenvalues as a diagonal matrix, eigenvectors as the rows of U'}. */
  private static DMatrixRMaj[] eig(DMatrixRMaj m) {
    EigenDecomposition_F64<DMatrixRMaj> dec = DecompositionFactory_DDRM.eig(m.numRows, true, true);
    if (!dec.decompose(m.copy())) throw new IllegalStateException("eigendecomposition failed");
    int k = m.numRows;
    DMatrixRMaj values = new DMatrixRMaj(k, k), ut = new DMatrixRMaj(k, k);
    for (int i = 0; i < k; i++) {
      values.set(i, i, dec.getEigenvalue(i).getReal());
      DMatrixRMaj v = dec.getEigenVector(i);
      for (int j = 0; j < k; j++) ut.set(i, j, v.get(j, 0));
    }
    return new DMatrixRMaj[] {values, ut};
  }

  private static double[] diagonal(DMatrixRMaj m) {
    double[] v = new double[m.numRows];
    for (int i = 0; i < v.length; i++) v[i] = m.get(i, i);
    return v;
  }

  private static double[] times(DMatrixRMaj ut, double[] v) {
    double[] out = new double[ut.numRows];
    for (int i = 0; i < ut.numRows; i++) for (int j = 0; j < v.length; j++) out[i] += ut.get(i, j) * v[j];
    return out;
  }

  private static double[] row(double[] m, int row, int n) {
    double[] v = new double[n];
    System.arraycopy(m, row * n, v, 0, n);
    return v;
  }
}
