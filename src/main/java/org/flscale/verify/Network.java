package org.flscale.verify;

/**
 * Forward and backward passes of a {@link NetworkShape} over a batch, on preallocated arrays. The
 * parameters are one flat vector theta (V_1, ..., V_L row-major n[l] x n[l-1], then b); a
 * {@link Workspace} holds the per-batch buffers, so a training step allocates nothing.
 *
 * <p>Layout for speed: activations are stored feature-major (n[l] x batch), so the products that
 * produce batch-long rows are axpy loops over contiguous memory of length P, which the JIT
 * vectorizes (unrolled four-wide over the reduction index), and the weight gradients, which reduce
 * over the batch, use a 4 x 4 register-blocked kernel with fused multiply-adds. Both walk the batch
 * in cache-sized blocks.
 */
public final class Network {
  private final NetworkShape shape;
  private final int depth;
  private final int[] n;
  private final int[] off;
  private final double[] fanScale;

  public Network(NetworkShape shape) {
    this.shape = shape;
    this.depth = shape.depth();
    this.n = shape.widths().clone();
    this.off = new int[depth + 2];
    for (int l = 1; l <= depth + 1; l++) off[l] = shape.weightOffset(l);
    this.fanScale = new double[depth + 1];
    for (int l = 1; l <= depth; l++) fanScale[l] = 1 / Math.sqrt(n[l - 1]);
  }

  public NetworkShape shape() {
    return shape;
  }

  /** Buffers for a batch of {@code size} samples. */
  public final class Workspace {
    final int size;
    final double[][] z; // pre-activations, n[l] x size, l = 1..L
    final double[][] h; // activations (h[0] is the transposed input, set by forward)
    final double[][] dh; // activation derivatives
    final double[][] delta; // dU/dz
    final double[] f;
    final double[] r;

    Workspace(int size, boolean withGradient) {
      this.size = size;
      z = new double[depth + 1][];
      h = new double[depth + 1][];
      dh = new double[depth + 1][];
      delta = new double[depth + 1][];
      for (int l = 1; l <= depth; l++) {
        z[l] = new double[size * n[l]];
        h[l] = new double[size * n[l]];
        if (withGradient) {
          dh[l] = new double[size * n[l]];
          delta[l] = new double[size * n[l]];
        }
      }
      f = new double[size];
      r = new double[size];
    }

    public double[] output() {
      return f;
    }

    /** Activations of hidden layer l (1-based), feature-major n[l] x size. */
    public double[] activations(int l) {
      return h[l];
    }
  }

  public Workspace workspace(int size, boolean withGradient) {
    return new Workspace(size, withGradient);
  }

  /** f(x_mu) for mu < count into ws.f; xt is the transposed input (d x count, row stride count). */
  public void forward(double[] theta, double[] xt, int count, Workspace ws, boolean derivatives) {
    if (count != ws.size) throw new IllegalArgumentException("workspace is for " + ws.size + " samples, not " + count);
    ws.h[0] = xt;
    for (int l = 1; l <= depth; l++) {
      int nin = n[l - 1], nout = n[l];
      double[] in = ws.h[l - 1], zl = ws.z[l];
      int w0 = off[l];
      double s = fanScale[l];
      java.util.Arrays.fill(zl, 0, nout * count, 0.0);
      int chunk = chunk(nin);
      for (int m0 = 0; m0 < count; m0 += chunk) { // cache blocking over the batch
        int len = Math.min(chunk, count - m0);
        for (int i = 0; i < nout; i++) {
          int zr = i * count + m0, wr = w0 + i * nin;
          int k = 0;
          for (; k + 3 < nin; k += 4) {
            axpy4(len, s * theta[wr + k], s * theta[wr + k + 1], s * theta[wr + k + 2], s * theta[wr + k + 3],
                in, k * count + m0, (k + 1) * count + m0, (k + 2) * count + m0, (k + 3) * count + m0, zl, zr);
          }
          for (; k < nin; k++) axpy(len, s * theta[wr + k], in, k * count + m0, zl, zr);
        }
      }
      shape.activations()[l - 1].apply(zl, ws.h[l], derivatives ? ws.dh[l] : null, count * nout);
    }
    int nl = n[depth], b0 = off[depth + 1];
    double c = shape.readoutScale();
    double[] hl = ws.h[depth];
    double[] f = ws.f;
    java.util.Arrays.fill(f, 0, count, 0.0);
    for (int i = 0; i < nl; i++) axpy(count, c * theta[b0 + i], hl, i * count, f, 0);
  }

  /** Batch columns per cache block, so that a block of an n-row input stays near 32 KiB. */
  static int chunk(int n) {
    return Math.max(64, (4096 / Math.max(1, n)) & ~7);
  }

  /** y[yo + j] += a * x[xo + j], j < len. */
  static void axpy(int len, double a, double[] x, int xo, double[] y, int yo) {
    for (int j = 0; j < len; j++) y[yo + j] += a * x[xo + j];
  }

  /** y[yo + j] += a0 x[o0 + j] + a1 x[o1 + j] + a2 x[o2 + j] + a3 x[o3 + j]. */
  static void axpy4(int len, double a0, double a1, double a2, double a3, double[] x, int o0, int o1, int o2, int o3, double[] y, int yo) {
    for (int j = 0; j < len; j++) {
      y[yo + j] += a0 * x[o0 + j] + a1 * x[o1 + j] + a2 * x[o2 + j] + a3 * x[o3 + j];
    }
  }

