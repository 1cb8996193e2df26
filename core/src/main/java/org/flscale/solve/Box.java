package org.flscale.solve;

import java.util.HashMap;
import java.util.Map;
import org.flscale.math.Q;
import org.flscale.math.Affine;

/**
 * An interval for every variable (a null end is unbounded): a cheap superset of the feasible set
 * of scales and parameters. Whatever holds on the box holds on the true feasible set, so it can
 * prove that one alternative of a minimum is never below another.
 */
public final class Box {
  private final Map<String, Q[]> bounds = new HashMap<>();

  public void set(String var, Q lo, Q hi) {
    bounds.put(var, new Q[] {lo, hi});
  }

  /** Tightens var's interval with lo (if not null) and hi (if not null). */
  public void narrow(String var, Q lo, Q hi) {
    Q[] b = bounds.computeIfAbsent(var, k -> new Q[2]);
    if (lo != null && (b[0] == null || lo.compareTo(b[0]) > 0)) b[0] = lo;
    if (hi != null && (b[1] == null || hi.compareTo(b[1]) < 0)) b[1] = hi;
  }

  /** The least value of g on the box, or null when it is unbounded below. */
  public Q min(Affine g) {
    Q s = g.constant();
    for (int i = 0; i < g.arity(); i++) {
      Q c = g.coeffAt(i);
      Q end = end(g.varAt(i), c);
      if (end == null) return null;
      s = s.add(c.multiply(end));
    }
    return s;
  }

  /** The end of var's interval where c var is least: the lower bound for c > 0, the upper for c < 0 (null: none). */
  private Q end(String var, Q c) {
    Q[] b = bounds.get(var);
    return b == null ? null : c.signum() > 0 ? b[0] : b[1];
  }

  /** The greatest value of g on the box, or null when it is unbounded above. */
  public Q max(Affine g) {
    Q m = min(g.times(Q.MINUS_ONE));
    return m == null ? null : m.negate();
  }

  /** True when a <= b everywhere on the box. */
  public boolean below(Affine a, Affine b) {
    // the least value of b - a on the box, walking both sorted term lists without building b - a
    Q s = b.constant().subtract(a.constant());
    int i = 0, j = 0;
    while (i < a.arity() || j < b.arity()) {
      int cmp = i == a.arity() ? 1 : j == b.arity() ? -1 : a.varAt(i).compareTo(b.varAt(j));
      String var;
      Q c;
      if (cmp < 0) {
        var = a.varAt(i);
        c = a.coeffAt(i++).negate();
      } else if (cmp > 0) {
        var = b.varAt(j);
        c = b.coeffAt(j++);
      } else {
        var = a.varAt(i);
        c = b.coeffAt(j++).subtract(a.coeffAt(i++));
        if (c.signum() == 0) continue;
      }
      Q end = end(var, c);
      if (end == null) return false;
      s = s.add(c.multiply(end));
    }
    return s.signum() >= 0;
  }

  /**
   * Narrows each variable by a constraint g >= 0 in which it appears: c v + rest >= 0 bounds v
   * by the extreme of -rest/c over the box.
   */
  public void narrowBy(Affine g) {
    for (String v : g.coeffs().keySet()) narrowBy(g, v);
  }

  /** Narrows only {@code v} by a constraint g >= 0. */
  public void narrowBy(Affine g, String v) {
    Q c = g.coeff(v);
    if (c.signum() == 0) return;
    Affine rest = g.minus(Affine.var(v).times(c));
    if (c.signum() > 0) {
      // v >= -rest/c for the actual rest; on the box the weakest such bound is its minimum
      Q lo = min(rest.times(Q.MINUS_ONE).times(c.reciprocal()));
      if (lo != null) narrow(v, lo, null);
    } else {
      Q hi = max(rest.times(c.reciprocal().negate()));
      if (hi != null) narrow(v, null, hi);
    }
  }
}
