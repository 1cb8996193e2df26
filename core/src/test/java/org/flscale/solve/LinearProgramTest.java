package org.flscale.solve;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.flscale.math.Affine;
import org.flscale.math.Q;
import org.junit.jupiter.api.Test;

class LinearProgramTest {
  private static Affine a(long c, Object... coeffVar) {
    Affine f = Affine.constant(c);
    for (int i = 0; i < coeffVar.length; i += 2) f = f.plus(Affine.var((String) coeffVar[i + 1]).times(Q.of((Integer) coeffVar[i])));
    return f;
  }

  /** E = M d + N/M with 0 <= m <= n: the published balance M = (N/d)^(1/2), E = (N d)^(1/2). */
  @Test
  void twoLayerBalanceIsParametric() {
    List<Affine> terms = List.of(a(1, 1, "m"), a(0, 1, "n", -1, "m"));
    List<Affine> cons = List.of(a(0, 1, "m"), a(0, 1, "n", -1, "m"));
    Candidate<String> c = new Candidate<>("Spec", 0, terms, cons, List.of("m"));
    LinearProgram.Solution s = c.program().solve(Map.of("n", Q.of(3)));
    assertEquals(LinearProgram.Status.OPTIMAL, s.status());
    assertEquals(a(0, 1, "n").plus(Affine.constant(1)).times(Q.of(1, 2)), s.value());          // (n+1)/2
    assertEquals(a(0, 1, "n").minus(Affine.constant(1)).times(Q.of(1, 2)), s.variables().get("m")); // (n-1)/2
    // valid while 1 <= n (M >= 1) and n... the critical region says where the formula holds
    for (Affine g : s.criticalRegion()) assertTrue(g.eval(Map.of("n", Q.of(3))).signum() >= 0);
    boolean holdsBelowOne = s.criticalRegion().stream().allMatch(g -> g.eval(Map.of("n", Q.of(1, 2))).signum() >= 0);
    assertFalse(holdsBelowOne, "below n = 1 the constraint M >= 1 binds and the formula changes");
  }

  @Test
  void infeasibleAndUnbounded() {
    var infeasible = new LinearProgram(List.of("x"), List.of(a(-1, 1, "x"), a(0, -1, "x")), a(0, 1, "x"));
    assertEquals(LinearProgram.Status.INFEASIBLE, infeasible.solve(Map.of()).status());
    var unbounded = new LinearProgram(List.of("x"), List.of(a(0, -1, "x")), a(0, 1, "x"));
    assertEquals(LinearProgram.Status.UNBOUNDED, unbounded.solve(Map.of()).status());
  }

  /**
   * Property test: random min-max problems in two parameters on a box, against brute force over a
   * rational grid. The exact optimum must be feasible, equal to the max of the terms at the
   * returned point, and no grid point may do better.
   */
  @Test
  void agreesWithBruteForceOnRandomInstances() {
    Random rnd = new Random(42);
    for (int trial = 0; trial < 300; trial++) {
      List<Affine> terms = new ArrayList<>();
      int n = 1 + rnd.nextInt(4);
      for (int i = 0; i < n; i++) terms.add(a(rnd.nextInt(7) - 3, rnd.nextInt(5) - 2, "x", rnd.nextInt(5) - 2, "y"));
      int lx = -rnd.nextInt(3), ux = rnd.nextInt(3), ly = -rnd.nextInt(3), uy = rnd.nextInt(3);
      List<Affine> box = List.of(a(-lx, 1, "x"), a(ux, -1, "x"), a(-ly, 1, "y"), a(uy, -1, "y"));
      Candidate<String> c = new Candidate<>("c", 0, terms, box, List.of("x", "y"));
      LinearProgram.Solution s = c.program().solve(Map.of());
      assertEquals(LinearProgram.Status.OPTIMAL, s.status());
      Map<String, Q> at = Map.of("x", s.variables().get("x").constant(), "y", s.variables().get("y").constant());
      for (Affine g : box) assertTrue(g.eval(at).signum() >= 0, "solution outside the box");
      Q max = null;
      for (Affine t : terms) max = max == null || t.eval(at).compareTo(max) > 0 ? t.eval(at) : max;
      assertEquals(max, s.value().constant(), "value is the max of the terms at the optimum");
      int steps = 24;
      for (int i = 0; i <= steps * (ux - lx); i++) {
        for (int j = 0; j <= steps * (uy - ly); j++) {
          Map<String, Q> p = Map.of("x", Q.of(lx * steps + i, steps), "y", Q.of(ly * steps + j, steps));
          Q m = null;
          for (Affine t : terms) m = m == null || t.eval(p).compareTo(m) > 0 ? t.eval(p) : m;
          assertTrue(m.compareTo(max) >= 0, "grid point " + p + " beats the optimum " + max + " for " + terms);
        }
      }
    }
  }

