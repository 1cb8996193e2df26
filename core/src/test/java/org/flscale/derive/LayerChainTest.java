package org.flscale.derive;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.List;
import org.flscale.TestRules;
import org.flscale.model.ArchModel;
import org.flscale.report.DerivationView;
import org.junit.jupiter.api.Test;

/** The layer-by-layer enumeration: merging equivalent partial assignments never changes an answer. */
class LayerChainTest {
  private static String answer(Derivation d) {
    if (!d.learnable()) return "unlearnable";
    DerivationView v = new DerivationView(d);
    List<Piece> win = v.ordered(d.winner());
    return v.patternSummary(win) + " | " + v.piecewise(win);
  }

  @Test
  void mergingEquivalentPartialAssignmentsKeepsEveryTestCasesAnswer() throws Exception {
    List<Path> files = org.flscale.suite.RegressionSuite.valid(Path.of("test-cases"));
    int compared = 0;
    for (Path f : files) {
      if (org.flscale.parse.DynamicsFileParser.isDynamics(org.flscale.parse.ArchSource.read(f))) continue; // no network
      ArchModel m = TestRules.parser().parse(f);
      if (m.layers().size() < 2 || !m.allScalesTied()) continue; // free scales: too slow for a unit test when merged
      String all = answer(new Deriver(TestRules.get()).withMergeAbove(Long.MAX_VALUE).derive(m));
      String merged = answer(new Deriver(TestRules.get()).withMergeAbove(0).derive(m));
      assertEquals(all, merged, f.toString());
      compared++;
    }
    assertTrue(compared >= 8, "compared " + compared + " files");
  }

  @Test
  void aLazyLayerAboveASpecialisedOneKeepsItsSpike() {
    Derivation d = TestRules.derive("model t\nscale d\nscale N1 = d\nscale N2 = d^3\ninput x : gaussian(d)\ntarget y = He3(w . x)\n"
        + "network {\n  h1 = erf(W1 x) width N1\n  h2 = erf(W2 h1) width N2\n  f = a . h2\n}\n");
    Piece p = d.winner().get(0);
    assertEquals("Spec-GP", p.assignment().label());
    assertEquals("M1 d + N1/M1", new DerivationView(d).energy(p));
  }
}
