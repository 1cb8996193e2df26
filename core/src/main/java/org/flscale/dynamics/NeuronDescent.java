package org.flscale.dynamics;

import java.util.Random;

/** Plain gradient descent on one neuron (a, w in d dimensions), against which the exact equations are checked. */
final class NeuronDescent {
  final int d;
  double a;
  final double[] w;
  final double[] target;

  /** Starts with a w0 of random direction, mu0 = a |w| and eta_w a^2 - eta_a |w|^2 = delta; beta_* = beta e_1. */
  NeuronDescent(int d, double delta, double mu0, double beta, long seed) {
    this.d = d;
    Random rnd = new Random(seed);
    w = new double[d];
    double n = 0;
    for (int i = 0; i < d; i++) {
      w[i] = rnd.nextGaussian();
      n += w[i] * w[i];
    }
    double s = Math.sqrt(delta * delta + 4 * mu0 * mu0);
    double wNorm = Math.sqrt(delta <= 0 ? (s - delta) / 2 : 2 * mu0 * mu0 / (s + delta));
    for (int i = 0; i < d; i++) w[i] *= wNorm / Math.sqrt(n);
    a = mu0 / wNorm;
    target = new double[d];
    target[0] = beta;
  }

  void step(double lr) {
    double[] r = new double[d];
    double ga = 0;
    for (int i = 0; i < d; i++) {
      r[i] = a * w[i] - target[i];
      ga += r[i] * w[i];
    }
    for (int i = 0; i < d; i++) w[i] -= lr * a * r[i];
    a -= lr * ga;
  }

  NeuronFlow.Point state() {
    double n = 0;
    for (double x : w) n += x * x;
    n = Math.sqrt(n);
    return new NeuronFlow.Point(a * n, w[0] / n / Math.signum(target[0] == 0 ? 1 : target[0]));
  }
}