  /** The parametric answer must equal a fresh solve anywhere inside its critical region. */
  @Test
  void parametricValueMatchesFreshSolves() {
    Random rnd = new Random(7);
    for (int trial = 0; trial < 200; trial++) {
      List<Affine> terms = new ArrayList<>();
      for (int i = 0; i < 3; i++) terms.add(a(rnd.nextInt(5) - 2, rnd.nextInt(5) - 2, "m", rnd.nextInt(3), "n"));
      List<Affine> cons = List.of(a(0, 1, "m"), a(0, 1, "n", -1, "m"));
      Candidate<String> c = new Candidate<>("c", 0, terms, cons, List.of("m"));
      Q n0 = Q.of(rnd.nextInt(40) + 1, 7);
      LinearProgram.Solution s = c.program().solve(Map.of("n", n0));
      if (s.status() != LinearProgram.Status.OPTIMAL) continue;
      for (int k = 0; k < 5; k++) {
        Q n1 = Q.of(rnd.nextInt(80), 11);
        Map<String, Q> p = Map.of("n", n1);
        if (!s.criticalRegion().stream().allMatch(g -> g.eval(p).signum() >= 0)) continue;
        LinearProgram.Solution fresh = c.program().solve(p);
        assertEquals(fresh.value().eval(p), s.value().eval(p), "at n = " + n1 + " for " + terms);
      }
    }
  }

  /** The value form found at one point is a dual bound: at every other point it lies at or below the optimum (the region solver drops candidates on it). */
  @Test
  void theValueFormAtOnePointBoundsTheOptimumEverywhere() {
    Random rnd = new Random(3);
    int compared = 0;
    for (int trial = 0; trial < 40; trial++) {
      List<Affine> terms = new ArrayList<>(), cons = new ArrayList<>(List.of(a(0, 1, "m"), a(0, 1, "n", -1, "m")));
      for (int k = 0; k < 3; k++) terms.add(a(rnd.nextInt(7) - 3, rnd.nextInt(5) - 2, "m", rnd.nextInt(5) - 2, "n", rnd.nextInt(3) - 1, "k"));
      cons.add(a(rnd.nextInt(4), 1, "k"));
      cons.add(a(rnd.nextInt(6), -1, "k", rnd.nextInt(3), "n"));
      Candidate<String> c = new Candidate<>("c", 0, terms, cons, List.of("m", "k"));
      LinearProgram.Solution at = c.program().solve(Map.of("n", Q.of(rnd.nextInt(9), 2)));
      if (at.status() != LinearProgram.Status.OPTIMAL) continue;
      for (int n2 = 0; n2 <= 20; n2++) {
        Map<String, Q> p = Map.of("n", Q.of(n2, 2));
        LinearProgram.Solution there = c.program().solve(p);
        if (there.status() != LinearProgram.Status.OPTIMAL) continue;
        assertTrue(at.value().eval(p).compareTo(there.value().eval(p)) <= 0, terms + " " + cons + " at n=" + n2 / 2.0);
        compared++;
      }
    }
    assertTrue(compared > 200, compared + " points compared");
  }
}
