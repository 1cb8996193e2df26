package org.flscale.dynamics;

import java.util.Random;

/**
 * A two-layer ReLU student f(x) = sum_i a_i relu(w_i . x) of a ReLU teacher, trained by full-batch
 * gradient descent in plain loops. Each neuron starts with a_i |w_i| = tau^2 and
 * eta_w a_i^2 - eta_a |w_i|^2 = delta (eta_a = eta_w), in symmetric pairs (a, w), (-a, w) so that
 * f(x; theta_0) = 0. Inputs lie on the unit sphere; teacher neurons have norm d^(1/2).
 */
final class ReluStudent {
  final int d, width;
  final double[] a;
  final double[][] w;

  ReluStudent(int d, int width, double tau, double delta, Random rnd) {
    this.d = d;
    this.width = width;
    a = new double[width];
    w = new double[width][d];
    double mu = tau * tau, s = Math.sqrt(delta * delta + 4 * mu * mu);
    double wNorm = Math.sqrt(delta <= 0 ? (s - delta) / 2 : 2 * mu * mu / (s + delta)), aAbs = mu / wNorm;
    for (int i = 0; i < width; i += 2) {
      double[] dir = sphere(d, rnd, wNorm);
      a[i] = aAbs;
      w[i] = dir;
      if (i + 1 < width) {
        a[i + 1] = -aAbs;
        w[i + 1] = dir.clone();
      }
    }
  }

  static double[] sphere(int d, Random rnd, double radius) {
    double[] v = new double[d];
    double n = 0;
    for (int k = 0; k < d; k++) {
      v[k] = rnd.nextGaussian();
      n += v[k] * v[k];
    }
    for (int k = 0; k < d; k++) v[k] *= radius / Math.sqrt(n);
    return v;
  }

  double predict(double[] x) {
    double f = 0;
    for (int i = 0; i < width; i++) f += a[i] * Math.max(0, dot(w[i], x));
    return f;
  }

  /** One full-batch step of (1/2n) sum (f - y)^2; returns the loss before it. */
  double step(double[][] xs, double[] ys, double lr) {
    int n = xs.length;
    double[] ga = new double[width];
    double[][] gw = new double[width][d];
    double loss = 0;
    double[] pre = new double[width];
    for (int m = 0; m < n; m++) {
      double f = 0;
      for (int i = 0; i < width; i++) {
        pre[i] = dot(w[i], xs[m]);
        if (pre[i] > 0) f += a[i] * pre[i];
      }
      double r = (f - ys[m]) / n;
      loss += 0.5 * (f - ys[m]) * (f - ys[m]) / n;
      for (int i = 0; i < width; i++) {
        if (pre[i] <= 0) continue;
        ga[i] += r * pre[i];
        double c = r * a[i];
        double[] g = gw[i], x = xs[m];
        for (int k = 0; k < d; k++) g[k] += c * x[k];
      }
    }
    for (int i = 0; i < width; i++) {
      a[i] -= lr * ga[i];
      for (int k = 0; k < d; k++) w[i][k] -= lr * gw[i][k];
    }
    return loss;
  }

  /** The NTK Gram matrix on the given inputs (flattened, row-major). */
  double[] gram(double[][] xs) {
    int n = xs.length;
    double[] k = new double[n * n];
    double[][] act = new double[n][width];
    for (int m = 0; m < n; m++) for (int i = 0; i < width; i++) act[m][i] = dot(w[i], xs[m]);
    for (int p = 0; p < n; p++) for (int q = p; q < n; q++) {
      double s = 0, xx = dot(xs[p], xs[q]);
      for (int i = 0; i < width; i++) {
        if (act[p][i] > 0 && act[q][i] > 0) s += act[p][i] * act[q][i] + a[i] * a[i] * xx;
      }
      k[p * n + q] = s;
      k[q * n + p] = s;
    }
    return k;
  }

  /** The bound on the largest eigenvalue of the Gram matrix / n: its mean diagonal. */
  double meanDiagonal(double[][] xs) {
    double s = 0;
    for (double[] x : xs) for (int i = 0; i < width; i++) {
      double p = dot(w[i], x);
      if (p > 0) s += p * p + a[i] * a[i] * dot(x, x);
    }
    return s / xs.length;
  }

  static double kernelDistance(double[] k0, double[] k1) {
    double in = 0, n0 = 0, n1 = 0;
    for (int i = 0; i < k0.length; i++) {
      in += k0[i] * k1[i];
      n0 += k0[i] * k0[i];
      n1 += k1[i] * k1[i];
    }
    return n0 == 0 || n1 == 0 ? 1 : 1 - in / Math.sqrt(n0 * n1);
  }

  static double dot(double[] u, double[] v) {
    double s = 0;
    for (int k = 0; k < u.length; k++) s += u[k] * v[k];
    return s;
  }
}
