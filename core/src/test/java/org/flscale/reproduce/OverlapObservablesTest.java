package org.flscale.reproduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import org.flscale.math.Q;
import org.flscale.model.ArchModel;
import org.flscale.parse.ArchFileParser;
import org.flscale.rules.RuleBook;
import org.flscale.verify.ChainStart;
import org.flscale.verify.ModelInstance;
import org.flscale.verify.NetworkShape;
import org.flscale.verify.SyntheticData;
import org.flscale.verify.Trainable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The overlap observables read the dense network's parameters as the network lays them out, and the prior calibration gives the 3-sigma cut its meaning. */
class OverlapObservablesTest {
  private static RuleBook rules;

  @BeforeAll
  static void load() {
    rules = RuleBook.load(Path.of("rules"), null);
  }

  private static ModelInstance instance(String file, String scale, int width) {
    ArchModel m = new ArchFileParser(rules.knownNames()).parse(Path.of(file));
    return new ModelInstance(m, rules, Map.of(scale, Q.ZERO), Map.of(scale, width));
  }

  @Test
  void firstLayerCountsAgreeWithTheNetworksOwn() {
    int d = 12, width = 30;
    ModelInstance m = instance("presets/rubin2025/two_layer_width.arch", "N", width);
    NetworkShape shape = m.shape(d);
    Trainable net = m.trainable(d, 40, 3, 50);
    double[] u = SyntheticData.teacher(d, 3);
    OverlapObservables obs = new OverlapObservables(shape, u, 0, 3);
    SplittableRandom rng = new SplittableRandom(5);
    double[] theta = net.initialParameters(ChainStart.ALIGNED, rng);
    for (int k = 0; k < d; k++) theta[5 * d + k] = 0.9 * theta[5 * d + k] + 0.1 * Math.sqrt(d) * u[k]; // a weakly tilted neuron
    net.testOutput(theta);
    double[] theirs = new double[1];
    net.countSpecialised(theta, OverlapObservables.CORRELATION_CUT, theirs);
    OverlapObservables.Accumulator acc = new OverlapObservables.Accumulator(shape.widths());
    obs.measure(theta, acc);
    assertEquals(theirs[0], acc.specialised[1], "the same neurons have a weight cosine with u above 0.8");
    assertTrue(theirs[0] >= ChainStart.ALIGNED_NEURONS, "the aligned start's neurons are specialised");
    // an aligned neuron is V_i = sqrt(d) u: overlap sqrt(d) = 3.46 prior units, beyond the 3-sigma cut
    assertTrue(acc.outliers[1] >= ChainStart.ALIGNED_NEURONS, "aligned neurons are 3-sigma outliers: " + acc.outliers[1]);
    assertEquals(width, java.util.Arrays.stream(acc.histogram[1]).sum(), 1e-9, "every neuron lands in one bin");
  }

  @Test
  void deeperLayersAreCalibratedOnThePrior() {
    int d = 8, width = 40;
    ModelInstance m = instance("presets/rubin2025/three_layer_n1.arch", "N1", width);
    NetworkShape shape = m.shape(d);
    OverlapObservables obs = new OverlapObservables(shape, SyntheticData.teacher(d, 1), 400, 1);
    assertEquals(1, obs.priorRms(1));
    assertTrue(obs.priorRms(2) > 0.05 && obs.priorRms(2) < 2, "layer 2's prior rms overlap: " + obs.priorRms(2));
    // on fresh prior draws, few neurons pass the 3-sigma cut and few correlate with u.x above 0.8
    OverlapObservables.Accumulator acc = new OverlapObservables.Accumulator(shape.widths());
    SplittableRandom rng = new SplittableRandom(9);
    double[] theta = new double[shape.parameterCount()];
    for (int draw = 0; draw < 20; draw++) {
      for (int i = 0; i < theta.length; i++) theta[i] = rng.nextGaussian();
      obs.measure(theta, acc);
    }
    assertTrue(acc.outliers[1] / 20 < 0.05 * width, "layer 1 prior outliers per draw: " + acc.outliers[1] / 20);
    assertTrue(acc.outliers[2] / 20 < 0.1 * d, "layer 2 prior outliers per draw: " + acc.outliers[2] / 20);
  }
}
