package org.flscale.springblock;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.flscale.TestRules;
import org.flscale.math.Q;
import org.junit.jupiter.api.Test;

/** The boundaries rules/springblock.m gives, exactly. */
class ChainBalanceTest {

  @Test
  void noiseOfTheOrderOfTheFrictionAndFrictionOfOrderKOverLSquared() {
    ChainBalance b = ChainBalance.derive(TestRules.get());
    assertEquals(Q.ONE, b.noiseSlopeInFriction());
    assertEquals(Q.ZERO, b.noiseBoundary().coeff(ChainBalance.K));
    assertEquals(Q.ZERO, b.noiseBoundary().coeff(ChainBalance.L));
    assertEquals("mu", Summary.monomial(b.noiseBoundary()));
    assertEquals(Q.ONE, b.frictionBoundary().coeff(ChainBalance.K));
    assertEquals(Q.of(-2), b.frictionBoundary().coeff(ChainBalance.L));
    assertEquals(Q.of(1, 2), b.curvatureBranches().get(1).coeff(ChainBalance.MU));
  }
}
