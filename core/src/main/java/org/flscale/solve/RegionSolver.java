package org.flscale.solve;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flscale.math.Q;
import org.flscale.math.Affine;

/**
 * The exact piecewise-linear minimum of several candidates' optimal energy exponents over the
 * space of free-scale exponents (a tropical answer). The space is cut recursively into convex
 * cells until, in each cell, one candidate provably wins everywhere with one affine exponent:
 * <ol>
 *   <li>solve every candidate at an interior point of the cell and take the best (lowest value,
 *       then lowest rank: the tie-break);</li>
 *   <li>if the best one's critical region (where its optimal basis, hence its formula, holds)
 *       does not cover the cell, cut along its boundary;</li>
 *   <li>keep as competitors the candidates that can do better somewhere in the cell: minimise
 *       (their energy - the best one's exponent) over the cell and their own parameters, one
 *       linear program each;</li>
 *   <li>cut along a competitor's own critical region, then along the hyperplane where it equals
 *       the best one; a cell where no competitor crosses is won by the best.</li>
 * </ol>
 * Two halves of a cut with the same answer are joined again. With no free scales the cell is a
 * point and this is a plain minimum.
 */
public final class RegionSolver<T> {
  /** A convex cell (constraints >= 0 on the scales), its winner, and the winner's solution there. */
  public record Cell<T>(List<Affine> constraints, Candidate<T> winner, LinearProgram.Solution solution,
      Map<String, Q> point) {}

  /** Scale exponents are searched in [0, BOX]; the bound never shows in the answer. */
  public static final Q BOX = Q.of(1000);

  private final List<String> scales;
  private final List<Affine> domain;
  /** Run at every cell and every join: the caller's time limit throws from here. */
  private final Runnable checkpoint;

  /** @param scales the free scales' exponent variables; the domain is every exponent >= 0 */
  public RegionSolver(List<String> scales) {
    this(scales, () -> {});
  }

  /** @param checkpoint run as the solver goes (a time limit that throws stops it there) */
  public RegionSolver(List<String> scales, Runnable checkpoint) {
    this.checkpoint = checkpoint;
    this.scales = List.copyOf(scales);
    List<Affine> d = new ArrayList<>();
    for (String s : scales) {
      d.add(Affine.var(s));
      d.add(Affine.constant(BOX).minus(Affine.var(s)));
    }
    this.domain = List.copyOf(d);
  }

  /** Whether g is one of the domain's own bounds (0 <= s <= BOX), which the answer leaves out. */
  public boolean isDomainBound(Affine g) {
    Affine n = g.normalizedDirection();
    for (Affine d : domain) if (d.normalizedDirection().equals(n)) return true;
    return false;
  }

  public List<Cell<T>> solve(List<Candidate<T>> candidates) {
    List<Cell<T>> cells = solveCell(new Polytope(scales, domain), candidates, 0);
    return mergeSameLabel(cells, candidates);
  }

