package org.flscale.verify;

import java.util.function.ToDoubleFunction;

/**
 * Equilibrium averages of a chain with their Monte Carlo errors by batch means: the sampled steps
 * after burn-in are cut into {@link #BATCHES} consecutive batches, and the standard error of an
 * average is the spread of the batch averages / sqrt(batches). Valid when a batch is much longer
 * than the correlation time (the tests run 10^3 or more correlation times).
 */
final class ChainMoments {
  static final int BATCHES = 25;
  final double[] mean, standardError;

  private ChainMoments(double[] mean, double[] standardError) {
    this.mean = mean;
    this.standardError = standardError;
  }

  /** Runs {@code burn} then {@code steps} steps of the dynamics and averages each observable over the latter. */
  @SafeVarargs
  static ChainMoments of(Dynamics dynamics, double[] theta, long burn, long steps, ToDoubleFunction<double[]>... observables) {
    for (long s = 0; s < burn; s++) if (!dynamics.step(theta)) throw new IllegalStateException("diverged in burn-in");
    int k = observables.length;
    double[][] batch = new double[BATCHES][k];
    long perBatch = steps / BATCHES;
    for (int b = 0; b < BATCHES; b++) {
      for (long s = 0; s < perBatch; s++) {
        if (!dynamics.step(theta)) throw new IllegalStateException("diverged");
        for (int j = 0; j < k; j++) batch[b][j] += observables[j].applyAsDouble(theta);
      }
      for (int j = 0; j < k; j++) batch[b][j] /= perBatch;
    }
    double[] mean = new double[k], se = new double[k];
    for (int j = 0; j < k; j++) {
      double m = 0, v = 0;
      for (double[] row : batch) m += row[j];
      m /= BATCHES;
      for (double[] row : batch) v += (row[j] - m) * (row[j] - m);
      mean[j] = m;
      se[j] = Math.sqrt(v / (BATCHES - 1) / BATCHES);
    }
    return new ChainMoments(mean, se);
  }

  /** (estimate - exact) / standard error of observable j. */
  double z(int j, double exact) {
    return (mean[j] - exact) / standardError[j];
  }
}
