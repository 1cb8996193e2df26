package org.flscale.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The conv and attention backward passes against central finite differences of the potential, at tiny sizes. */
class LayerKindGradientTest {

  private static void check(Trainable net, ChainStart start) {
    double[] theta = net.initialParameters(start, new SplittableRandom(3));
    GradientCheck.matchesFiniteDifferences((t, g) -> net.potentialAndGradient(t, 0.3, g), theta);
  }

  @Test
  void convErfStandard() {
    ConvNetwork net = new ConvNetwork(5, 3, 4, ActivationKernel.named("erf"), 1 / Math.sqrt(5 * 4), 3);
    check(net.bind(TokenData.training(4, 3, 3, 9, 7), TokenData.test(4, 3, 3, 5, 7)), ChainStart.ALIGNED);
  }

  @Test
  void convTanhMeanFieldOddSizes() {
    ConvNetwork net = new ConvNetwork(6, 5, 2, ActivationKernel.named("tanh"), 1.0 / (6 * 2), 2);
    check(net.bind(TokenData.training(2, 5, 2, 11, 8), TokenData.test(2, 5, 2, 5, 8)), ChainStart.RANDOM);
  }

  @Test
  void attentionRelu() {
    AttentionNetwork net = new AttentionNetwork(6, 5, 4, ActivationKernel.named("relu"), 1 / Math.sqrt(5), 3);
    check(net.bind(TokenData.training(4, 6, 3, 9, 7), TokenData.test(4, 6, 3, 5, 7)), ChainStart.ALIGNED);
  }

  @Test
  void attentionErfOneTokenAndMeanField() {
    AttentionNetwork one = new AttentionNetwork(5, 7, 1, ActivationKernel.named("erf"), 1.0 / 7, 3);
    check(one.bind(TokenData.training(1, 5, 3, 8, 2), TokenData.test(1, 5, 3, 5, 2)), ChainStart.RANDOM);
    AttentionNetwork many = new AttentionNetwork(4, 3, 7, ActivationKernel.named("tanh"), 1.0 / 3, 3);
    check(many.bind(TokenData.training(7, 4, 3, 10, 2), TokenData.test(7, 4, 3, 5, 2)), ChainStart.ALIGNED);
  }

  @Test
  void pieceWiseTargetHasUnitVariance() {
    TokenData data = TokenData.test(8, 6, 3, 100_000, 1);
    double yy = 0;
    for (double v : data.y) yy += v * v;
    assertEquals(1.0, yy / data.count, 0.03);
  }
}