  /**
   * The potential U = |theta|^2/2 + (1/(2 kappa)) sum_mu (f(x_mu) - y_mu)^2 over the batch, and
   * its gradient into {@code grad} (overwritten). Returns U.
   */
  public double potentialAndGradient(double[] theta, double[] xt, double[] y, int count, double kappa, Workspace ws, double[] grad) {
    forward(theta, xt, count, ws, true);
    double loss = 0;
    double[] f = ws.f, r = ws.r;
    for (int mu = 0; mu < count; mu++) {
      double e = f[mu] - y[mu];
      loss += e * e;
      r[mu] = e / kappa;
    }
    double prior = 0;
    for (int p = 0; p < theta.length; p++) {
      prior += theta[p] * theta[p];
      grad[p] = theta[p];
    }
    int nl = n[depth], b0 = off[depth + 1];
    double c = shape.readoutScale();
    double[] hl = ws.h[depth];
    for (int i = 0; i < nl; i++) grad[b0 + i] += c * dot(count, r, 0, hl, i * count);
    if (depth > 0) {
      double[] dl = ws.delta[depth], dhl = ws.dh[depth];
      for (int i = 0; i < nl; i++) {
        double cb = c * theta[b0 + i];
        int row = i * count;
        for (int mu = 0; mu < count; mu++) dl[row + mu] = cb * r[mu] * dhl[row + mu];
      }
    }
    for (int l = depth; l >= 1; l--) {
      int nin = n[l - 1], nout = n[l];
      double[] in = ws.h[l - 1], del = ws.delta[l];
      int w0 = off[l];
      double s = fanScale[l];
      outerReduce(count, nout, nin, del, in, s, grad, w0);
      if (l > 1) {
        double[] prev = ws.delta[l - 1], dprev = ws.dh[l - 1];
        java.util.Arrays.fill(prev, 0, nin * count, 0.0);
        for (int k = 0; k < nin; k++) {
          int pr = k * count;
          int i = 0;
          for (; i + 3 < nout; i += 4) {
            axpy4(count, s * theta[w0 + i * nin + k], s * theta[w0 + (i + 1) * nin + k], s * theta[w0 + (i + 2) * nin + k],
                s * theta[w0 + (i + 3) * nin + k], del, i * count, (i + 1) * count, (i + 2) * count, (i + 3) * count, prev, pr);
          }
          for (; i < nout; i++) axpy(count, s * theta[w0 + i * nin + k], del, i * count, prev, pr);
          for (int mu = 0; mu < count; mu++) prev[pr + mu] *= dprev[pr + mu];
        }
      }
    }
    return 0.5 * prior + 0.5 * loss / kappa;
  }

  static double dot(int len, double[] a, int ao, double[] b, int bo) {
    double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    int j = 0;
    for (; j + 3 < len; j += 4) {
      s0 = Math.fma(a[ao + j], b[bo + j], s0);
      s1 = Math.fma(a[ao + j + 1], b[bo + j + 1], s1);
      s2 = Math.fma(a[ao + j + 2], b[bo + j + 2], s2);
      s3 = Math.fma(a[ao + j + 3], b[bo + j + 3], s3);
    }
    for (; j < len; j++) s0 = Math.fma(a[ao + j], b[bo + j], s0);
    return (s0 + s1) + (s2 + s3);
  }

  /**
   * g[g0 + i * nin + k] += s * sum_mu del[i * count + mu] * in[k * count + mu]: the weight gradient,
   * reduced over the batch in 4 x 4 register blocks.
   */
  static void outerReduce(int count, int nout, int nin, double[] del, double[] in, double s, double[] g, int g0) {
    int chunk = chunk(nin + nout);
    for (int m0 = 0; m0 < count; m0 += chunk) outerReduce(count, Math.min(count, m0 + chunk), m0, nout, nin, del, in, s, g, g0);
  }

  private static void outerReduce(int count, int mEnd, int m0, int nout, int nin, double[] del, double[] in, double s, double[] g, int g0) {
    int i = 0;
    for (; i + 3 < nout; i += 4) {
      int a0 = i * count, a1 = a0 + count, a2 = a1 + count, a3 = a2 + count;
      int k = 0;
      for (; k + 3 < nin; k += 4) {
        int b0 = k * count, b1 = b0 + count, b2 = b1 + count, b3 = b2 + count;
        double c00 = 0, c01 = 0, c02 = 0, c03 = 0, c10 = 0, c11 = 0, c12 = 0, c13 = 0;
        double c20 = 0, c21 = 0, c22 = 0, c23 = 0, c30 = 0, c31 = 0, c32 = 0, c33 = 0;
        for (int mu = m0; mu < mEnd; mu++) {
          double x0 = in[b0 + mu], x1 = in[b1 + mu], x2 = in[b2 + mu], x3 = in[b3 + mu];
          double d0 = del[a0 + mu], d1 = del[a1 + mu], d2 = del[a2 + mu], d3 = del[a3 + mu];
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
        for (int ii = i; ii < i + 4; ii++) g[g0 + ii * nin + k] += s * dot(mEnd - m0, del, ii * count + m0, in, k * count + m0);
      }
    }
    for (; i < nout; i++) {
      for (int k = 0; k < nin; k++) g[g0 + i * nin + k] += s * dot(mEnd - m0, del, i * count + m0, in, k * count + m0);
    }
  }

  /** First-layer weight overlaps |V_i . u| / |V_i| for each neuron i of layer 1 (u a unit vector). */
  public void firstLayerOverlaps(double[] theta, double[] u, double[] out) {
    int d = n[0], n1 = n[1];
    for (int i = 0; i < n1; i++) {
      double dot = 0, norm = 0;
      for (int k = 0; k < d; k++) {
        double v = theta[i * d + k];
        dot += v * u[k];
        norm += v * v;
      }
      out[i] = norm > 0 ? Math.abs(dot) / Math.sqrt(norm) : 0;
    }
  }
}
