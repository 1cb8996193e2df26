package org.flscale.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The fp32 dense network against central finite differences of its own fp32 potential and against
 * the fp64 network. The finite differences use h = 1e-2 and a tolerance of 2e-3: the float passes
 * make U noisy at about 1e-7 of its size (a few 1e-6 here), which a difference quotient divides by
 * 2h, while the truncation error h^2 U''' / 6 stays near 1e-5; fp64's check (h = 1e-5, 1e-5)
 * would read float rounding as a wrong gradient.
 */
class FloatDenseNetworkTest {

  private static void check(int[] widths, String[] acts, double readoutScale, int batch) {
    ActivationKernel[] k = new ActivationKernel[acts.length];
    for (int i = 0; i < acts.length; i++) k[i] = ActivationKernel.named(acts[i]);
    DenseNetwork net = new DenseNetwork(new NetworkShape(widths, k, readoutScale), 3);
    SyntheticData train = SyntheticData.training(widths[0], 3, batch, 7), test = SyntheticData.test(widths[0], 3, 5, 7);
    Trainable fp32 = new FloatDenseNetwork(net, train, test), fp64 = net.bind(train, test);
    double[] theta = fp64.initialParameters(ChainStart.ALIGNED, new SplittableRandom(3));
    double[] g32 = new double[theta.length], g64 = new double[theta.length];
    double u32 = fp32.potentialAndGradient(theta, 0.3, g32), u64 = fp64.potentialAndGradient(theta, 0.3, g64);
    assertEquals(u64, u32, 1e-5 * u64, "potential");
    double scale = 0;
    for (double g : g64) scale = Math.max(scale, Math.abs(g));
    for (int q = 0; q < theta.length; q++) assertEquals(g64[q], g32[q], 1e-5 * (1 + scale), "fp32 against fp64 gradient at " + q);
    for (int mu = 0; mu < batch; mu++) assertEquals(fp64.trainOutput()[mu], fp32.trainOutput()[mu], 1e-5, "output at " + mu);
    assertEquals(fp64.testOutput(theta)[2], fp32.testOutput(theta)[2], 0.0, "the test set is evaluated in double");

    double h = 1e-2, worst = 0;
    for (int q = 0; q < theta.length; q++) {
      double keep = theta[q];
      theta[q] = keep + h;
      double up = fp32.potentialAndGradient(theta, 0.3, new double[theta.length]);
      theta[q] = keep - h;
      double down = fp32.potentialAndGradient(theta, 0.3, new double[theta.length]);
      theta[q] = keep;
      worst = Math.max(worst, Math.abs((up - down) / (2 * h) - g32[q]));
    }
    assertTrue(worst < 2e-3 * Math.max(1, scale), "max |grad - finite difference| = " + worst + " (scale " + scale + ")");
  }

  @Test
  void twoLayerErf() {
    check(new int[] {6, 5}, new String[] {"erf"}, 1 / Math.sqrt(5), 9);
  }

  @Test
  void threeLayerMixedWithOddWidths() {
    check(new int[] {7, 6, 5}, new String[] {"erf", "tanh"}, 1.0 / 5, 11);
  }

  @Test
  void wideFeaturesOverSeveralSampleBlocks() {
    check(new int[] {70, 19, 6}, new String[] {"erf", "erf"}, 1 / Math.sqrt(6), 1500);
  }

  @Test
  void linearModelWithoutHiddenLayer() {
    check(new int[] {6}, new String[] {}, 1 / Math.sqrt(6), 12);
  }

  /** BAOAB's step comes from the stiffest curvature, a power iteration on differences of the gradient: fp32 must measure what fp64 does. */
  @Test
  void theStiffestModeMeasuredOnFloatGradientsIsFp64s() {
    DenseNetwork net = new DenseNetwork(new NetworkShape(new int[] {24, 24}, new ActivationKernel[] {ActivationKernel.named("erf")}, 1 / Math.sqrt(24)), 3);
    SyntheticData train = SyntheticData.training(24, 3, 400, 2), test = SyntheticData.test(24, 3, 5, 2);
    Trainable fp32 = new FloatDenseNetwork(net, train, test), fp64 = net.bind(train, test);
    double[] theta = fp64.initialParameters(ChainStart.ALIGNED, new SplittableRandom(4));
    double[] g32 = new double[theta.length], g64 = new double[theta.length];
    fp32.potentialAndGradient(theta, 0.1, g32);
    fp64.potentialAndGradient(theta, 0.1, g64);
    double l32 = new StiffestMode(theta.length).measure(fp32, theta, g32, 0.1, new SplittableRandom(5));
    double l64 = new StiffestMode(theta.length).measure(fp64, theta, g64, 0.1, new SplittableRandom(5));
    assertEquals(l64, l32, 1e-2 * l64, "lambda_max");
  }

  @Test
  void onlyTheDenseKindHasFloatPasses() {
    assertEquals(null, Precision.FP32.unsupported("dense"));
    assertEquals(null, Precision.FP64.unsupported("conv"));
    assertTrue(Precision.FP32.unsupported("conv").contains("dense kind only, not conv"));
  }
}
