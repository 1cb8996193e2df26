package org.flscale.solve;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.flscale.math.Affine;
import org.flscale.math.Q;
import org.junit.jupiter.api.Test;

class RegionSolverTest {
  private static Affine n() {
    return Affine.var("n");
  }

  /**
   * Two-layer He3 with N = d^n free: GP costs d^3; Spec min over 0 <= m <= n of max(m + 1, n - m)
   * or max(m + 1, 3) (the lazy route). Expected: Spec d for n <= 1, Spec (N d)^(1/2) up to n = 5,
   * GP beyond (the tie at 3 goes to GP, the better rank).
   */
  @Test
  void twoLayerPhaseDiagram() {
    Affine m = Affine.var("m");
    List<Affine> cons = List.of(m, n().minus(m));
    var gp = new Candidate<>("GP", 0, List.of(Affine.constant(3)), List.of(), List.of());
    var spec = new Candidate<>("Spec", 1, List.of(m.plus(Affine.constant(1)), n().minus(m)), cons, List.of("m"));
    var specLazy = new Candidate<>("Spec", 1, List.of(m.plus(Affine.constant(1)), Affine.constant(3)), cons, List.of("m"));
    RegionSolver<String> solver = new RegionSolver<>(List.of("n"));
    var cells = new java.util.ArrayList<>(solver.solve(List.of(gp, spec, specLazy)));
    cells.sort(Comparator.comparing(c -> c.point().get("n")));
    assertEquals(3, cells.size(), cells.toString());
    assertEquals("Spec", cells.get(0).winner().owner());
    assertEquals(Affine.constant(1), cells.get(0).solution().value());
    assertEquals("Spec", cells.get(1).winner().owner());
    assertEquals(n().plus(Affine.constant(1)).times(Q.of(1, 2)), cells.get(1).solution().value());
    assertEquals("GP", cells.get(2).winner().owner());
    // boundaries at n = 1 and n = 5
    assertTrue(cells.get(1).constraints().contains(n().minus(Affine.constant(1))), cells.get(1).constraints().toString());
    assertTrue(cells.get(1).constraints().contains(Affine.constant(5).minus(n())), cells.get(1).constraints().toString());
  }

  /** With no free scale a cell is a point: the lowest value wins, ties by rank. */
  @Test
  void pointTieGoesToTheBetterRank() {
    var worse = new Candidate<>("B", 5, List.of(Affine.constant(1)), List.of(), List.of());
    var better = new Candidate<>("A", 2, List.of(Affine.constant(1)), List.of(), List.of());
    var cells = new RegionSolver<String>(List.of()).solve(List.of(worse, better));
    assertEquals(1, cells.size());
    assertEquals("A", cells.get(0).winner().owner());
  }

  /** Regions cover the domain: every sampled point lies in exactly one cell's interior or boundary. */
  @Test
  void cellsCoverTheDomainInTwoDimensions() {
    Affine a = Affine.var("a"), b = Affine.var("b");
    var c1 = new Candidate<>("x", 0, List.of(a.plus(b).times(Q.of(1, 3)).plus(Affine.constant(1))), List.of(), List.of());
    var c2 = new Candidate<>("y", 1, List.of(b.times(Q.of(1, 2)).plus(Affine.constant(Q.of(1, 2)))), List.of(), List.of());
    var c3 = new Candidate<>("z", 2, List.of(Affine.constant(3)), List.of(), List.of());
    var solver = new RegionSolver<String>(List.of("a", "b"));
    var cells = solver.solve(List.of(c1, c2, c3));
    for (int i = 0; i <= 20; i++) {
      for (int j = 0; j <= 20; j++) {
        Map<String, Q> p = Map.of("a", Q.of(i, 2), "b", Q.of(j, 2));
        Q best = null;
        for (var c : List.of(c1, c2, c3)) {
          Q v = c.terms().get(0).eval(p);
          best = best == null || v.compareTo(best) < 0 ? v : best;
        }
        boolean covered = false;
        for (var cell : cells) {
          if (cell.constraints().stream().allMatch(g -> g.eval(p).signum() >= 0)) {
            covered = true;
            assertEquals(best, cell.solution().value().eval(p), "wrong value at " + p);
          }
        }
        assertTrue(covered, "point " + p + " in no cell");
      }
    }
  }
}
