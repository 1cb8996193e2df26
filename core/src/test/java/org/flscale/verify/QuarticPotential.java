package org.flscale.verify;

import java.util.SplittableRandom;

/**
 * A non-Gaussian test posterior, U = sum_i (theta_i^2/2 + theta_i^4/4) over independent coordinates,
 * whose moments are one-dimensional integrals. Only the potential and its gradient are real; the
 * step scale is d = P = 1 (dt = c kappa with kappa = 1).
 */
final class QuarticPotential implements Trainable {
  private final int n;

  QuarticPotential(int n) {
    this.n = n;
  }

  /** <theta_i^2> under exp(-U), by the trapezoidal rule on [-8, 8] (the integrand is below e^-1000 beyond). */
  static double exactSecondMoment() {
    double num = 0, den = 0, h = 1e-3;
    for (int k = -8000; k <= 8000; k++) {
      double x = k * h, w = Math.exp(-(x * x / 2 + x * x * x * x / 4));
      num += x * x * w;
      den += w;
    }
    return num / den;
  }

  @Override
  public int parameterCount() {
    return n;
  }

  @Override
  public int inputDim() {
    return 1;
  }

  @Override
  public int trainSize() {
    return 1;
  }

  @Override
  public double potentialAndGradient(double[] theta, double kappa, double[] grad) {
    double u = 0;
    for (int i = 0; i < n; i++) {
      double t = theta[i], t2 = t * t;
      u += t2 / 2 + t2 * t2 / 4;
      grad[i] = t + t2 * t;
    }
    return u;
  }

  @Override
  public double[] trainOutput() {
    return new double[1];
  }

  @Override
  public double[] trainTargets() {
    return new double[1];
  }

  @Override
  public double[] testOutput(double[] theta) {
    return new double[1];
  }

  @Override
  public double[] testTargets() {
    return new double[1];
  }

  @Override
  public int specialisedGroups() {
    return 0;
  }

  @Override
  public void countSpecialised(double[] theta, double threshold, double[] counts) {}

  @Override
  public double[] initialParameters(ChainStart start, SplittableRandom rng) {
    return Potential.draw(n, rng);
  }

  @Override
  public int[] widths() {
    return new int[0];
  }
}
