package org.flscale.verify;

import java.util.SplittableRandom;

/**
 * Runs one chain of full-batch Langevin dynamics (or gradient descent), by the settings' {@link Integrator},
 * on a network and measures the observables (any {@link Trainable}: dense, conv, attention). All buffers are allocated before the loop; a step allocates nothing.
 */
public final class LangevinSampler {
  private final SamplerSettings settings;

  public LangevinSampler(SamplerSettings settings) {
    this.settings = settings;
  }

  public ChainResult run(Trainable net, double[] theta, SplittableRandom rng) {
    long t0 = System.nanoTime();
    int p = net.trainSize(), np = theta.length, groups = net.specialisedGroups();
    Dynamics dynamics = Dynamics.of(settings, net, theta, rng);
    double[] testY = net.testTargets();
    double[] fbar = new double[testY.length];
    double[] thetaBar = new double[np];
    double[] specialised = new double[groups];
    int taken = 0;
    // burn-in, then sampling: ceil(T/h) steps in all, the first burnIn fraction discarded (h may change in between)
    long burn = (long) (settings.burnIn() * totalSteps(dynamics.timeStep()));
    boolean diverged = false;
    for (long s = 0; s < burn && !diverged; s++) diverged = !dynamics.step(theta);
    diverged = diverged || !dynamics.endBurnIn(theta);
    long total = totalSteps(dynamics.timeStep());
    long sampling = total - (long) (settings.burnIn() * total);
    long every = Math.max(1, sampling / Math.max(1, settings.samples()));
    for (long s = 0; s < sampling && !diverged; s++) {
      if (!dynamics.step(theta)) {
        diverged = true;
        break;
      }
      if (s % every == 0) {
        double[] f = net.testOutput(theta);
        for (int mu = 0; mu < testY.length; mu++) fbar[mu] += f[mu];
        for (int i = 0; i < np; i++) thetaBar[i] += theta[i];
        net.countSpecialised(theta, settings.specialisationThreshold(), specialised);
        taken++;
      }
    }
    double dt = dynamics.timeStep();
    long steps = burn + sampling;
    double alignment = Double.NaN, mse = Double.NaN;
    if (!diverged && taken > 0) {
      double fy = 0, yy = 0, err = 0;
      for (int mu = 0; mu < testY.length; mu++) {
        double f = fbar[mu] / taken, y = testY[mu];
        fy += f * y;
        yy += y * y;
        err += (f - y) * (f - y);
      }
      alignment = fy / yy;
      mse = err / testY.length;
      for (int l = 0; l < groups; l++) specialised[l] /= taken;
      for (int i = 0; i < np; i++) thetaBar[i] /= taken;
    }
    double trainLoss = 0;
    if (!diverged) {
      double[] f = net.trainOutput(), y = net.trainTargets();
      for (int mu = 0; mu < p; mu++) trainLoss += (f[mu] - y[mu]) * (f[mu] - y[mu]);
      trainLoss /= p;
    }
    return new ChainResult(alignment, mse, specialised, trainLoss, steps, dt, settings.dtFactor(),
        (System.nanoTime() - t0) * 1e-9, diverged, thetaBar, dynamics.gradientEvaluations());
  }

  private long totalSteps(double h) {
    return (long) Math.ceil(settings.priorTime() / h);
  }
}
