package org.flscale.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.junit.jupiter.api.Test;

/**
 * Each integrator samples a known posterior: Bayesian linear regression (the network without a
 * hidden layer; Gaussian posterior with precision A = I + (c^2/kappa) X'X and mean A^-1 (c/kappa) X'y),
 * mean and variance along every eigendirection of A, and a non-Gaussian quartic potential.
 * Tolerance: |estimate - exact| < 4 batch-means standard errors, with the errors themselves small
 * enough (variance to 6 %) that a bias of a few per cent is seen. The checks can fail: Euler with
 * dt lambda_max = 1 is caught (and matches its known variance 1/(lambda (1 - lambda dt/2))), and so are
 * Leimkuhler-Matthews and BAOAB with oversized steps on the quartic (they are exact on Gaussians).
 */
class IntegratorTest {
  static final int D = 5, P = 40;
  static final double KAPPA = 0.5, TIME = 2000, Z = 4;

  /** The posterior's mean, the eigenvalues of its precision and their eigenvectors (columns). */
  record Gaussian(double[] mean, double[] curvature, RealMatrix directions) {}

  static Gaussian exact(SyntheticData data) {
    double c = 1 / Math.sqrt(D);
    RealMatrix a = new Array2DRowRealMatrix(D, D);
    RealVector rhs = new ArrayRealVector(D);
    for (int i = 0; i < D; i++) a.addToEntry(i, i, 1);
    for (int mu = 0; mu < P; mu++) {
      for (int i = 0; i < D; i++) {
        rhs.addToEntry(i, c / KAPPA * data.x[mu * D + i] * data.y[mu]);
        for (int j = 0; j < D; j++) a.addToEntry(i, j, c * c / KAPPA * data.x[mu * D + i] * data.x[mu * D + j]);
      }
    }
    EigenDecomposition e = new EigenDecomposition(a);
    double[] mean = new org.apache.commons.math3.linear.CholeskyDecomposition(a).getSolver().solve(rhs).toArray();
    return new Gaussian(mean, e.getRealEigenvalues(), e.getV());
  }

  static SamplerSettings settings(Integrator i, double factor) {
    return new SamplerSettings(SamplerSettings.Mode.LANGEVIN, KAPPA, factor, TIME, 0.05, 100, 10, 0.8, i, SamplerSettings.DEFAULT_FRICTION);
  }

  /** Means of theta_i, then variances along the precision's eigendirections (about the exact mean). */
  static ChainMoments sampleRegression(Integrator integrator, double factor, Gaussian g, long seed) {
    NetworkShape shape = new NetworkShape(new int[] {D}, new ActivationKernel[0], 1 / Math.sqrt(D));
    Trainable net = new DenseNetwork(shape, 1).bind(SyntheticData.training(D, 1, P, 4), SyntheticData.test(D, 1, 10, 4));
    SplittableRandom rng = new SplittableRandom(seed);
    double[] theta = net.initialParameters(ChainStart.RANDOM, rng);
    Dynamics dyn = Dynamics.of(settings(integrator, factor), net, theta, rng);
    long steps = (long) Math.ceil(TIME / dyn.timeStep());
    @SuppressWarnings("unchecked")
    ToDoubleFunction<double[]>[] obs = new ToDoubleFunction[2 * D];
    for (int i = 0; i < D; i++) {
      int ii = i;
      obs[i] = t -> t[ii];
      obs[D + i] = t -> {
        double s = 0;
        for (int j = 0; j < D; j++) s += g.directions().getEntry(j, ii) * (t[j] - g.mean()[j]);
        return s * s;
      };
    }
    return ChainMoments.of(dyn, theta, steps / 20, steps, obs);
  }

  /** The stiffest direction of the posterior (largest curvature). */
  static int stiffest(Gaussian g) {
    int k = 0;
    for (int j = 1; j < D; j++) if (g.curvature()[j] > g.curvature()[k]) k = j;
    return k;
  }

  /**
   * Means exact, variance along each eigendirection equal to {@code variance} of its curvature, within
   * Z standard errors; the variance's error below 6 % so that the check has the power to see a bias.
   */
  static void assertSamplesRegression(Integrator integrator, double factor, java.util.function.DoubleUnaryOperator variance) {
    Gaussian g = exact(SyntheticData.training(D, 1, P, 4));
    ChainMoments m = sampleRegression(integrator, factor, g, 7);
    for (int i = 0; i < D; i++) {
      assertTrue(Math.abs(m.z(i, g.mean()[i])) < Z, integrator.label + " mean " + i + ": " + m.mean[i] + " vs " + g.mean()[i] + " (se " + m.standardError[i] + ")");
      double v = variance.applyAsDouble(g.curvature()[i]);
      assertTrue(m.standardError[D + i] < 0.06 * v, integrator.label + ": the variance's error is too large to see a bias: " + m.standardError[D + i] / v);
      assertTrue(Math.abs(m.z(D + i, v)) < Z, integrator.label + " variance along direction " + i + " (curvature " + g.curvature()[i] + "): "
          + m.mean[D + i] + " vs " + v + " (se " + m.standardError[D + i] + ")");
    }
  }

  /** dt of the overdamped integrators at step factor c in this test's sizes. */
  static double dt(double factor) {
    return factor * KAPPA * D / P;
  }

