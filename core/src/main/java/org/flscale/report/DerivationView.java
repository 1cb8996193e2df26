package org.flscale.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flscale.math.Q;
import org.flscale.derive.Derivation;
import org.flscale.derive.Piece;
import org.flscale.math.Affine;
import org.flscale.math.Rationals;
import org.flscale.model.ArchModel;

/** The derivation in words: what every output format (text, JSON, LaTeX) writes, in one place. */
public final class DerivationView {
  private final Derivation d;
  private final Monomials mono;

  public DerivationView(Derivation d) {
    this.d = d;
    List<String> order = new ArrayList<>(d.parameterOrder());
    order.addAll(d.model().freeScales());
    this.mono = new Monomials(order, d.model().baseScale());
  }

  public Derivation derivation() {
    return d;
  }

  public ArchModel model() {
    return d.model();
  }

  public boolean tied() {
    return d.model().allScalesTied();
  }

  public String energy(Piece p) {
    List<String> terms = new ArrayList<>();
    for (Affine t : p.terms()) terms.add(mono.term(t));
    return String.join(" + ", terms);
  }

  /** Which bound binds on a piece of the answer (null without a floor or for a piece of no answer). */
  public Derivation.Binding binding(Piece p) {
    if (d.floor() == null) return null;
    for (int i = 0; i < d.winner().size(); i++) if (d.winner().get(i) == p) return d.floor().binding().get(i);
    return null;
  }

  /** The binding over the whole answer: the common one of its pieces, or DEPENDS. */
  public Derivation.Binding binding() {
    if (d.floor() == null) return null;
    var all = new java.util.HashSet<>(d.floor().binding());
    return all.size() == 1 ? all.iterator().next() : Derivation.Binding.DEPENDS;
  }

  /** The floor's closed form, "d". */
  public String floorExpression() {
    return mono.closedForm(d.floor().exponent());
  }

  public String expression(Piece p) {
    return mono.closedForm(p.exponent());
  }

  /** The exponent as an exact fraction, when it is a number (every scale tied). */
  public String exponent(Piece p) {
    return p.exponent().isConstant() ? Rationals.format(p.exponent().constant()) : null;
  }

  public Map<String, String> parameters(Piece p) {
    Map<String, String> out = new LinkedHashMap<>();
    p.parameters().forEach((k, v) -> out.put(k, mono.closedForm(v)));
    return out;
  }

  /** The parameters the balance leaves free, as ranges: "beta1 <= d^2", "1 <= D1 <= (N/d)^(1/2)". */
  public Map<String, String> unfixed(Piece p) {
    Map<String, String> out = new LinkedHashMap<>();
    p.unfixed().forEach((v, r) -> {
      String lo = r.low() == null ? null : mono.closedForm(r.low());
      String hi = r.high() == null ? null : mono.closedForm(r.high());
      out.put(v, lo != null && hi != null ? lo + " <= " + v + " <= " + hi
          : hi != null ? v + " <= " + hi : lo != null ? v + " >= " + lo : "any " + v);
    });
    return out;
  }

  /** "M1 d ~ N/M1", plus the validity constraints that bind, e.g. "M1 >= 1 binds". */
  public List<String> balance(Piece p) {
    List<String> out = new ArrayList<>();
    List<String> eq = new ArrayList<>();
    for (Affine t : p.balancedTerms()) eq.add(mono.term(t));
    if (eq.size() == 1) out.add(eq.get(0) + " dominates");
    else if (!eq.isEmpty()) out.add(String.join(" ~ ", eq));
    for (Affine c : p.bindingConstraints()) {
      // a bound on parameters the balance leaves free does not bind: any value in their range does as well
      boolean onUnfixedOnly = c.vars().stream().filter(d.parameterOrder()::contains).allMatch(p.unfixed()::containsKey)
          && c.vars().stream().anyMatch(p.unfixed()::containsKey);
      if (!onUnfixedOnly) out.add(mono.condition(c) + " binds");
    }
    return out;
  }

