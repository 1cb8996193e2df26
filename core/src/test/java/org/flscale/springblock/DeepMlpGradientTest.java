package org.flscale.springblock;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.flscale.springblock.mlp.DeepMlp;
import org.junit.jupiter.api.Test;

/**
 * The MLP's hand-written backward pass (BatchNorm, LeakyReLU, dropout, softmax cross-entropy)
 * against central differences of the loss along random directions of all parameters at once.
 */
class DeepMlpGradientTest {

  private static void check(double alpha, double dropout) {
    int n = 9, d = 5, classes = 3;
    DeepMlp net = new DeepMlp(d, 3, 4, classes, alpha, 7);
    SplittableRandom data = new SplittableRandom(3);
    double[] x = new double[n * d];
    int[] y = new int[n];
    for (int q = 0; q < x.length; q++) x[q] = data.nextGaussian();
    for (int i = 0; i < n; i++) y[i] = data.nextInt(classes);
    DeepMlp.Pass pass = net.pass(n);
    double[][] params = net.parameters(), grads = net.gradients();
    for (double[] p : params) for (int q = 0; q < p.length; q++) p[q] += 0.3 * data.nextGaussian(); // away from gamma = 1, beta = 0
    // the same seed every time: the same dropout mask in every evaluation
    pass.forward(x, y, true, dropout, new SplittableRandom(11));
    pass.backward(y);
    SplittableRandom dirs = new SplittableRandom(5);
    double h = 1e-6;
    for (int trial = 0; trial < 12; trial++) {
      double[][] u = new double[params.length][];
      double slope = 0;
      for (int a = 0; a < params.length; a++) {
        u[a] = new double[params[a].length];
        for (int q = 0; q < u[a].length; q++) {
          u[a][q] = dirs.nextGaussian();
          slope += u[a][q] * grads[a][q];
        }
      }
      double up = shifted(pass, params, u, h, x, y, dropout), down = shifted(pass, params, u, -h, x, y, dropout);
      double fd = (up - down) / (2 * h);
      assertEquals(fd, slope, 1e-6 * Math.max(1, Math.abs(fd)), "directional derivative, trial " + trial);
    }
  }

  private static double shifted(DeepMlp.Pass pass, double[][] params, double[][] u, double h, double[] x, int[] y, double dropout) {
    for (int a = 0; a < params.length; a++) for (int q = 0; q < u[a].length; q++) params[a][q] += h * u[a][q];
    double loss = pass.forward(x, y, true, dropout, new SplittableRandom(11));
    for (int a = 0; a < params.length; a++) for (int q = 0; q < u[a].length; q++) params[a][q] -= h * u[a][q];
    return loss;
  }

  @Test
  void leakyReluWithBatchNorm() {
    check(0.2, 0);
  }

  @Test
  void reluWithDropout() {
    check(0, 0.3);
  }

  @Test
  void linearNetwork() {
    check(1, 0);
  }
}