  @Test
  void eulerSamplesBayesianLinearRegressionWithItsKnownBias() {
    // at the protocol's c = 0.1, dt lambda_max = 0.25 here: the stiffest variance is 14 % too large, as Euler's formula says
    double dt = dt(Integrator.EULER.defaultFactor);
    assertSamplesRegression(Integrator.EULER, Integrator.EULER.defaultFactor, l -> 1 / (l * (1 - l * dt / 2)));
  }

  @Test
  void eulerAtItsProtocolStepIsCaughtAgainstTheExactVariance() {
    Gaussian g = exact(SyntheticData.training(D, 1, P, 4));
    int k = stiffest(g);
    ChainMoments m = sampleRegression(Integrator.EULER, Integrator.EULER.defaultFactor, g, 7);
    assertTrue(m.z(D + k, 1 / g.curvature()[k]) > 2 * Z, "z = " + m.z(D + k, 1 / g.curvature()[k]));
  }

  @Test
  void leimkuhlerMatthewsSamplesBayesianLinearRegression() {
    assertSamplesRegression(Integrator.LM, Integrator.LM.defaultFactor, l -> 1 / l);
  }

  @Test
  void baoabSamplesBayesianLinearRegression() {
    assertSamplesRegression(Integrator.BAOAB, Integrator.BAOAB.defaultFactor, l -> 1 / l);
  }

  @Test
  void eulerWithTooLargeAStepIsCaught() {
    Gaussian g = exact(SyntheticData.training(D, 1, P, 4));
    int k = stiffest(g);
    double lambda = g.curvature()[k];
    double dt = 1 / lambda, factor = dt * P / (KAPPA * D);
    ChainMoments m = sampleRegression(Integrator.EULER, factor, g, 7);
    double exact = 1 / lambda, euler = 1 / (lambda * (1 - lambda * dt / 2));
    assertTrue(Math.abs(m.z(D + k, exact)) > 2 * Z, "the bias is seen: z = " + m.z(D + k, exact));
    assertTrue(Math.abs(m.z(D + k, euler)) < Z, "and it is Euler's: " + m.mean[D + k] + " vs " + euler);
  }

  /** LM and BAOAB are exact on a Gaussian at every stable step: past stability the chain diverges, which the sampler reports. */
  @Test
  void leimkuhlerMatthewsAndBaoabPastStabilityDiverge() {
    Gaussian g = exact(SyntheticData.training(D, 1, P, 4));
    double lambda = g.curvature()[stiffest(g)];
    double lmFactor = 2.5 / lambda * P / (KAPPA * D);
    assertTrue(diverges(Integrator.LM, lmFactor), "lm at dt lambda_max = 2.5");
    assertTrue(diverges(Integrator.BAOAB, 2.5), "baoab at h sqrt(lambda_max) >= 2.5");
    assertTrue(!diverges(Integrator.BAOAB, 1.5), "baoab at h sqrt(lambda) = 1.5 is stable");
  }

  static boolean diverges(Integrator integrator, double factor) {
    NetworkShape shape = new NetworkShape(new int[] {D}, new ActivationKernel[0], 1 / Math.sqrt(D));
    Trainable net = new DenseNetwork(shape, 1).bind(SyntheticData.training(D, 1, P, 4), SyntheticData.test(D, 1, 10, 4));
    SplittableRandom rng = new SplittableRandom(5);
    double[] theta = net.initialParameters(ChainStart.RANDOM, rng);
    Dynamics dyn = Dynamics.of(settings(integrator, factor), net, theta, rng);
    for (int s = 0; s < 20000; s++) if (!dyn.step(theta)) return true;
    return false;
  }

  static ChainMoments sampleQuartic(Integrator integrator, double factor, long seed) {
    Trainable net = new QuarticPotential(4);
    SplittableRandom rng = new SplittableRandom(seed);
    double[] theta = net.initialParameters(ChainStart.RANDOM, rng);
    SamplerSettings s = new SamplerSettings(SamplerSettings.Mode.LANGEVIN, 1, factor, TIME, 0.05, 100, 10, 0.8, integrator,
        SamplerSettings.DEFAULT_FRICTION);
    Dynamics dyn = Dynamics.of(s, net, theta, rng);
    long steps = (long) Math.ceil(TIME / dyn.timeStep());
    return ChainMoments.of(dyn, theta, steps / 20, steps, t -> (t[0] * t[0] + t[1] * t[1] + t[2] * t[2] + t[3] * t[3]) / 4);
  }

  /** A non-Gaussian posterior: LM and BAOAB at their default steps match <theta^2>; Euler at dt = 0.1 is 7 % high and caught. */
  @Test
  void quarticSecondMoment() {
    double exact = QuarticPotential.exactSecondMoment();
    assertEquals(0.468, exact, 1e-3);
    for (Integrator i : new Integrator[] {Integrator.LM, Integrator.BAOAB}) {
      ChainMoments m = sampleQuartic(i, i.defaultFactor, 3);
      assertTrue(m.standardError[0] < 0.015 * exact, i.label + ": se " + m.standardError[0]);
      assertTrue(Math.abs(m.z(0, exact)) < Z, i.label + ": " + m.mean[0] + " vs " + exact + " (se " + m.standardError[0] + ")");
    }
    ChainMoments euler = sampleQuartic(Integrator.EULER, 0.1, 3);
    assertTrue(euler.z(0, exact) > 2 * Z, "euler at dt = 0.1: " + euler.mean[0] + " vs " + exact + ", z = " + euler.z(0, exact));
  }
}
