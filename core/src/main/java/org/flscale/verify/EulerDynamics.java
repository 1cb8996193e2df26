package org.flscale.verify;

import java.util.SplittableRandom;

/**
 * Overdamped Euler-Maruyama: theta <- theta - dt grad U + sqrt(2 dt) xi. Its invariant measure is off
 * by O(dt) (a Gaussian mode of curvature lambda has variance 1/(lambda (1 - lambda dt/2))), which is why
 * dt = 0.1 kappa d / P. Without noise it is gradient descent.
 */
final class EulerDynamics implements Dynamics {
  private final Trainable net;
  private final double kappa, dt, noise;
  private final double[] grad;
  private final SplittableRandom rng;
  private long evaluations;

  EulerDynamics(Trainable net, double kappa, double dt, boolean noisy, SplittableRandom rng) {
    this.net = net;
    this.kappa = kappa;
    this.dt = dt;
    this.noise = noisy ? Math.sqrt(2 * dt) : 0;
    this.grad = new double[net.parameterCount()];
    this.rng = rng;
  }

  @Override
  public boolean step(double[] theta) {
    double u = net.potentialAndGradient(theta, kappa, grad);
    evaluations++;
    if (!Double.isFinite(u)) return false;
    if (noise > 0) {
      for (int i = 0; i < theta.length; i++) theta[i] += -dt * grad[i] + noise * rng.nextGaussian();
    } else {
      for (int i = 0; i < theta.length; i++) theta[i] -= dt * grad[i];
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
