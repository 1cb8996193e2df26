package org.flscale.adaptive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.flscale.adaptive.exact.ExactPosterior;
import org.flscale.adaptive.exact.LinearTask;
import org.junit.jupiter.api.Test;

/** The exact reduction to Q against brute force, the quadrature's convergence, the saddles and the closed form. */
class ExactPosteriorTest {
  @Test
  void quadratureConverges() {
    LinearTask task = LinearTask.draw(8, 4, 3, 11);
    ExactPosterior e = new ExactPosterior(task, 32, Math.sqrt(32), 0.1 / Math.sqrt(32), 1, 1);
    var a = e.moments(40, 24);
    var b = e.moments(80, 32);
    assertEquals(a.meanQ(), b.meanQ(), 1e-10);
    assertEquals(a.spike(), b.spike(), 1e-10);
    assertEquals(a.predictor()[1], b.predictor()[1], 1e-10);
  }

  @Test
  void closedFormIsTheSmallRidgeSaddle() {
    LinearTask task = LinearTask.draw(10, 6, 2, 5);
    for (double chi : new double[] {1, 8, 64}) {
      ExactPosterior e = new ExactPosterior(task, 64, chi, 1e-9, 1, 1);
      assertEquals(e.closedForm(), e.saddle(false), 1e-5 * e.closedForm(), "chi = " + chi);
    }
  }

  /** Self-normalised importance sampling from the prior of (a, W): an independent check of the reduction (and its N/2 - 1). */
  @Test
  void reductionMatchesBruteForce() {
    int n = 3, d = 2, p = 2;
    double chi = 1, kappa = 0.7;
    LinearTask task = LinearTask.draw(d, p, 1, 2);
    SplittableRandom r = new SplittableRandom(99);
    double sw = 0, sq = 0, sw2 = 0, ss = 0, sf = 0;
    int draws = 1_500_000;
    double[] v = new double[d];
    for (int k = 0; k < draws; k++) {
      java.util.Arrays.fill(v, 0);
      double a2 = 0, along = 0;
      double[][] w = new double[n][d];
      double[] a = new double[n];
      for (int i = 0; i < n; i++) {
        a[i] = r.nextGaussian() / Math.sqrt(chi * n);
        a2 += a[i] * a[i];
        for (int j = 0; j < d; j++) {
          w[i][j] = r.nextGaussian() / Math.sqrt(d);
          v[j] += a[i] * w[i][j];
        }
        double o = LinearTask.dot(w[i], 0, task.teacher(), d);
        along += o * o;
      }
      double fit = 0;
      for (int mu = 0; mu < p; mu++) {
        double f = LinearTask.dot(task.x(), mu * d, v, d) - task.y()[mu];
        fit += f * f;
      }
      double weight = Math.exp(-fit / (2 * kappa));
      double q = chi * a2;
      sw += weight;
      sw2 += weight * weight;
      sq += weight * q;
      ss += weight * (along / (n / (double) d) - 1);
      sf += weight * LinearTask.dot(task.testX(), 0, v, d);
    }
    double ess = sw * sw / sw2;
    var exact = new ExactPosterior(task, n, chi, kappa, 1, 1).moments();
    double tolQ = 5 * exact.sdQ() / Math.sqrt(ess);
    assertEquals(exact.meanQ(), sq / sw, tolQ, "ess " + ess);
    assertEquals(exact.spike(), ss / sw, 0.05);
    assertEquals(exact.predictor()[0], sf / sw, 0.05);
    assertTrue(ess > 1000);
  }
}
