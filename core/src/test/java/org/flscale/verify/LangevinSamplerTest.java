package org.flscale.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.junit.jupiter.api.Test;

/**
 * The sampler on Bayesian linear regression (the network with no hidden layer), whose posterior
 * is Gaussian with an exact mean: precision A = I + (c^2/kappa) X'X, mean A^-1 (c/kappa) X'y.
 */
class LangevinSamplerTest {
  static final int D = 5, P = 40;
  static final double KAPPA = 0.5;

  private static double[][] exactPosterior(SyntheticData data, double c) {
    RealMatrix a = new Array2DRowRealMatrix(D, D);
    RealVector rhs = new ArrayRealVector(D);
    for (int i = 0; i < D; i++) a.addToEntry(i, i, 1);
    for (int mu = 0; mu < P; mu++) {
      for (int i = 0; i < D; i++) {
        rhs.addToEntry(i, c / KAPPA * data.x[mu * D + i] * data.y[mu]);
        for (int j = 0; j < D; j++) a.addToEntry(i, j, c * c / KAPPA * data.x[mu * D + i] * data.x[mu * D + j]);
      }
    }
    CholeskyDecomposition ch = new CholeskyDecomposition(a);
    RealMatrix cov = ch.getSolver().getInverse();
    double[] mean = ch.getSolver().solve(rhs).toArray();
    double[] sd = new double[D];
    for (int i = 0; i < D; i++) sd[i] = Math.sqrt(cov.getEntry(i, i));
    return new double[][] {mean, sd};
  }

  private static ChainResult run(SamplerSettings.Mode mode, double time, long seed) {
    NetworkShape shape = new NetworkShape(new int[] {D}, new ActivationKernel[0], 1 / Math.sqrt(D));
    SyntheticData train = SyntheticData.training(D, 1, P, 4), test = SyntheticData.test(D, 1, 200, 4);
    SamplerSettings s = new SamplerSettings(mode, KAPPA, 0.1, time, 0.1, 5000, 200, 0.8);
    SplittableRandom rng = new SplittableRandom(seed);
    Trainable net = new DenseNetwork(shape, 1).bind(train, test);
    double[] theta = net.initialParameters(ChainStart.RANDOM, rng);
    return new LangevinSampler(s).run(net, theta, rng);
  }

  @Test
  void posteriorMeanOfBayesianLinearRegression() {
    SyntheticData train = SyntheticData.training(D, 1, P, 4);
    double[][] exact = exactPosterior(train, 1 / Math.sqrt(D));
    ChainResult r = run(SamplerSettings.Mode.LANGEVIN, 400, 11);
    assertFalse(r.diverged());
    for (int i = 0; i < D; i++) {
      // 400 prior times, correlation time <= 1: the Monte Carlo error is ~ sd / 14
      assertEquals(exact[0][i], r.meanParameters()[i], 0.25 * exact[1][i], "component " + i);
    }
  }

  @Test
  void gradientDescentFindsThePosteriorMode() {
    SyntheticData train = SyntheticData.training(D, 1, P, 4);
    double[][] exact = exactPosterior(train, 1 / Math.sqrt(D));
    ChainResult r = run(SamplerSettings.Mode.GD, 60, 1);
    for (int i = 0; i < D; i++) assertEquals(exact[0][i], r.meanParameters()[i], 1e-6);
    assertTrue(r.alignment() > 0.9, "a linear target is learnt: A = " + r.alignment());
  }
}
