package org.flscale.verify;

import java.util.SplittableRandom;

/**
 * Runs one chain of full-batch Langevin dynamics (or gradient descent) on a network and measures
 * the observables. All buffers are allocated before the loop; a step allocates nothing.
 */
public final class LangevinSampler {
  private final SamplerSettings settings;

  public LangevinSampler(SamplerSettings settings) {
    this.settings = settings;
  }

  public ChainResult run(Network net, double[] theta, SyntheticData train, SyntheticData test, SplittableRandom rng) {
    long t0 = System.nanoTime();
    NetworkShape shape = net.shape();
    int d = shape.inputDim(), p = train.count, np = theta.length, depth = shape.depth();
    double dt = settings.stepSize(d, p);
    long steps = settings.steps(d, p);
    long burn = (long) (settings.burnIn() * steps);
    long every = Math.max(1, (steps - burn) / Math.max(1, settings.samples()));
    double noise = settings.mode() == SamplerSettings.Mode.LANGEVIN ? Math.sqrt(2 * dt) : 0;
    double kappa = settings.kappa();

    Network.Workspace ws = net.workspace(p, true);
    Network.Workspace tws = net.workspace(test.count, false);
    double[] grad = new double[np];
    double[] fbar = new double[test.count];
    double[] thetaBar = new double[np];
    double[] specialised = new double[depth];
    double[] overlaps = new double[depth >= 1 ? shape.widths()[1] : 0];
    double yMean = 0, yVar = 0;
    for (double v : test.y) yMean += v;
    yMean /= test.count;
    for (double v : test.y) yVar += (v - yMean) * (v - yMean);
    int taken = 0;
    double u = 0;
    boolean diverged = false;
    for (long s = 0; s < steps; s++) {
      u = net.potentialAndGradient(theta, train.xt, train.y, p, kappa, ws, grad);
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
        net.forward(theta, test.xt, test.count, tws, false);
        double[] f = tws.output();
        for (int mu = 0; mu < test.count; mu++) fbar[mu] += f[mu];
        for (int i = 0; i < np; i++) thetaBar[i] += theta[i];
        if (depth >= 1) {
          net.firstLayerOverlaps(theta, train.teacher, overlaps);
          for (double o : overlaps) if (o > settings.specialisationThreshold()) specialised[0]++;
          for (int l = 2; l <= depth; l++) specialised[l - 1] += correlatedNeurons(tws.activations(l), shape.widths()[l], test, yMean, yVar);
        }
        taken++;
      }
    }
    double alignment = Double.NaN, mse = Double.NaN;
    if (!diverged && taken > 0) {
      double fy = 0, yy = 0, err = 0;
      for (int mu = 0; mu < test.count; mu++) {
        double f = fbar[mu] / taken, y = test.y[mu];
        fy += f * y;
        yy += y * y;
        err += (f - y) * (f - y);
      }
      alignment = fy / yy;
      mse = err / test.count;
      for (int l = 0; l < depth; l++) specialised[l] /= taken;
      for (int i = 0; i < np; i++) thetaBar[i] /= taken;
    }
    double trainLoss = 0;
    if (!diverged) {
      double[] f = ws.output();
      for (int mu = 0; mu < p; mu++) trainLoss += (f[mu] - train.y[mu]) * (f[mu] - train.y[mu]);
      trainLoss /= p;
    }
    return new ChainResult(alignment, mse, specialised, trainLoss, steps, dt, settings.dtFactor(),
        (System.nanoTime() - t0) * 1e-9, diverged, thetaBar);
  }

  /** Neurons of a deeper layer whose activation over the test set correlates with y above the threshold. */
  private int correlatedNeurons(double[][] h, int width, SyntheticData test, double yMean, double yVar) {
    int count = 0, m = test.count;
    for (int i = 0; i < width; i++) {
      double hm = 0;
      for (int mu = 0; mu < m; mu++) hm += h[i][mu];
      hm /= m;
      double cov = 0, var = 0;
      for (int mu = 0; mu < m; mu++) {
        double a = h[i][mu] - hm;
        cov += a * (test.y[mu] - yMean);
        var += a * a;
      }
      if (var > 0 && Math.abs(cov) / Math.sqrt(var * yVar) > settings.specialisationThreshold()) count++;
    }
    return count;
  }
}
