package org.flscale.solve;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.flscale.math.Affine;
import org.flscale.math.Q;
import org.junit.jupiter.api.Test;

/** Tropical expressions in the exponents: a min over branches of a max of affine terms. */
class MinMaxTest {
  private final Affine n = Affine.var("N"), m = Affine.var("M");
  private final Affine one = Affine.constant(1);

  @Test
  void aSumIsAMaxAndAProductAddsExponents() {
    MinMax e = MinMax.of(m.plus(one)).max(MinMax.of(n.minus(m))); // M d + N/M
    assertEquals(1, e.branches().size());
    assertEquals(2, e.branches().get(0).size());
    MinMax p = e.plus(MinMax.of(one)); // times d
    assertTrue(p.branches().get(0).contains(m.plus(Affine.constant(2))));
  }

  @Test
  void aMinimumKeepsItsBranchesUnlessOneProvablyDominates() {
    MinMax lazyOrSpike = MinMax.of(Affine.constant(3)).min(MinMax.of(n.minus(m)));
    assertEquals(2, lazyOrSpike.branches().size());
    // without bounds only a constant margin proves dominance: d^3 against d^2 keeps the smaller
    MinMax constants = MinMax.of(Affine.constant(3)).min(MinMax.of(Affine.constant(2)));
    assertEquals(List.of(List.of(Affine.constant(2))), constants.branches());
  }

  @Test
  void aBoxProvesDominanceAndNegativePowersSwapMinAndMax() {
    Box box = new Box();
    box.set("M", Q.ZERO, Q.of(1));
    box.set("N", Q.of(2), Q.of(2));
    MinMax e = MinMax.of(Affine.constant(3)).min(MinMax.of(n.minus(m))).pruned(box); // N/M <= d^2 < d^3 on the box
    assertEquals(List.of(List.of(n.minus(m))), e.branches());
    MinMax inverse = MinMax.of(n).min(MinMax.of(m)).times(Q.MINUS_ONE); // 1/min(N, M) = max(1/N, 1/M)
    assertEquals(1, inverse.branches().size());
    assertEquals(2, inverse.branches().get(0).size());
    assertTrue(MinMax.of(m).certainlyBelow(MinMax.of(n), box));
    assertTrue(MinMax.INFINITY.isInfinite());
  }
}
