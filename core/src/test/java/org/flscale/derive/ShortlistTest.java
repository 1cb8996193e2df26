package org.flscale.derive;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.List;
import org.flscale.TestRules;
import org.flscale.model.ArchModel;
import org.flscale.report.DerivationView;
import org.junit.jupiter.api.Test;

/** Deriving only the shortlist that the dynamic programme over depth finds never changes an answer. */
class ShortlistTest {
  private static String answer(Derivation d) {
    if (!d.learnable()) return "unlearnable";
    DerivationView v = new DerivationView(d);
    List<Piece> win = v.ordered(d.winner());
    return v.patternSummary(win) + " | " + v.piecewise(win) + " | " + win.get(0).parameters();
  }

  static String deep(int depth, String activation, String width) {
    StringBuilder sb = new StringBuilder("model deep" + depth + "\nscale d\nscale N = " + width
        + "\ninput x : gaussian(d)\ntarget y = He3(w . x)\nnetwork {\n");
    String prev = "x";
    for (int l = 1; l <= depth; l++) {
      sb.append("  h").append(l).append(" = ").append(activation).append("(W").append(l).append(' ').append(prev).append(") width N\n");
      prev = "h" + l;
    }
    return sb.append("  f = a . ").append(prev).append("\n}\n").toString();
  }

  @Test
  void theShortlistGivesEveryTestCasesAnswer() throws Exception {
    int compared = 0;
    for (Path f : org.flscale.suite.RegressionSuite.derivations(Path.of("test-cases"))) {
      ArchModel m = TestRules.parser().parse(f);
      if (m.layers().size() < 2 || m.input().hasTokens()) continue;
      String every = answer(new Deriver(TestRules.get()).withEveryAssignment(true).derive(m));
      String shortlisted = answer(new Deriver(TestRules.get()).withShortlistAbove(0).derive(m));
      assertEquals(every, shortlisted, f.toString());
      compared++;
    }
    assertTrue(compared >= 10, "compared " + compared + " files");
  }

  @Test
  void deepChainsAgreeWithTheFullEnumeration() {
    for (String act : List.of("erf", "relu", "tanh")) {
      for (String width : List.of("d", "d^2", "d^(1/2)")) {
        for (int depth = 2; depth <= 3; depth++) {
          ArchModel m = TestRules.parser().parse(deep(depth, act, width), "deep.arch");
          String every = answer(new Deriver(TestRules.get()).withEveryAssignment(true).derive(m));
          String shortlisted = answer(new Deriver(TestRules.get()).withShortlistAbove(0).derive(m));
          assertEquals(every, shortlisted, act + " width " + width + " depth " + depth);
        }
      }
    }
  }

  @Test
  void aChainOfThirtyTwoLayersIsDerived() {
    ArchModel m = TestRules.parser().parse(deep(32, "erf", "d"), "deep.arch");
    Derivation d = new Deriver(TestRules.get()).withTimeLimit(TimeLimit.ofSeconds(120)).derive(m);
    assertTrue(d.learnable());
    assertEquals(32, d.winner().get(0).assignment().layers().size());
  }
}
