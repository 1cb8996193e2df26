package org.flscale.verify;

/**
 * The FP32 passes' batch kernels on feature-major float arrays ({@code float[n][batch]}): the vector
 * kernels of {@link FloatKernels} when {@link VectorSupport} is on, else plain scalar loops (the
 * fallback and the tests' second reference; they are kept simple rather than fast, since the
 * launcher always loads the vector module). Sums are float; the weight gradient is added into the
 * double gradient after each block of samples.
 */
final class FloatOps {
  private FloatOps() {}

  /** {@link ErfApproximation#Q} rounded to float. */
  static final float[] ERF_Q = new float[ErfApproximation.Q.length];
  private static final float ERF_P = (float) ErfApproximation.P;
  private static final float TWO_OVER_SQRT_PI = (float) ErfApproximation.TWO_OVER_SQRT_PI;

  static {
    for (int c = 0; c < ERF_Q.length; c++) ERF_Q[c] = (float) ErfApproximation.Q[c];
  }

  /** Per thread: double buffers for the activations that run through their double kernel. */
  private static final ThreadLocal<double[][]> WIDEN = ThreadLocal.withInitial(() -> new double[3][0]);

  /** into[q] = (float) from[q] for every q. */
  static void round(double[] from, float[] into) {
    for (int q = 0; q < from.length; q++) into[q] = (float) from[q];
  }

  static float[][] round(double[][] from) {
    float[][] out = new float[from.length][];
    for (int k = 0; k < from.length; k++) {
      out[k] = new float[from[k].length];
      round(from[k], out[k]);
    }
    return out;
  }

  /** y[j] += a x[j], m0 <= j < m1. */
  static void axpy(int m0, int m1, float a, float[] x, float[] y) {
    for (int j = m0; j < m1; j++) y[j] += a * x[j];
  }

  /** out[j] = a r[j] d[j], m0 <= j < m1. */
  static void scaledProduct(int m0, int m1, float a, float[] r, float[] d, float[] out) {
    for (int j = m0; j < m1; j++) out[j] = a * r[j] * d[j];
  }

  static float dot(int m0, int m1, float[] a, float[] b) {
    float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
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

  /** out[i][mu] = s sum_k W[i][k] in[k][mu], W (nout x nin) row-major in w from w0, m0 <= mu < m1. */
  static void project(float[] w, int w0, int nin, int nout, float s, float[][] in, float[][] out, int m0, int m1) {
    if (VectorSupport.ENABLED) FloatKernels.product(w, w0, nin, 1, nout, nin, s, in, out, m0, m1);
    else scalarProject(w, w0, nin, nout, s, in, out, m0, m1);
  }

  static void scalarProject(float[] w, int w0, int nin, int nout, float s, float[][] in, float[][] out, int m0, int m1) {
    for (int i = 0; i < nout; i++) {
      java.util.Arrays.fill(out[i], m0, m1, 0f);
      for (int k = 0; k < nin; k++) axpy(m0, m1, s * w[w0 + i * nin + k], in[k], out[i]);
    }
  }

  /** out[k][mu] = s sum_i W[i][k] del[i][mu], times scale[k][mu] when scale is not null; m0 <= mu < m1. */
  static void projectBack(float[] w, int w0, int nin, int nout, float s, float[][] del, float[][] out, float[][] scale, int m0, int m1) {
    if (VectorSupport.ENABLED) FloatKernels.product(w, w0, 1, nin, nin, nout, s, del, out, m0, m1);
    else scalarProjectBack(w, w0, nin, nout, s, del, out, m0, m1);
    if (scale != null) for (int k = 0; k < nin; k++) for (int j = m0; j < m1; j++) out[k][j] *= scale[k][j];
  }

  static void scalarProjectBack(float[] w, int w0, int nin, int nout, float s, float[][] del, float[][] out, int m0, int m1) {
    for (int k = 0; k < nin; k++) {
      java.util.Arrays.fill(out[k], m0, m1, 0f);
      for (int i = 0; i < nout; i++) axpy(m0, m1, s * w[w0 + i * nin + k], del[i], out[k]);
    }
  }

  /** g[g0 + i nin + k] += s sum_mu del[i][mu] in[k][mu] (m0 <= mu < m1), summed in float; inRows: the input sample-major, or null. */
  static void outerReduce(int m0, int m1, int nout, int nin, float[][] del, float[][] in, float[] inRows, double s, double[] g, int g0) {
    if (VectorSupport.ENABLED) FloatKernels.outerReduce(m0, m1, nout, nin, del, in, inRows, s, g, g0);
    else scalarOuterReduce(m0, m1, nout, nin, del, in, s, g, g0);
  }

  static void scalarOuterReduce(int m0, int m1, int nout, int nin, float[][] del, float[][] in, double s, double[] g, int g0) {
    for (int i = 0; i < nout; i++) for (int k = 0; k < nin; k++) g[g0 + i * nin + k] += s * dot(m0, m1, del[i], in[k]);
  }

  /**
   * h = act(z), dh = act'(z) when dh is not null, over [from, to). erf runs in float; any other
   * activation through its double kernel, its results rounded (exact to float, at the cost of two copies).
   */
  static void activate(ActivationKernel act, float[] z, float[] h, float[] dh, int from, int to) {
    if (act.isErf()) {
      if (VectorSupport.ENABLED) FloatKernels.erf(z, h, dh, from, to);
      else scalarErf(z, h, dh, from, to);
      return;
    }
    double[][] b = WIDEN.get();
    int len = to - from;
    if (b[0].length < len) for (int q = 0; q < 3; q++) b[q] = new double[len];
    for (int j = 0; j < len; j++) b[0][j] = z[from + j];
    act.apply(b[0], b[1], dh != null ? b[2] : null, 0, len);
    for (int j = 0; j < len; j++) h[from + j] = (float) b[1][j];
    if (dh != null) for (int j = 0; j < len; j++) dh[from + j] = (float) b[2][j];
  }

  /** erf and its derivative in float by {@link ErfApproximation}'s formula (Horner's rule). */
  static void scalarErf(float[] z, float[] h, float[] dh, int from, int to) {
    for (int i = from; i < to; i++) {
      float x = z[i], e = (float) Math.exp(-x * x), t = 1 / (1 + ERF_P * Math.abs(x));
      float q = ERF_Q[ERF_Q.length - 1];
      for (int c = ERF_Q.length - 2; c >= 0; c--) q = Math.fma(q, t, ERF_Q[c]);
      h[i] = Math.copySign(1 - t * e * q, x);
      if (dh != null) dh[i] = TWO_OVER_SQRT_PI * e;
    }
  }
}
