package org.flscale.solve;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Set;
import org.flscale.math.Affine;
import org.flscale.math.Q;
import org.junit.jupiter.api.Test;

/** min over p of a max of affine forms, by Fourier-Motzkin elimination. */
class EliminationTest {
  private static Affine a(long c, String v, long coeff) {
    return Affine.constant(c).plus(Affine.var(v).times(Q.of(coeff)));
  }

  @Test
  void aRisingAndAFallingTermMeetAtTheirCrossing() {
    // min over M of max(M + 1, 3 - M) = 2 at M = 1
    Elimination.Result r = Elimination.minOver("M", List.of(a(1, "M", 1), a(3, "M", -1)), List.of());
    assertEquals(List.of(Affine.constant(2)), r.terms());
  }

  @Test
  void boundsOfTheParameterCutTheMinimumOff() {
    // max(M + x, 3 - M) with M <= 0: the crossing (x + 3)/2 and the falling term at the bound, 3
    Affine x = Affine.var("x");
    Elimination.Result r = Elimination.minOver("M", List.of(a(0, "M", 1).plus(x), a(3, "M", -1)), List.of(Affine.var("M").times(Q.MINUS_ONE)));
    assertEquals(Set.of(x.plus(Affine.constant(3)).times(Q.of(1, 2)), Affine.constant(3)), Set.copyOf(r.terms()));
    assertTrue(r.conditions().isEmpty());
  }

  @Test
  void anEmptyRangeIsACondition() {
    // 1 <= p <= N: the condition N - 1 >= 0
    Affine n = Affine.var("N");
    Elimination.Result r = Elimination.minOver("p", List.of(a(0, "p", 1)), List.of(a(-1, "p", 1), n.minus(Affine.var("p"))));
    assertEquals(List.of(Affine.constant(1)), r.terms());
    assertEquals(List.of(n.minus(Affine.constant(1))), r.conditions());
  }

  @Test
  void aTermFallingWithoutBoundIsReported() {
    assertTrue(Elimination.minOver("p", List.of(a(0, "p", -1)), List.of()).unbounded());
  }
}
