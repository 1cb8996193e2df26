package org.flscale.adaptive.sample;

import java.util.SplittableRandom;
import org.flscale.adaptive.exact.LinearTask;

/**
 * Metropolis-adjusted Langevin (MALA) on the real network's weights, f(x) = sum_i a_i w_i.x with
 * w_i ~ N(0, g_w I/d), a_i ~ N(0, g_a/(chi N)) and likelihood exp(-|y - f(X)|^2/(2 kappa)).
 * Preconditioned by the prior: it runs in whitened weights (W = sqrt(g_w/d) U, a = sqrt(g_a/(chi N)) b),
 * where the prior is a standard normal and f = c X U'b with c = sqrt(g_a g_w/(chi N d)); so one step
 * size serves every chi. The Metropolis test removes the Langevin step's discretisation bias, so the
 * chain samples the exact posterior that ExactPosterior integrates. Plain arrays, not EJML: the
 * loop is a few O(N d) passes over flat arrays per step and allocates nothing.
 */
public final class LinearNetworkSampler {
  private final LinearTask task;
  private final int n, d, p;
  private final double c, kappa;
  private final SplittableRandom random;
  private double[] u, b, gu, gb;        // state (N x d row-major, N) and the gradient of U at it
  private double[] pu, pb, pgu, pgb;    // proposal and its gradient
  private final double[] v, res, xr;    // U'b (d), residual (P), X'residual (d)
  private double energy, proposalEnergy;
  private double step;
  private long proposed, accepted;

  public LinearNetworkSampler(LinearTask task, int width, double chi, double kappa, double ga, double gw, double step, long seed) {
    this.task = task;
    this.n = width;
    this.d = task.d();
    this.p = task.p();
    this.c = Math.sqrt(ga * gw / (chi * width * d));
    this.kappa = kappa;
    this.step = step;
    this.random = new SplittableRandom(seed);
    u = new double[n * d];
    b = new double[n];
    gu = new double[n * d];
    gb = new double[n];
    pu = new double[n * d];
    pb = new double[n];
    pgu = new double[n * d];
    pgb = new double[n];
    v = new double[d];
    res = new double[p];
    xr = new double[d];
    for (int i = 0; i < u.length; i++) u[i] = random.nextGaussian();
    for (int i = 0; i < n; i++) b[i] = random.nextGaussian();
    energy = energyAndGradient(u, b, gu, gb);
  }

  /** The negative log posterior (whitened) and its gradient. */
  private double energyAndGradient(double[] wu, double[] wb, double[] ggu, double[] ggb) {
    java.util.Arrays.fill(v, 0);
    double prior = 0;
    for (int i = 0; i < n; i++) {
      double bi = wb[i];
      prior += bi * bi;
      int o = i * d;
      for (int j = 0; j < d; j++) {
        double w = wu[o + j];
        prior += w * w;
        v[j] += w * bi;
      }
    }
    double fit = 0;
    double[] x = task.x(), y = task.y();
    java.util.Arrays.fill(xr, 0);
    for (int mu = 0; mu < p; mu++) {
      double f = c * LinearTask.dot(x, mu * d, v, d), r = (f - y[mu]) / kappa;
      res[mu] = r;
      fit += (f - y[mu]) * r;
      for (int j = 0; j < d; j++) xr[j] += x[mu * d + j] * r;
    }
    for (int i = 0; i < n; i++) {
      int o = i * d;
      double bi = wb[i], gbi = wb[i];
      for (int j = 0; j < d; j++) {
        ggu[o + j] = wu[o + j] + c * bi * xr[j];
        gbi += c * wu[o + j] * xr[j];
      }
      ggb[i] = gbi;
    }
    return 0.5 * prior + 0.5 * fit;
  }

  /** One MALA step: propose x' = x - (h/2) grad + sqrt(h) xi, accept by the Metropolis-Hastings ratio. */
  public boolean step() {
    double h = step, sq = Math.sqrt(h);
    double forward = 0;
    for (int i = 0; i < u.length; i++) {
      double xi = random.nextGaussian();
      pu[i] = u[i] - 0.5 * h * gu[i] + sq * xi;
      forward += xi * xi;
    }
    for (int i = 0; i < n; i++) {
      double xi = random.nextGaussian();
      pb[i] = b[i] - 0.5 * h * gb[i] + sq * xi;
      forward += xi * xi;
    }
    proposalEnergy = energyAndGradient(pu, pb, pgu, pgb);
    double backward = 0;
    for (int i = 0; i < u.length; i++) {
      double m = u[i] - pu[i] + 0.5 * h * pgu[i];
      backward += m * m;
    }
    for (int i = 0; i < n; i++) {
      double m = b[i] - pb[i] + 0.5 * h * pgb[i];
      backward += m * m;
    }
    // log q(x | x') - log q(x' | x) = -(backward/h - forward) / 2, forward = |xi|^2 = |x' - x + (h/2) g|^2 / h
    double logRatio = energy - proposalEnergy - 0.5 * (backward / h - forward);
    proposed++;
    if (logRatio >= 0 || random.nextDouble() < Math.exp(logRatio)) {
      double[] t = u; u = pu; pu = t;
      t = b; b = pb; pb = t;
      t = gu; gu = pgu; pgu = t;
      t = gb; gb = pgb; pgb = t;
      energy = proposalEnergy;
      accepted++;
      return true;
    }
    return false;
  }

  public double acceptance() {
    return proposed == 0 ? 0 : (double) accepted / proposed;
  }

  public void resetAcceptance() {
    proposed = 0;
    accepted = 0;
  }

  public double stepSize() {
    return step;
  }

  public void stepSize(double h) {
    step = h;
  }

  /** Q = chi |a|^2/g_a = |b|^2/N. */
  public double kernelScale() {
    double s = 0;
    for (double x : b) s += x * x;
    return s / n;
  }

  /** The relative excess of w*'W'W w* over its prior value N g_w/d: |U w*|^2/N - 1. */
  public double spike() {
    double[] w = task.teacher();
    double s = 0;
    for (int i = 0; i < n; i++) {
      double o = LinearTask.dot(u, i * d, w, d);
      s += o * o;
    }
    return s / n - 1;
  }

  /** The network's output at test point t. */
  public double output(int t) {
    java.util.Arrays.fill(v, 0);
    for (int i = 0; i < n; i++) for (int j = 0; j < d; j++) v[j] += u[i * d + j] * b[i];
    return c * LinearTask.dot(task.testX(), t * d, v, d);
  }
}
