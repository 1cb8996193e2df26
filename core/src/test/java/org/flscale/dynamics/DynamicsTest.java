package org.flscale.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.flscale.CliRun;
import org.flscale.TestRules;
import org.flscale.math.Q;
import org.flscale.model.ArchError;
import org.flscale.model.DynamicsSpec;
import org.flscale.parse.DynamicsFileParser;
import org.junit.jupiter.api.Test;

/** The dynamics files: parsing, the rules' exponents, and tiny runs of the integrators against the closed forms. */
class DynamicsTest {
  private static DynamicsSpec parse(String body, String... scales) {
    StringBuilder sb = new StringBuilder("model m\nscale N\n");
    for (String s : scales) sb.append("scale ").append(s).append('\n');
    return new DynamicsFileParser().parse(sb + body, "t.arch");
  }

  private static final String LINEAR = "dynamics exact_linear {\n width = N\n init u ~ %s\n init w ~ %s\n output_scale = %s\n lr_ratio = %s\n}\n";

  private static ExactLinearTheory linear(String su, String sw, String kappa, String ratio, String... scales) {
    return ExactLinearTheory.derive(parse(String.format(LINEAR, su, sw, kappa, ratio), scales), TestRules.get());
  }

  @Test
  void meanFieldIsCriticalAndNtkIsKernel() {
    ExactLinearTheory mf = linear("N^0", "N^0", "N^(-1)", "N^0");
    assertEquals("critical", mf.regime(Map.of()));
    assertEquals(Q.ZERO, mf.ratio().at(Map.of()));
    ExactLinearTheory ntk = linear("N^0", "N^0", "N^(-1/2)", "N^0");
    assertEquals("kernel", ntk.regime(Map.of()));
    assertEquals(Q.of(-1), ntk.change().at(Map.of()));
    assertEquals(List.of("alignment"), linear("N^(-1)", "N^(-1)", "N^(-1)", "N^0").mechanisms(Map.of()));
  }

  @Test
  void freeScalesGiveAFormOverTheirExponents() {
    ExactLinearTheory t = linear("su2", "sw2", "N^(-1)", "N^0", "su2", "sw2");
    assertEquals("feature_learning", t.regime(Map.of("su2", Q.of(-1), "sw2", Q.of(-1, 2))));
    assertEquals(List.of("rescaling"), t.mechanisms(Map.of("su2", Q.of(-1), "sw2", Q.of(-1, 2))));
    assertEquals("kernel", t.regime(Map.of("su2", Q.of(1, 2), "sw2", Q.of(-1))));
    // a large initial output: the kernel falls (disalignment) by ~ 1/N^(1 + |x_u - x_w|), whatever kappa
    assertEquals(Q.of(-3, 2), t.change().at(Map.of("su2", Q.of(3, 2), "sw2", Q.ONE)));
  }

  @Test
  void unbalancedRegimesAndTimes() {
    var rules = TestRules.get();
    UnbalancedTheory lazy = UnbalancedTheory.derive(parse("dynamics unbalanced {\n delta = N^1\n init ~ N^(-1)\n}\n"), rules);
    assertEquals("lazy", lazy.regime(Map.of()));
    assertEquals(Q.of(-1), lazy.learnTime().at(Map.of()));
    assertEquals(Q.of(-4), lazy.kernelDistance().at(Map.of()));
    UnbalancedTheory up = UnbalancedTheory.derive(parse("dynamics unbalanced {\n delta = -N^1\n init ~ N^(-1)\n}\n"), rules);
    assertEquals("rich_delayed", up.regime(Map.of()));
    assertEquals(Q.ONE, up.learnTime().at(Map.of()));
    UnbalancedTheory zero = UnbalancedTheory.derive(parse("dynamics unbalanced {\n delta = 0\n init ~ N^(-1)\n}\n"), rules);
    assertEquals("rich", zero.regime(Map.of()));
  }

  @Test
  void fullFlowEndsWhereTheClosedEquationSays() {
    // K_end^2 = K0^2 + 4 eta_u eta_w kappa^2 (beta^2 - v0^2), eta_u eta_w = 1
    double kappa = 0.1, beta = 1.5;
    ExactLinearFlow.Outcome o = ExactLinearFlow.run(40, 0.3, 0.05, kappa, 4.0, beta, 5);
    double predicted = Math.sqrt(o.k0() * o.k0() + 4 * kappa * kappa * (beta * beta - o.v0() * o.v0()));
    assertEquals(predicted, o.kEnd(), 1e-8 * predicted);
    assertEquals(beta, o.vEnd(), 1e-9);
    assertTrue(o.conservationDrift() < 1e-10);
  }

  @Test
  void descentFollowsTheExactNeuronEquations() {
    NeuronFlow flow = new NeuronFlow(-0.5, 1);
    NeuronDescent gd = new NeuronDescent(5, -0.5, 0.05, 1, 1);
    NeuronFlow.Point p0 = gd.state();
    double lr = 1e-3;
    for (int k = 0; k < 5000; k++) gd.step(lr);
    NeuronFlow.Point exact = flow.at(p0, 5000 * lr);
    assertEquals(exact.mu(), gd.state().mu(), 2e-3);
    assertEquals(exact.phi(), gd.state().phi(), 2e-3);
  }

  @Test
  void mistakesAreOneLineWithAPosition() {
    ArchError e = assertThrows(ArchError.class, () -> parse("dynamics unbalanced {\n delta = 0\n init = N^(-1)\n}\n"));
    assertEquals(5, e.pos().line());
    assertTrue(e.getMessage().contains("init ~ N^(-1)"), e.getMessage());
    CliRun r = CliRun.run("derive", "examples/unbalanced_delayed.arch");
    assertEquals(2, r.status());
    assertTrue(r.err().contains("flscale dynamics"), r.err());
    assertEquals(0, CliRun.run("check", "examples/unbalanced_delayed.arch").status());
    assertEquals(2, CliRun.run("check", "test-cases/dynamics/invalid/dyn_wrong_op.arch").status());
  }

  @Test
  void commandDerivesAndQuickChecks(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
    CliRun r = CliRun.run("dynamics", "examples/unbalanced_delayed.arch", "--verify", "--quick", "--out", dir.toString());
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("rich_delayed"), r.out());
    assertTrue(r.out().contains("time to learn"), r.out());
  }
}
