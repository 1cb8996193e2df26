package org.flscale.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The hand-written backward pass against central finite differences of the potential. */
class NetworkGradientTest {

  private static void check(int[] widths, String[] acts, double readoutScale, int batch) {
    ActivationKernel[] k = new ActivationKernel[acts.length];
    for (int i = 0; i < acts.length; i++) k[i] = ActivationKernel.named(acts[i]);
    DenseNetwork net = new DenseNetwork(new NetworkShape(widths, k, readoutScale), 3);
    Trainable bound = net.bind(batch, 5, 7);
    double[] theta = bound.initialParameters(ChainStart.ALIGNED, new SplittableRandom(3));
    GradientCheck.matchesFiniteDifferences((t, g) -> bound.potentialAndGradient(t, 0.3, g), theta);
  }

  @Test
  void twoLayerErfStandard() {
    check(new int[] {6, 5}, new String[] {"erf"}, 1 / Math.sqrt(5), 9);
  }

  @Test
  void threeLayerMixedMeanField() {
    check(new int[] {7, 6, 5}, new String[] {"erf", "tanh"}, 1.0 / 5, 11);
  }

  @Test
  void fourLayerWithOddWidths() {
    check(new int[] {5, 9, 3, 6}, new String[] {"tanh", "quadratic", "erf"}, 1 / Math.sqrt(6), 7);
  }

  @Test
  void reluAndLinear() {
    check(new int[] {8, 7, 4}, new String[] {"relu", "linear"}, 1 / Math.sqrt(4), 10);
  }

  @Test
  void batchLongerThanACacheBlock() {
    check(new int[] {70, 9, 6}, new String[] {"erf", "erf"}, 1 / Math.sqrt(6), 150);
  }

  @Test
  void theStepWalksTheBatchInSampleBlocksWithoutChangingThePotential() {
    DenseNetwork net = new DenseNetwork(new NetworkShape(new int[] {6, 5}, new ActivationKernel[] {ActivationKernel.named("erf")}, 0.4), 3);
    SyntheticData train = SyntheticData.training(6, 3, 7001, 5);
    DenseNetwork.Workspace ws = net.buffers(train, true);
    assertTrue(net.sampleBlock(ws) * 2 < train.count, "several blocks, the last one partial: " + net.sampleBlock(ws));
    double[] theta = Potential.draw(net.parameterCount(), new SplittableRandom(2));
    double blocked = net.potentialAndGradient(theta, ws, 0.3, new double[theta.length]);
    net.forward(theta, ws, false);
    double whole = 0.5 * Potential.prior(theta, new double[theta.length]) + 0.5 * Potential.residuals(ws.f, train.y, 0, train.count, 0.3, ws.r) / 0.3;
    assertEquals(whole, blocked, 1e-12 * whole);
    GradientCheck.matchesFiniteDifferences((t, g) -> net.potentialAndGradient(t, ws, 0.3, g), theta);
  }

  @Test
  void linearModelWithoutHiddenLayer() {
    check(new int[] {6}, new String[] {}, 1 / Math.sqrt(6), 12);
  }

  @Test
  void fastErfMatchesCommonsMath() {
    double[] z = new double[2001], h = new double[z.length], dh = new double[z.length];
    for (int i = 0; i < z.length; i++) z[i] = -8 + 16.0 * i / (z.length - 1);
    ActivationKernel.named("erf").apply(z, h, dh, z.length);
    for (int i = 0; i < z.length; i++) {
      assertEquals(org.apache.commons.math3.special.Erf.erf(z[i]), h[i], 1e-8);
      assertEquals(2 / Math.sqrt(Math.PI) * Math.exp(-z[i] * z[i]), dh[i], 1e-6);
    }
  }

  @Test
  void hermiteIsNormalisedOnGaussianData() {
    SyntheticData data = SyntheticData.test(10, 3, 200_000, 1);
    double m2 = 0;
    for (double v : data.y) m2 += v * v;
    assertEquals(1.0, m2 / data.count, 0.03);
  }
}