  /** He_a of the target's direction; for a product of directions, of a direction u in their span. */
  private String feature(int a) {
    var term = d.model().target().terms().get(0);
    var factors = term.factors();
    String x = d.model().input().name();
    if (term.overTokens()) {
      // a score-times-value head acts on its score's order-a feature, (u.x_a)^a (v.x_b)^a
      return "the score's order-" + a + " feature (u." + x + "_a)" + (a > 1 ? "^" + a : "") + " (v." + x + "_b)" + (a > 1 ? "^" + a : "")
          + ", u, v in the span of the target's directions";
    }
    if (factors.size() == 1) return "He" + a + "(" + factors.get(0).direction() + "." + x + ")";
    return "He" + a + "(u." + x + "), u in span(" + String.join(", ", factors.stream().map(f -> f.direction()).toList()) + ")";
  }

  /** For each non-lazy layer, the feature it acts on: "h1: Spec on He1(w.x)". */
  public List<String> features(Piece p) {
    List<String> out = new ArrayList<>();
    for (int l = 0; l < p.assignment().layers().size(); l++) {
      String pat = p.assignment().layers().get(l);
      int a = p.features().get(l);
      if (a > 0) { // a lazy layer acts on no feature
        out.add(d.model().layers().get(l).name() + ": " + pat + " on " + feature(a));
      }
    }
    return out;
  }

  /** The region's conditions; two bounds on the same scale read as one range, "d <= N <= d^5". */
  public List<String> conditions(Piece p) {
    List<String> out = new ArrayList<>();
    List<Affine> rest = new ArrayList<>(p.conditions());
    for (String s : d.model().freeScales()) {
      Affine lo = null, hi = null;
      for (Affine c : rest) {
        if (c.vars().size() != 1 || !c.vars().contains(s)) continue;
        if (c.coeff(s).signum() > 0) lo = c; else hi = c;
      }
      if (lo != null && hi != null) {
        // c s + k >= 0 bounds s by -k/c: written as powers of the base, "d^(6/5) <= N1 <= d^3"
        Monomials plain = new Monomials(List.of(), d.model().baseScale());
        Q low = lo.constant().negate().divide(lo.coeff(s)), high = hi.constant().negate().divide(hi.coeff(s));
        out.add(plain.closedForm(Affine.constant(low)) + " <= " + s + " <= " + plain.closedForm(Affine.constant(high)));
        rest.remove(lo);
        rest.remove(hi);
      }
    }
    List<String> others = new ArrayList<>();
    for (Affine c : rest) others.add(mono.condition(c));
    java.util.Collections.sort(others); // a stable reading order, whatever order the cuts came in
    out.addAll(others);
    return out;
  }

  /** Pieces in reading order: by the exponents of the free scales at a point inside each region. */
  public List<Piece> ordered(List<Piece> pieces) {
    List<Piece> sorted = new ArrayList<>(pieces);
    List<String> free = d.model().freeScales();
    sorted.sort(Comparator.comparing((Piece p) -> sampleKey(p, free), DerivationView::compareLists));
    return sorted;
  }

  private static List<Q> sampleKey(Piece p, List<String> free) {
    List<Q> key = new ArrayList<>();
    for (String s : free) key.add(p.samplePoint().getOrDefault(s, Q.ZERO));
    return key;
  }

  private static int compareLists(List<Q> a, List<Q> b) {
    for (int i = 0; i < a.size(); i++) {
      int c = a.get(i).compareTo(b.get(i));
      if (c != 0) return c;
    }
    return 0;
  }

  /** One line for a piecewise answer: "d if N <= d; (N d)^(1/2) if d <= N <= d^5; ...". */
  public String piecewise(List<Piece> pieces) {
    if (pieces.size() == 1) return expression(pieces.get(0));
    List<String> parts = new ArrayList<>();
    for (Piece p : ordered(pieces)) parts.add(expression(p) + " if " + String.join(", ", conditions(p)));
    return String.join("; ", parts);
  }

  public String patternSummary(List<Piece> pieces) {
    List<String> names = new ArrayList<>();
    for (Piece p : ordered(pieces)) {
      String n = p.assignment().label();
      if (!names.contains(n)) names.add(n);
    }
    return String.join(" | ", names);
  }
}
