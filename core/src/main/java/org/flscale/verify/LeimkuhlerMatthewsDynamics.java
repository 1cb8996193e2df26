package org.flscale.verify;

import java.util.SplittableRandom;

/**
 * Overdamped Langevin with the Leimkuhler-Matthews noise average:
 * theta_{n+1} = theta_n - dt grad U(theta_n) + sqrt(dt/2) (xi_n + xi_{n+1}). Same cost per step as
 * Euler; its invariant measure is O(dt^2)-accurate (exact for a Gaussian posterior at any stable dt,
 * dt lambda_max < 2): the high-friction limit of BAOAB.
 */
final class LeimkuhlerMatthewsDynamics implements Dynamics {
  private final Trainable net;
  private final double kappa, dt, noise;
  private final double[] grad, xi;
  private final SplittableRandom rng;
  private long evaluations;

  LeimkuhlerMatthewsDynamics(Trainable net, double kappa, double dt, SplittableRandom rng) {
    this.net = net;
    this.kappa = kappa;
    this.dt = dt;
    this.noise = Math.sqrt(dt / 2);
    this.grad = new double[net.parameterCount()];
    this.xi = new double[net.parameterCount()];
    this.rng = rng;
    for (int i = 0; i < xi.length; i++) xi[i] = rng.nextGaussian();
  }

  @Override
  public boolean step(double[] theta) {
    double u = net.potentialAndGradient(theta, kappa, grad);
    evaluations++;
    if (!Double.isFinite(u)) return false;
    for (int i = 0; i < theta.length; i++) {
      double next = rng.nextGaussian();
      theta[i] += -dt * grad[i] + noise * (xi[i] + next);
      xi[i] = next;
    }
    return true;
  }

  @Override
  public double timeStep() {
    return dt;
  }

  @Override
  public long gradientEvaluations() {
    return evaluations;
  }
}