  private List<Cell<T>> solveCell(Polytope cell, List<Candidate<T>> cands, int depth) {
    if (depth > 400) throw new IllegalStateException("region decomposition does not converge");
    checkpoint.run();
    Map<String, Q> s0 = cell.interiorPoint();
    if (s0 == null) return List.of();
    Candidate<T> best = null;
    LinearProgram.Solution bestSol = null;
    Q bestVal = null;
    // by identity: a candidate record's hash walks its whole energy
    Map<Candidate<T>, LinearProgram.Solution> at = new java.util.IdentityHashMap<>();
    for (Candidate<T> c : cands) {
      LinearProgram.Solution sol = c.program().solve(s0);
      if (sol.status() == LinearProgram.Status.UNBOUNDED) {
        throw new IllegalStateException("the energy of " + c.owner() + " is unbounded below: a rule gives a term that can vanish");
      }
      if (sol.status() != LinearProgram.Status.OPTIMAL) continue;
      at.put(c, sol);
      Q v = sol.value().eval(s0);
      if (best == null || v.compareTo(bestVal) < 0 || (v.compareTo(bestVal) == 0 && c.rank() < best.rank())) {
        best = c;
        bestSol = sol;
        bestVal = v;
      }
    }
    if (best == null) return List.of(new Cell<>(cell.constraints(), null, null, s0));
    // 1. The winner at s0 must keep one formula on the whole cell.
    Affine cut = regionCut(cell, bestSol);
    if (cut != null) return split(cell, cut, cands, depth);
    Affine value = bestSol.value();
    // 2. Keep only the candidates that can beat it somewhere in the cell (lower energy, or equal
    //    energy and a better rank); the others never win in this cell or inside it.
    List<Candidate<T>> competitors = new ArrayList<>();
    for (Candidate<T> c : cands) {
      if (c == best || !at.containsKey(c)) continue;
      if (scales.isEmpty()) continue; // a point: the best at s0 is the answer
      // Its value form at s0 is a dual bound, below its energy at every point (weak duality: the
      // dual solution stays feasible, as only the right-hand side depends on the scales). Where
      // that bound already stays above the winner over the whole cell, the linear program would
      // only confirm it; most candidates are dropped so, in a pass over the cell's vertices.
      int bound = cell.minimum(at.get(c).value().minus(value)).signum();
      if (bound > 0 || (bound == 0 && c.rank() >= best.rank())) continue;
      LinearProgram.Solution gap = c.programOver(scales, cell.constraints(), value).solve(Map.of());
      if (gap.status() == LinearProgram.Status.INFEASIBLE) continue;
      int sign = gap.status() == LinearProgram.Status.UNBOUNDED ? -1 : gap.value().constant().signum();
      if (sign > 0 || (sign == 0 && c.rank() >= best.rank())) continue;
      competitors.add(c);
    }
    Cell<T> won = new Cell<>(cell.constraints(), best, bestSol, s0);
    if (competitors.isEmpty()) return List.of(won);
    List<Candidate<T>> rest = new ArrayList<>(competitors);
    rest.add(0, best);
    // 3. Make each competitor one formula on the cell, then cut where it crosses the winner.
    for (Candidate<T> c : competitors) {
      LinearProgram.Solution sol = at.get(c);
      Affine g = regionCut(cell, sol);
      if (g == null && cell.cuts(sol.value().minus(value))) g = sol.value().minus(value);
      if (g != null) return split(cell, g, rest, depth);
    }
    // Every competitor is one formula here, never strictly below the winner: ties on the boundary only.
    return List.of(won);
  }

  /** The first boundary of the solution's critical region that crosses the cell, or null. */
  private static Affine regionCut(Polytope cell, LinearProgram.Solution sol) {
    for (Affine g : sol.criticalRegion()) if (cell.cuts(g)) return g;
    return null;
  }

  private List<Cell<T>> split(Polytope cell, Affine g, List<Candidate<T>> cands, int depth) {
    List<Cell<T>> plus = solveCell(cell.with(g).reduced(), cands, depth + 1);
    List<Cell<T>> minus = solveCell(cell.with(g.times(Q.MINUS_ONE)).reduced(), cands, depth + 1);
    if (plus.size() == 1 && minus.size() == 1 && sameLabel(plus.get(0), minus.get(0))) {
      Cell<T> p = plus.get(0);
      return List.of(new Cell<>(cell.constraints(), p.winner(), p.solution(), p.point()));
    }
    List<Cell<T>> out = new ArrayList<>(plus);
    out.addAll(minus);
    return out;
  }

