package org.flscale.math;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Affine forms in the exponents: sums, scaling, substitution, evaluation; terms kept sorted and non-zero. */
class AffineTest {
  private final Affine n = Affine.var("N"), m = Affine.var("M");

  @Test
  void termsThatCancelDisappear() {
    Affine a = n.plus(m).minus(n);
    assertEquals(m, a);
    assertEquals(1, a.arity());
    assertTrue(n.minus(n).isConstant());
  }

  @Test
  void substitutionReplacesAVariableByAForm() {
    Affine e = n.times(Q.of(1, 2)).plus(Affine.constant(1)); // (N d)^(1/2) with d the base: N/2 + 1/2... here N/2 + 1
    Affine tied = e.substitute("N", Affine.constant(3));
    assertEquals(Affine.constant(Q.of(5, 2)), tied);
    assertEquals(m.times(Q.of(1, 2)).plus(Affine.constant(1)), e.substitute("N", m));
  }

  @Test
  void evaluationAndTheTermWalkAgree() {
    Affine e = n.times(Q.of(2)).minus(m.times(Q.of(1, 3))).plus(Affine.constant(Q.of(1, 4)));
    assertEquals(Q.of(2 * 3 - 1 + 0).add(Q.of(1, 4)).subtract(Q.of(0)), e.eval(Map.of("N", Q.of(3), "M", Q.of(3))));
    assertEquals("M", e.varAt(0)); // sorted
    assertEquals(Q.of(-1, 3), e.coeffAt(0));
    assertEquals(Q.of(2), e.coeff("N"));
  }
}
