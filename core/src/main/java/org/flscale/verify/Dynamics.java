package org.flscale.verify;

import java.util.SplittableRandom;

/**
 * One chain's discretised dynamics: moves theta one step at a time, one gradient evaluation a step.
 * Each implementation allocates its buffers when it is made; a step allocates nothing.
 */
interface Dynamics {
  /** Advances theta by one step; false if the potential was not finite (the chain diverged). */
  boolean step(double[] theta);

  /** Called once when the burn-in ends; the step may change here (BAOAB measures the stiffest mode again). */
  default boolean endBurnIn(double[] theta) {
    return true;
  }

  /** The current time step, in prior relaxation times. */
  double timeStep();

  /** Gradient evaluations so far, steps and step-size measurements included. */
  long gradientEvaluations();

  static Dynamics of(SamplerSettings s, Trainable net, double[] theta, SplittableRandom rng) {
    int d = net.inputDim(), p = net.trainSize();
    return switch (s.effectiveIntegrator()) {
      case EULER -> new EulerDynamics(net, s.kappa(), s.stepSize(d, p), s.mode() == SamplerSettings.Mode.LANGEVIN, rng);
      case LM -> new LeimkuhlerMatthewsDynamics(net, s.kappa(), s.stepSize(d, p), rng);
      case BAOAB -> new BaoabDynamics(net, s.kappa(), s.dtFactor(), s.friction(), theta, rng);
    };
  }
}
