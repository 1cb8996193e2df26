package org.flscale.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.flscale.math.Affine;
import org.flscale.math.Q;
import org.junit.jupiter.api.Test;

/** The box-and-cuts vertex enumeration against every choice of tight constraints, on random (often degenerate) cells. */
class PolytopeTest {
  @Test
  void cuttingTheBoxFindsTheVerticesEveryChoiceFinds() {
    Random rnd = new Random(7);
    int cells = 0, nonEmpty = 0;
    for (int n = 1; n <= 4; n++) {
      List<String> axes = new ArrayList<>();
      for (int i = 0; i < n; i++) axes.add("s" + i);
      for (int trial = 0; trial < 150; trial++) {
        List<Affine> cons = new ArrayList<>();
        for (String a : axes) {
          cons.add(Affine.var(a));
          cons.add(Affine.constant(6).minus(Affine.var(a)));
        }
        int extra = 1 + rnd.nextInt(3 + 2 * n);
        for (int k = 0; k < extra; k++) {
          Map<String, Q> coeffs = new LinkedHashMap<>();
          // small integers: many cuts through vertices, parallel faces, repeated constraints
          for (String a : axes) if (rnd.nextInt(3) > 0) coeffs.put(a, Q.of(rnd.nextInt(5) - 2));
          cons.add(Affine.of(Q.of(rnd.nextInt(13) - 2), coeffs));
        }
        if (rnd.nextInt(4) == 0) cons.add(cons.get(cons.size() - 1).times(Q.MINUS_ONE)); // a cell flattened onto a hyperplane
        java.util.Collections.shuffle(cons, rnd);
        Polytope p = new Polytope(axes, cons);
        var cut = new HashSet<>(p.vertices());
        var every = new HashSet<>(p.everyChoice());
        assertEquals(every, cut, "n=" + n + " " + cons);
        assertEquals(cut.size(), p.vertices().size(), "no vertex twice");
        cells++;
        if (!cut.isEmpty()) nonEmpty++;
      }
    }
    assertTrue(nonEmpty > cells / 3 && nonEmpty < cells, nonEmpty + " of " + cells + " non-empty: both kinds are tried");
  }

  @Test
  void aCellWithoutABoxIsEnumeratedByEveryChoice() {
    Affine a = Affine.var("a"), b = Affine.var("b");
    // a >= 0, b >= 0, 4 - a - b >= 0: bounded, but not by one-variable constraints on both sides
    Polytope p = new Polytope(List.of("a", "b"), List.of(a, b, Affine.constant(4).minus(a).minus(b)));
    assertEquals(3, p.vertices().size());
    assertEquals(Map.of("a", Q.of(4, 3), "b", Q.of(4, 3)), p.interiorPoint());
  }
}
