package org.flscale.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.flscale.model.ArchModel;
import org.flscale.parse.ArchFileParser;
import org.flscale.rules.RuleBook;
import org.junit.jupiter.api.Test;

/** The full budget: BAOAB over d = 16..128, its ladder stopped by its cost cap, the same sizes on any machine. */
class FullBudgetTest {
  private static List<ModelInstance> twoLayer() throws Exception {
    RuleBook rules = RuleBook.load(Path.of("rules"), null);
    String file = "examples/two_layer_erf_he3.arch";
    ArchModel model = new ArchFileParser(rules.knownNames()).parse(Files.readString(Path.of(file)), file);
    return List.of(new ModelInstance(model, rules, Map.of()));
  }

  @Test
  void theFullRunIsBaoabOverDSixteenToOneTwentyEight() {
    SweepPlan full = Budget.FULL.plan(SamplerSettings.Mode.LANGEVIN, 0.1);
    assertEquals(List.of(16, 24, 32, 48, 64, 96, 128), full.dims());
    assertSame(Integrator.BAOAB, full.sampler().integrator());
    assertEquals(3 * Integrator.BAOAB.defaultTimeFactor, full.sampler().priorTime(), 1e-12);
    assertSame(Integrator.EULER, Budget.FULL.plan(SamplerSettings.Mode.GD, 0.1).sampler().integrator(), "gradient descent has no integrator to choose");
    assertSame(Integrator.EULER, Budget.DEFAULT.plan(SamplerSettings.Mode.LANGEVIN, 0.1).sampler().integrator());
  }

  @Test
  void theCapStopsTheLadderAtTheLargestAffordableSizeAndKeepsFour() throws Exception {
    List<ModelInstance> m = twoLayer();
    SweepPlan full = Budget.FULL.plan(SamplerSettings.Mode.LANGEVIN, 0.1);
    assertSame(full, Feasibility.affordable(m, full, Budget.FULL.costCap()), "the two-layer net's whole ladder is under the cap");
    double upTo64 = Feasibility.seconds(m, full.with(List.of(16, 24, 32, 48, 64), null, null, null, null).cells(), full, 1) * Feasibility.UNITS_PER_SECOND;
    assertEquals(List.of(16, 24, 32, 48, 64), Feasibility.affordable(m, full, upTo64).dims());
    assertEquals(List.of(16, 24, 32, 48, 64), Feasibility.affordable(m, full, upTo64 * 1.0001).dims());
    assertEquals(List.of(16, 24, 32, 48), Feasibility.affordable(m, full, upTo64 * 0.9999).dims());
    assertEquals(List.of(16, 24, 32, 48), Feasibility.affordable(m, full, 1).dims(), "however small the cap, a fit keeps four sizes");
    SweepPlan eulerFull = full.with(null, null, null, null, full.sampler().withIntegrator(Integrator.EULER));
    assertEquals(List.of(16, 24, 32, 48, 64), Feasibility.affordable(m, eulerFull, Budget.FULL.costCap()).dims(), "Euler's longer chains reach less far");
    assertEquals(Double.POSITIVE_INFINITY, Budget.DEFAULT.costCap());
  }
}
