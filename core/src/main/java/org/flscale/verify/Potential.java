package org.flscale.verify;

import java.util.SplittableRandom;

/**
 * The two parts every network's potential U = |theta|^2/2 + (1/(2 kappa)) sum_mu (f_mu - y_mu)^2
 * shares: the standard Gaussian prior on the parameters and the squared-error likelihood.
 */
final class Potential {
  private Potential() {}

  /** Writes (f - y)/kappa into r (the output's gradient) and returns sum (f - y)^2, over samples [from, to). */
  static double residuals(double[] f, double[] y, int from, int to, double kappa, double[] r) {
    double loss = 0;
    for (int mu = from; mu < to; mu++) {
      double e = f[mu] - y[mu];
      loss += e * e;
      r[mu] = e / kappa;
    }
    return loss;
  }

  /** Overwrites grad with the prior's gradient theta and returns |theta|^2. */
  static double prior(double[] theta, double[] grad) {
    double sum = 0;
    for (int q = 0; q < theta.length; q++) {
      sum += theta[q] * theta[q];
      grad[q] = theta[q];
    }
    return sum;
  }

  /** A draw from the prior: every parameter N(0, 1). */
  static double[] draw(int parameters, SplittableRandom rng) {
    double[] theta = new double[parameters];
    for (int q = 0; q < parameters; q++) theta[q] = rng.nextGaussian();
    return theta;
  }
}
