package org.flscale.verify;

import java.util.SplittableRandom;

/**
 * What the overdamped integrators share: a fixed step dt, one gradient evaluation a step, the
 * chain stopped when the potential is not finite. A subclass moves theta given the gradient.
 */
abstract class OverdampedDynamics implements Dynamics {
  private final Trainable net;
  private final double kappa;
  protected final double dt;
  protected final double[] grad;
  protected final SplittableRandom rng;
  private long evaluations;

  OverdampedDynamics(Trainable net, double kappa, double dt, SplittableRandom rng) {
    this.net = net;
    this.kappa = kappa;
    this.dt = dt;
    this.grad = new double[net.parameterCount()];
    this.rng = rng;
  }

  /** theta's update from the gradient of U at theta (in grad). */
  abstract void move(double[] theta);

  @Override
  public final boolean step(double[] theta) {
    double u = net.potentialAndGradient(theta, kappa, grad);
    evaluations++;
    if (!Double.isFinite(u)) return false;
    move(theta);
    return true;
  }

  @Override
  public final double timeStep() {
    return dt;
  }

  @Override
  public final long gradientEvaluations() {
    return evaluations;
  }
}
