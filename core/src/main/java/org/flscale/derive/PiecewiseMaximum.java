package org.flscale.derive;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flscale.math.Affine;
import org.flscale.math.Q;
import org.flscale.solve.Polytope;
import org.flscale.solve.RegionSolver;

/**
 * The pointwise maximum of piecewise answers over the free scales (the P_* of a target whose
 * several leading terms must all be learned): every pair of regions is intersected and cut where
 * the two exponents cross; each part keeps the piece with the larger exponent (the first on a tie).
 */
final class PiecewiseMaximum {
  private final List<String> scales;
  private final RegionSolver<?> solver;
  private final List<Affine> domain = new ArrayList<>();

  PiecewiseMaximum(List<String> scales) {
    this.scales = scales;
    this.solver = new RegionSolver<>(scales);
    for (String s : scales) {
      domain.add(Affine.var(s));
      domain.add(Affine.constant(RegionSolver.BOX).minus(Affine.var(s)));
    }
  }

  List<Piece> of(List<List<Piece>> answers) {
    List<Piece> acc = answers.get(0);
    for (int i = 1; i < answers.size(); i++) acc = max(acc, answers.get(i));
    return scales.size() == 1 ? mergeIntervals(acc) : acc;
  }

  /**
   * Along one scale, neighbouring intervals won by the same piece of the same term are one interval
   * (the cuts of the other terms' regions left them apart).
   */
  private List<Piece> mergeIntervals(List<Piece> pieces) {
    String x = scales.get(0);
    List<Piece> sorted = new ArrayList<>(pieces);
    sorted.sort((a, b) -> a.samplePoint().get(x).compareTo(b.samplePoint().get(x)));
    List<Piece> out = new ArrayList<>();
    for (Piece p : sorted) {
      Piece last = out.isEmpty() ? null : out.get(out.size() - 1);
      if (last != null && sameSource(last, p)) {
        List<Affine> cons = new ArrayList<>();
        for (Affine g : last.conditions()) if (g.coeff(x).signum() > 0) cons.add(g); // last's lower end
        for (Affine g : p.conditions()) if (g.coeff(x).signum() < 0) cons.add(g); // p's upper end
        out.set(out.size() - 1, new Piece(cons, p.assignment(), p.features(), p.terms(), p.exponent(), p.parameters(),
            p.balancedTerms(), p.bindingConstraints(), last.samplePoint(), p.unfixed()));
      } else {
        out.add(p);
      }
    }
    return out;
  }

  private static boolean sameSource(Piece a, Piece b) {
    return a.assignment().equals(b.assignment()) && a.exponent().equals(b.exponent()) && a.terms().equals(b.terms())
        && a.parameters().equals(b.parameters());
  }

  private List<Piece> max(List<Piece> as, List<Piece> bs) {
    List<Piece> out = new ArrayList<>();
    for (Piece a : as) {
      for (Piece b : bs) {
        Affine diff = a.exponent().minus(b.exponent());
        if (diff.isConstant()) {
          // one formula is above the other everywhere: no cut
          keep(out, diff.constant().signum() >= 0 ? a : b, a, b, null);
        } else {
          keep(out, a, a, b, diff);
          keep(out, b, a, b, diff.times(Q.MINUS_ONE));
        }
      }
    }
    return out;
  }

  /** Adds {@code winner} restricted to a's region, b's region and cut >= 0, when that is a region. */
  private void keep(List<Piece> out, Piece winner, Piece a, Piece b, Affine cut) {
    List<Affine> cons = new ArrayList<>(domain);
    cons.addAll(a.conditions());
    cons.addAll(b.conditions());
    if (cut != null) cons.add(cut);
    Map<String, Q> point = new Polytope(scales, cons).interiorPoint();
    if (point == null) return;
    List<Affine> shown = new ArrayList<>();
    for (Affine g : solver.irredundant(cons)) if (!solver.isDomainBound(g)) shown.add(g);
    out.add(new Piece(shown, winner.assignment(), winner.features(), winner.terms(), winner.exponent(), winner.parameters(),
        winner.balancedTerms(), winner.bindingConstraints(), point, winner.unfixed()));
  }
}
