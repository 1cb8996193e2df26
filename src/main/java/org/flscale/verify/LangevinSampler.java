package org.flscale.verify;

import java.util.SplittableRandom;

/**
 * Runs one chain of full-batch Langevin dynamics (or gradient descent) on a network and measures
 * the observables (any {@link Trainable}: dense, conv, attention). All buffers are allocated before the loop; a step allocates nothing.
 */
public final class LangevinSampler {
  private final SamplerSettings settings;

  public LangevinSampler(SamplerSettings settings) {
    this.settings = settings;
  }

  public ChainResult run(Trainable net, double[] theta, SplittableRandom rng) {
    long t0 = System.nanoTime();
    int d = net.inputDim(), p = net.trainSize(), np = theta.length, groups = net.specialisedGroups();
    double dt = settings.stepSize(d, p);
    long steps = settings.steps(d, p);
    long burn = (long) (settings.burnIn() * steps);
    long every = Math.max(1, (steps - burn) / Math.max(1, settings.samples()));
    double noise = settings.mode() == SamplerSettings.Mode.LANGEVIN ? Math.sqrt(2 * dt) : 0;
    double kappa = settings.kappa();

    double[] testY = net.testTargets();
    double[] grad = new double[np];
    double[] fbar = new double[testY.length];
    double[] thetaBar = new double[np];
    double[] specialised = new double[groups];
    int taken = 0;
    double u = 0;
    boolean diverged = false;
    for (long s = 0; s < steps; s++) {
      u = net.potentialAndGradient(theta, kappa, grad);
      if (!Double.isFinite(u)) {
        diverged = true;
        break;
      }
      if (noise > 0) {
        for (int i = 0; i < np; i++) theta[i] += -dt * grad[i] + noise * rng.nextGaussian();
      } else {
        for (int i = 0; i < np; i++) theta[i] -= dt * grad[i];
      }
      if (s >= burn && (s - burn) % every == 0) {
        double[] f = net.testOutput(theta);
        for (int mu = 0; mu < testY.length; mu++) fbar[mu] += f[mu];
        for (int i = 0; i < np; i++) thetaBar[i] += theta[i];
        net.countSpecialised(theta, settings.specialisationThreshold(), specialised);
        taken++;
      }
    }
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
        (System.nanoTime() - t0) * 1e-9, diverged, thetaBar);
  }
}
