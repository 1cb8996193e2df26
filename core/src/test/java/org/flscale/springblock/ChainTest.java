package org.flscale.springblock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.flscale.springblock.chain.ChainParams;
import org.flscale.springblock.chain.ChainPhaseDiagram;
import org.flscale.springblock.chain.FirstOrderChain;
import org.flscale.springblock.chain.FrictionalProfile;
import org.flscale.springblock.chain.InertialChain;
import org.junit.jupiter.api.Test;

/** The chain at small sizes: the closed form without noise, linear again with noise of order the friction. */
class ChainTest {

  @Test
  void withoutNoiseTheChainStopsAtTheClosedFormProfile() {
    for (int blocks : new int[] {3, 7, 12}) {
      for (double s : new double[] {0, 0.004, 0.03, 0.11, 0.4, 2}) {
        double[] sim = FirstOrderChain.run(new ChainParams(blocks, 1, s, 0, 0.25, 40_000), 0);
        double[] exact = FrictionalProfile.positions(blocks, s);
        for (int l = 0; l < sim.length; l++) assertEquals(exact[l], sim[l], 1e-9, "L = " + blocks + ", mu/k = " + s + ", block " + l);
      }
    }
  }

  @Test
  void theClosedFormHasSecondDifferenceMuOverKOnTheMovingBlocks() {
    double s = 0.05;
    double[] x = FrictionalProfile.positions(9, s);
    int n = FrictionalProfile.activeSprings(9, s);
    assertEquals(6, n); // 6 * 7 * 0.05 = 2.1 >= 2 > 5 * 6 * 0.05
    for (int l = 10 - n + 1; l <= 9; l++) assertEquals(s, x[l + 1] - 2 * x[l] + x[l - 1], 1e-12, "block " + l);
    for (int l = 1; l < 10 - n; l++) assertEquals(0, x[l], 0, "a block that never moved");
    assertTrue(x[10 - n + 1] <= s, "the last stuck block's force is at most the friction");
    LoadCurve lc = LoadCurve.ofChain(x);
    assertTrue(lc.curvature() < -0.2, "deep springs stretched most: a concave load curve, c = " + lc.curvature());
    assertEquals(0, LoadCurve.ofChain(FrictionalProfile.positions(9, 0)).curvature(), 1e-12);
  }

  @Test
  void noiseOfTheOrderOfTheFrictionRestoresTheLinearProfile() {
    double mu = 0.1;
    double c0 = LoadCurve.ofChain(FrictionalProfile.positions(7, mu)).curvature();
    double weak = curvature(7, mu, 0.01 * mu), strong = curvature(7, mu, mu);
    assertTrue(Math.abs(weak) > 0.8 * Math.abs(c0), "eps = mu/100 keeps the frictional profile: c = " + weak + " vs " + c0);
    assertTrue(Math.abs(strong) < 0.1 * Math.abs(c0), "eps = mu makes it linear: c = " + strong + " vs " + c0);
  }

  @Test
  void theMeasuredBoundaryScalesLikeTheFriction() {
    ChainPhaseDiagram d = ChainPhaseDiagram.run(new ChainPhaseDiagram.Settings(5, 1, 0.25, 3000,
        ChainPhaseDiagram.geometric(0.003, 0.03, 3), ChainPhaseDiagram.geometric(3e-4, 0.1, 12), 2));
    ChainPhaseDiagram.Slope s = d.noiseSlope(0, 1, 50, 1);
    assertEquals(3, s.points());
    assertEquals(1, s.slope(), 0.15, "eps_half ~ mu while the whole chain moves");
  }

  @Test
  void asymmetricFrictionWithCommonNoiseGivesAConvexCurve() {
    InertialChain.Params shaken = new InertialChain.Params(7, 1, 0.5, 1, 0.02, 0.06, 0.3, 0.001, 0.05, 60_000);
    assertTrue(LoadCurve.ofChain(InertialChain.run(shaken, 3)).curvature() > 0.05, "shallow springs stretched most");
    InertialChain.Params free = new InertialChain.Params(7, 1, 0.5, 1, 0, 0, 0, 0, 0.05, 60_000);
    assertEquals(0, LoadCurve.ofChain(InertialChain.run(free, 3)).curvature(), 1e-6, "no friction, no noise: linear");
  }

  private static double curvature(int blocks, double mu, double eps) {
    double c = 0;
    for (int seed = 0; seed < 4; seed++) c += LoadCurve.ofChain(FirstOrderChain.run(new ChainParams(blocks, 1, mu, eps, 0.25, 4000), seed)).curvature() / 4;
    return c;
  }
}
