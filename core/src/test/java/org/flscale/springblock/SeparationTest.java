package org.flscale.springblock;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.flscale.springblock.mlp.Separation;
import org.junit.jupiter.api.Test;

/** D = Tr(SS_w SS_b^+) on features whose scatter is known by hand. */
class SeparationTest {

  @Test
  void oneDimensionIsWithinOverBetween() {
    // classes {0, 2} and {4, 6}: SS_w = 1, SS_b = 4
    assertEquals(0.25, Separation.of(new double[] {0, 2, 4, 6}, 4, 1, new int[] {0, 0, 1, 1}, 2), 1e-12);
  }

  @Test
  void scatterOutsideTheBetweenClassDirectionDoesNotCount() {
    // the same classes along x, with within-class spread along y and z as well: SS_b has rank one
    double[] h = {0, 1, -2, 2, -1, 2, 4, 1, 2, 6, -1, -2};
    assertEquals(0.25, Separation.of(h, 4, 3, new int[] {0, 0, 1, 1}, 2), 1e-9);
  }
}
