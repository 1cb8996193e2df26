package org.flscale.reproduce;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flscale.derive.Derivation;
import org.flscale.derive.PatternOutcome;
import org.flscale.derive.Piece;
import org.flscale.math.Affine;
import org.flscale.math.Q;
import org.flscale.math.Rationals;

/**
 * What flscale's derivation says along a width sweep at fixed d: at each width w = d^q (q = ln w/ln d)
 * the winning pattern and the exponent, in the swept scale, of a variational parameter (the number
 * of specialised neurons M1 of a Spec layer) in the winner and in a named pattern. Every number is
 * read off the derivation's pieces (exact rationals); nothing here knows an exponent.
 */
final class DerivedWidth {
  /** At one width: the winner's label, the parameter's exponent in the scale in the winner (null: the winner has no such parameter) and in the named pattern. */
  record Point(int width, double q, String winner, Q winnerExponent, List<Q> patternExponents) {}

  private final Derivation derivation;
  private final String scale, parameter;
  private final List<String> patterns;

  /** patterns: the patterns (labels such as Spec-Mag) whose parameter is read beside the winner's. */
  DerivedWidth(Derivation derivation, String scale, String parameter, List<String> patterns) {
    this.derivation = derivation;
    this.scale = scale;
    this.parameter = parameter;
    this.patterns = patterns;
  }

  List<Point> along(int d, List<Integer> widths) {
    List<Point> out = new ArrayList<>();
    for (int w : widths) {
      double q = Math.log(w) / Math.log(d);
      Piece win = nearest(derivation.winner(), q);
      List<Q> named = new ArrayList<>();
      for (String pattern : patterns) {
        Piece piece = null;
        for (PatternOutcome po : derivation.patterns()) if (po.assignment().label().equals(pattern)) piece = nearest(po.pieces(), q);
        named.add(exponentIn(piece));
      }
      out.add(new Point(w, q, win == null ? null : win.assignment().label(), exponentIn(win), named));
    }
    return out;
  }

  private Q exponentIn(Piece p) {
    if (p == null) return null;
    Affine a = p.parameters().get(parameter);
    return a == null ? null : a.coeff(scale);
  }

  /** The piece whose region holds at q (or is violated least: q is a rounded width's exponent). */
  private Piece nearest(List<Piece> pieces, double q) {
    Piece best = null;
    double bestViolation = Double.POSITIVE_INFINITY;
    for (Piece p : pieces) {
      double worst = 0;
      for (Affine c : p.conditions()) worst = Math.max(worst, -(c.constant().doubleValue() + c.coeff(scale).doubleValue() * q));
      if (worst < bestViolation) {
        best = p;
        bestViolation = worst;
      }
    }
    return best;
  }

  /** The winner's regions in words, e.g. "Spec when d <= N <= d^5" (for the report). */
  static List<String> regions(Derivation derivation, String base, String scale) {
    List<String> out = new ArrayList<>();
    for (Piece p : derivation.winner()) {
      List<String> conds = new ArrayList<>();
      for (Affine c : p.conditions()) {
        // c >= 0 with c = a + b q: q >= -a/b (b > 0) or q <= -a/b (b < 0)
        Q b = c.coeff(scale);
        if (b.signum() == 0) continue;
        Q bound = c.constant().negate().divide(b);
        conds.add(scale + (b.signum() > 0 ? " >= " : " <= ") + base + "^" + Rationals.format(bound));
      }
      out.add(p.assignment().label() + (conds.isEmpty() ? "" : " when " + String.join(", ", conds)));
    }
    return out;
  }

  static Map<String, Object> json(Point p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("width", p.width());
    m.put("q", p.q());
    m.put("winner", p.winner());
    m.put("winner_exponent", p.winnerExponent() == null ? null : Rationals.format(p.winnerExponent()));
    m.put("pattern_exponents", p.patternExponents().stream().map(q -> q == null ? "-" : Rationals.format(q)).toList());
    return m;
  }
}
