package org.flscale.verify;

import java.util.SplittableRandom;

/**
 * Overdamped Euler-Maruyama: theta <- theta - dt grad U + sqrt(2 dt) xi. Its invariant measure is off
 * by O(dt) (a Gaussian mode of curvature lambda has variance 1/(lambda (1 - lambda dt/2))), which is why
 * dt = 0.1 kappa d / P. Without noise it is gradient descent.
 */
final class EulerDynamics extends OverdampedDynamics {
  private final double noise;

  EulerDynamics(Trainable net, double kappa, double dt, boolean noisy, SplittableRandom rng) {
    super(net, kappa, dt, rng);
    this.noise = noisy ? Math.sqrt(2 * dt) : 0;
  }

  @Override
  void move(double[] theta) {
    if (noise > 0) {
      for (int i = 0; i < theta.length; i++) theta[i] += -dt * grad[i] + noise * rng.nextGaussian();
    } else {
      for (int i = 0; i < theta.length; i++) theta[i] -= dt * grad[i];
    }
  }
}