  /**
   * Joins cells with the same answer (winner, exponent, optimal parameters) whenever their union
   * is convex, i.e. the hull of the constraints valid on both holds nothing outside the two.
   */
  private List<Cell<T>> mergeSameLabel(List<Cell<T>> cells, List<Candidate<T>> cands) {
    List<Cell<T>> work = new ArrayList<>();
    for (Cell<T> c : cells) work.add(new Cell<>(irredundant(c.constraints()), c.winner(), c.solution(), c.point()));
    boolean merged = true;
    while (merged) {
      merged = false;
      outer:
      for (int i = 0; i < work.size(); i++) {
        for (int j = i + 1; j < work.size(); j++) {
          Cell<T> a = work.get(i), b = work.get(j);
          if (!sameLabel(a, b) || !shareAFacet(a.constraints(), b.constraints())) continue;
          checkpoint.run();
          List<Affine> hull = unionHull(a.constraints(), b.constraints());
          if (hull == null) continue;
          work.remove(j);
          work.set(i, new Cell<>(irredundant(hull), a.winner(), a.solution(), a.point()));
          merged = true;
          break outer;
        }
      }
    }
    return work;
  }

  /** The constraints with the domain's box added: vertex questions are only right on bounded cells. */
  private List<Affine> bounded(List<Affine> cell) {
    List<Affine> c = new ArrayList<>(cell);
    for (Affine d : domain) if (!c.contains(d)) c.add(d);
    return c;
  }

  /** Two cells can only form a convex union if they lie on the two sides of a common hyperplane. */
  private static boolean shareAFacet(List<Affine> a, List<Affine> b) {
    for (Affine g : a) {
      Affine opposite = g.times(Q.MINUS_ONE).normalizedDirection();
      for (Affine h : b) if (h.normalizedDirection().equals(opposite)) return true;
    }
    return false;
  }

  /** The constraints of the union of two cells when that union is convex, else null. */
  private List<Affine> unionHull(List<Affine> a, List<Affine> b) {
    Polytope pa = new Polytope(scales, bounded(a)), pb = new Polytope(scales, bounded(b));
    if (pa.vertices().isEmpty() || pb.vertices().isEmpty()) return null;
    List<Affine> hull = new ArrayList<>();
    for (Affine g : a) if (pb.minimum(g).signum() >= 0 && !hull.contains(g)) hull.add(g);
    for (Affine g : b) if (pa.minimum(g).signum() >= 0 && !hull.contains(g)) hull.add(g);
    Polytope q = new Polytope(scales, bounded(hull));
    // Q is the union iff every part of Q outside a (where one of a's constraints fails) lies in b.
    for (Affine g : a) {
      Polytope outside = q.with(g.times(Q.MINUS_ONE));
      if (outside.interiorPoint() == null) continue;
      for (Affine h : b) {
        if (outside.minimum(h).signum() < 0) return null;
      }
    }
    return hull;
  }

  /**
   * The same answer: the same candidate (so the same energy terms), exponent and optimal
   * parameters. Two branches of one pattern can agree in value on part of the space while only
   * one of them is right elsewhere, so agreeing in value is not enough.
   */
  private boolean sameLabel(Cell<T> a, Cell<T> b) {
    if (a.winner() == null || b.winner() == null) return a.winner() == b.winner();
    if (a.winner() != b.winner()) return false;
    if (!a.solution().value().equals(b.solution().value())) return false;
    for (String v : a.winner().variables()) {
      if (!a.solution().variables().get(v).equals(b.solution().variables().get(v))) return false;
    }
    return true;
  }

  /** Drops constraints implied by the others (and duplicates), keeping the domain's bounds. */
  public List<Affine> irredundant(List<Affine> cell) {
    List<Affine> kept = new ArrayList<>();
    for (Affine g : cell) {
      Affine n = g.normalizedDirection();
      if (!kept.contains(n)) kept.add(n);
    }
    for (int i = kept.size() - 1; i >= 0; i--) {
      if (isDomainBound(kept.get(i))) continue;
      List<Affine> others = new ArrayList<>(kept);
      Affine g = others.remove(i);
      Q m = new Polytope(scales, bounded(others)).minimum(g);
      if (m != null && m.signum() >= 0) kept.remove(i);
    }
    return kept;
  }
}
