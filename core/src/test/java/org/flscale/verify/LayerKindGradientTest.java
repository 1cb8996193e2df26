package org.flscale.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;
import org.flscale.model.Target;
import org.junit.jupiter.api.Test;

/** The conv and attention backward passes (attention at d = 3, L = 3, H = 2) against central finite differences of the potential, at tiny sizes. */
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
  void convOverSeveralSampleBlocks() {
    ConvNetwork net = new ConvNetwork(4, 3, 2, ActivationKernel.named("erf"), 1 / Math.sqrt(4 * 2), 2);
    TokenData train = TokenData.training(2, 3, 2, 11001, 8);
    org.junit.jupiter.api.Assertions.assertTrue(net.sampleBlock(net.buffers(train, true)) * 2 < train.count, "several blocks");
    check(net.bind(train, TokenData.test(2, 3, 2, 5, 8)), ChainStart.RANDOM);
  }

  /** The paper's target: He1(u1.x_a) He1(u2.x_b) He1(u3.x_b) over ordered pairs a != b. */
  private static final List<Target.Factor> PAPER = List.of(new Target.Factor(1, "u1", "a"), new Target.Factor(1, "u2", "b"), new Target.Factor(1, "u3", "b"));

  @Test
  void attentionHeadTinySizes() {
    AttentionNetwork net = new AttentionNetwork(3, 3, 2, PAPER);
    check(net.bind(7, 5, 2), ChainStart.RANDOM);
    check(net.bind(7, 5, 3), ChainStart.ALIGNED);
  }

  @Test
  void attentionOverSeveralSampleBlocks() {
    AttentionNetwork net = new AttentionNetwork(3, 3, 2, PAPER);
    PairData train = PairData.training(3, 3, PAPER, 1501, 2);
    org.junit.jupiter.api.Assertions.assertTrue(net.sampleBlock(net.buffers(train, true)) * 2 < train.count, "several blocks");
    check(net.bind(train, PairData.test(3, 3, PAPER, 5, 2)), ChainStart.RANDOM);
  }

  @Test
  void attentionHeadOneHeadManyTokensKeyOnlyTarget() {
    AttentionNetwork net = new AttentionNetwork(4, 5, 1, List.of(new Target.Factor(2, "u1", "b")));
    check(net.bind(6, 5, 4), ChainStart.ALIGNED);
  }

  @Test
  void pairTargetsHaveUnitVariance() {
    for (List<Target.Factor> f : List.of(PAPER, List.of(new Target.Factor(2, "u1", "b")), List.of(new Target.Factor(1, "u1", "a"), new Target.Factor(2, "u2", "b")))) {
      PairData data = PairData.test(4, 5, f, 100_000, 1);
      double yy = 0;
      for (double v : data.y) yy += v * v;
      assertEquals(1.0, yy / data.count, 0.04, f.toString());
    }
  }

  @Test
  void pairDirectionsAreOrthonormal() {
    double[][] u = PairData.orthonormal(3, 5, 9);
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        double dot = 0;
        for (int k = 0; k < 5; k++) dot += u[i][k] * u[j][k];
        assertEquals(i == j ? 1 : 0, dot, 1e-12);
      }
    }
  }

  @Test
  void pieceWiseTargetHasUnitVariance() {
    TokenData data = TokenData.test(8, 6, 3, 100_000, 1);
    double yy = 0;
    for (double v : data.y) yy += v * v;
    assertEquals(1.0, yy / data.count, 0.03);
  }
}
