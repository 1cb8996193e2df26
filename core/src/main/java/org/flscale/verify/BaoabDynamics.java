package org.flscale.verify;

import java.util.SplittableRandom;

/**
 * Underdamped Langevin, dtheta = p dt, dp = -grad U dt - gamma p dt + sqrt(2 gamma) dW (unit mass),
 * split B-A-O-A-B (Leimkuhler and Matthews): half kick, half drift, exact Ornstein-Uhlenbeck on p,
 * half drift, half kick; one gradient evaluation a step (the last kick's gradient is the next first's).
 * The step is h = c / sqrt(lambda_max), lambda_max the stiffest curvature of U measured by
 * {@link StiffestMode} at the start and again when the burn-in ends (the larger is kept): stable for
 * h sqrt(lambda_max) < 2, configurational averages O(h^2)-accurate, exact for a Gaussian posterior.
 * An overdamped chain needs ~ lambda_max / lambda_min steps to relax; this one ~ sqrt of that.
 */
final class BaoabDynamics implements Dynamics {
  private final Trainable net;
  private final double kappa, factor, friction;
  private final double[] grad, momentum;
  private final StiffestMode stiffest;
  private final SplittableRandom rng;
  private double lambda, h, decay, kick;
  private boolean finite;
  private long evaluations;

  BaoabDynamics(Trainable net, double kappa, double factor, double friction, double[] theta, SplittableRandom rng) {
    this.net = net;
    this.kappa = kappa;
    this.factor = factor;
    this.friction = friction;
    this.rng = rng;
    int n = net.parameterCount();
    grad = new double[n];
    momentum = new double[n];
    stiffest = new StiffestMode(n);
    for (int i = 0; i < n; i++) momentum[i] = rng.nextGaussian();
    finite = Double.isFinite(net.potentialAndGradient(theta, kappa, grad));
    evaluations++;
    if (finite) finite = measure(theta);
  }

  private boolean measure(double[] theta) {
    double l = stiffest.measure(net, theta, grad, kappa, rng);
    evaluations += StiffestMode.ITERATIONS;
    // the probes overwrote the network's state: the gradient at theta is evaluated again
    double u = net.potentialAndGradient(theta, kappa, grad);
    evaluations++;
    if (!Double.isFinite(l) || !Double.isFinite(u)) return false;
    lambda = Math.max(lambda, Math.max(l, 1));
    h = factor / Math.sqrt(lambda);
    decay = Math.exp(-friction * h);
    kick = Math.sqrt(1 - decay * decay);
    return true;
  }

  @Override
  public boolean step(double[] theta) {
    if (!finite) return false;
    double half = h / 2;
    for (int i = 0; i < theta.length; i++) {
      double p = momentum[i] - half * grad[i];
      theta[i] += half * p;
      p = decay * p + kick * rng.nextGaussian();
      theta[i] += half * p;
      momentum[i] = p;
    }
    finite = Double.isFinite(net.potentialAndGradient(theta, kappa, grad));
    evaluations++;
    if (!finite) return false;
    for (int i = 0; i < theta.length; i++) momentum[i] -= half * grad[i];
    return true;
  }

  @Override
  public boolean endBurnIn(double[] theta) {
    if (finite) finite = measure(theta);
    return finite;
  }

  @Override
  public double timeStep() {
    return h;
  }

  /** The largest curvature measured so far. */
  double stiffestCurvature() {
    return lambda;
  }

  @Override
  public long gradientEvaluations() {
    return evaluations;
  }
}
