package org.flscale.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.flscale.model.ArchModel;
import org.flscale.parse.ArchFileParser;
import org.flscale.rules.RuleBook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** verify's start-up: a rule whose formula a hand-written kernel computes needs no Symja once the rules are cached. */
class ActivationStartupTest {
  @Test
  void aCachedActivationWithAHandWrittenKernelStartsNoSymja(@TempDir Path cache) throws Exception {
    Path arch = Path.of("examples/two_layer_erf_he3.arch");
    RuleBook first = RuleBook.load(Path.of("rules"), cache);
    ArchModel model = new ArchFileParser(first.knownNames()).parse(arch);
    new ModelInstance(model, first, Map.of());
    first.saveCache();
    RuleBook second = RuleBook.load(Path.of("rules"), cache);
    ModelInstance m = new ModelInstance(new ArchFileParser(second.knownNames()).parse(arch), second, Map.of());
    assertFalse(second.symjaStarted(), "the formula came from the cache and matched the erf kernel");
    assertTrue(m.kernel(0).isFast());
  }

  @Test
  void everyRuleActivationWithAFastKernelIsFoundByItsFormula() {
    RuleBook rules = RuleBook.load(Path.of("rules"), null);
    for (String name : new String[] {"erf", "tanh", "relu", "linear", "quadratic"}) {
      ActivationKernel byNumbers = ActivationKernel.of(rules.activation(name));
      assertTrue(byNumbers.isFast(), name);
      ActivationKernel byFormula = ActivationKernel.forFormula(name, rules.activationContent(name).formula());
      assertNotNull(byFormula, name + ": formula " + rules.activationContent(name).formula() + " is not in ActivationKernel.FORMULAS");
      double[] z = {-1.7, -0.2, 0.4, 2.5}, h1 = new double[4], h2 = new double[4], d1 = new double[4], d2 = new double[4];
      byNumbers.apply(z, h1, d1, 4);
      byFormula.apply(z, h2, d2, 4);
      for (int i = 0; i < 4; i++) {
        assertEquals(h1[i], h2[i], 0, name);
        assertEquals(d1[i], d2[i], 0, name);
        assertEquals(rules.activation(name).value().applyAsDouble(z[i]), h2[i], 1e-8, name + " value against the rule's formula");
      }
    }
    assertNull(ActivationKernel.forFormula("cube", "z^3"));
  }
}
