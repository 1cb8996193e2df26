package org.flscale.verify;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.ToDoubleBiFunction;

/** A hand-written gradient against central finite differences of the potential. */
final class GradientCheck {
  private GradientCheck() {}

  /**
   * @param potential (theta, grad) -> U(theta), writing dU/dtheta into grad
   */
  static void matchesFiniteDifferences(ToDoubleBiFunction<double[], double[]> potential, double[] theta) {
    double[] grad = new double[theta.length];
    potential.applyAsDouble(theta, grad);
    double h = 1e-5, maxErr = 0, scale = 0;
    for (int q = 0; q < theta.length; q++) {
      double keep = theta[q];
      theta[q] = keep + h;
      double up = potential.applyAsDouble(theta, new double[theta.length]);
      theta[q] = keep - h;
      double down = potential.applyAsDouble(theta, new double[theta.length]);
      theta[q] = keep;
      double fd = (up - down) / (2 * h);
      maxErr = Math.max(maxErr, Math.abs(fd - grad[q]));
      scale = Math.max(scale, Math.abs(fd));
    }
    assertTrue(maxErr < 1e-5 * Math.max(1, scale), "max |grad - finite difference| = " + maxErr + " (scale " + scale + ")");
  }
}
