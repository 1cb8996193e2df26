package org.flscale.verify;

import java.util.SplittableRandom;

/**
 * Overdamped Langevin with the Leimkuhler-Matthews noise average:
 * theta_{n+1} = theta_n - dt grad U(theta_n) + sqrt(dt/2) (xi_n + xi_{n+1}). Same cost per step as
 * Euler; its invariant measure is O(dt^2)-accurate (exact for a Gaussian posterior at any stable dt,
 * dt lambda_max < 2): the high-friction limit of BAOAB.
 */
final class LeimkuhlerMatthewsDynamics extends OverdampedDynamics {
  private final double noise;
  private final double[] xi;

  LeimkuhlerMatthewsDynamics(Trainable net, double kappa, double dt, SplittableRandom rng) {
    super(net, kappa, dt, rng);
    this.noise = Math.sqrt(dt / 2);
    this.xi = new double[net.parameterCount()];
    for (int i = 0; i < xi.length; i++) xi[i] = rng.nextGaussian();
  }

  @Override
  void move(double[] theta) {
    for (int i = 0; i < theta.length; i++) {
      double next = rng.nextGaussian();
      theta[i] += -dt * grad[i] + noise * (xi[i] + next);
      xi[i] = next;
    }
  }
}
