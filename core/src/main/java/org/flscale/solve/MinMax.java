package org.flscale.solve;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.flscale.math.Q;
import org.flscale.math.Affine;

/**
 * An exponent in dominant-balance normal form: the minimum over branches of the maximum over each
 * branch's terms, every term an exact affine form. A sum of monomials has the exponent of its
 * largest term (max); a choice between routes, e.g. a spike or the lazy kernel, is a min.
 * No branch at all means +infinity (the quantity does not exist, e.g. an unreachable feature).
 */
public final class MinMax {
  public static final MinMax INFINITY = new MinMax(List.of());

  private final List<List<Affine>> branches;

  private MinMax(List<List<Affine>> branches) {
    this.branches = branches;
  }

  public static MinMax of(Affine term) {
    return new MinMax(List.of(List.of(term)));
  }

  public List<List<Affine>> branches() {
    return branches;
  }

  public boolean isInfinite() {
    return branches.isEmpty();
  }

  /** The single term, when this is one affine form. */
  public Affine single() {
    if (branches.size() != 1 || branches.get(0).size() != 1) throw new IllegalStateException("not a single term: " + this);
    return branches.get(0).get(0);
  }

  public MinMax min(MinMax o) {
    List<List<Affine>> b = new ArrayList<>(branches);
    b.addAll(o.branches);
    return new MinMax(b).simplify();
  }

  public MinMax max(MinMax o) {
    if (isInfinite() || o.isInfinite()) return INFINITY;
    List<List<Affine>> b = new ArrayList<>();
    for (List<Affine> x : branches) {
      for (List<Affine> y : o.branches) {
        List<Affine> t = new ArrayList<>(x);
        t.addAll(y);
        b.add(t);
      }
    }
    return new MinMax(b).simplify();
  }

  /** The exponent of a product of the two quantities: exponents add. */
  public MinMax plus(MinMax o) {
    if (isInfinite() || o.isInfinite()) return INFINITY;
    List<List<Affine>> b = new ArrayList<>();
    for (List<Affine> x : branches) {
      for (List<Affine> y : o.branches) {
        List<Affine> t = new ArrayList<>();
        for (Affine p : x) for (Affine q : y) t.add(p.plus(q));
        b.add(t);
      }
    }
    return new MinMax(b).simplify();
  }

  /** The exponent of the quantity raised to the power c. A negative power swaps min and max. */
  public MinMax times(Q c) {
    if (isInfinite()) {
      if (c.signum() > 0) return INFINITY;
      throw new IllegalArgumentException("a non-positive power of an infinite quantity");
    }
    if (c.signum() >= 0) {
      List<List<Affine>> b = new ArrayList<>();
      for (List<Affine> x : branches) b.add(x.stream().map(a -> a.times(c)).toList());
      return new MinMax(b).simplify();
    }
    // -(min_b max_t a) = max_b min_t (-a): a max over branches of minima, expanded back to min-max.
    MinMax out = null;
    for (List<Affine> x : branches) {
      MinMax m = null;
      for (Affine a : x) {
        MinMax leaf = of(a.times(c));
        m = m == null ? leaf : m.min(leaf);
      }
      out = out == null ? m : out.max(m);
    }
    return out;
  }

  /**
   * Removes alternatives that the box proves never matter: a term of a branch that another term
   * of the same branch exceeds everywhere on the box, and a branch whose maximum is everywhere at
   * least another branch's maximum (each term of the other lies below one of its terms).
   */
  public MinMax pruned(Box box) {
    List<List<Affine>> reduced = new ArrayList<>();
    for (List<Affine> b : branches) {
      List<Affine> out = new ArrayList<>();
      List<Affine> terms = new ArrayList<>(new LinkedHashSet<>(b));
      for (int i = 0; i < terms.size(); i++) {
        Affine a = terms.get(i);
        boolean dominated = false;
        for (int j = 0; j < terms.size() && !dominated; j++) {
          // of two terms equal on the box (N and d where N = d) the first is kept
          if (j != i && box.below(a, terms.get(j))) dominated = !box.below(terms.get(j), a) || j < i;
        }
        if (!dominated) out.add(a);
      }
      reduced.add(List.copyOf(out));
    }
    List<List<Affine>> kept = new ArrayList<>();
    for (int i = 0; i < reduced.size(); i++) {
      boolean dominated = false;
      for (int j = 0; j < reduced.size() && !dominated; j++) {
        if (i == j) continue;
        if (below(box, reduced.get(j), reduced.get(i)) && (!below(box, reduced.get(i), reduced.get(j)) || j < i)) dominated = true;
      }
      if (!dominated) kept.add(reduced.get(i));
    }
    return new MinMax(kept);
  }

  /** True when this is at most {@code other} everywhere on the box (each branch of other is matched). */
  public boolean certainlyBelow(MinMax other, Box box) {
    for (List<Affine> b : other.branches) {
      boolean matched = false;
      for (List<Affine> a : branches) if (below(box, a, b)) { matched = true; break; }
      if (!matched) return false;
    }
    return true;
  }

  private static boolean below(Box box, List<Affine> x, List<Affine> y) {
    for (Affine a : x) {
      boolean covered = false;
      for (Affine b : y) if (box.below(a, b)) { covered = true; break; }
      if (!covered) return false;
    }
    return true;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MinMax m && new java.util.HashSet<>(branchSets()).equals(new java.util.HashSet<>(m.branchSets()));
  }

  @Override
  public int hashCode() {
    return new java.util.HashSet<>(branchSets()).hashCode();
  }

  private List<Set<Affine>> branchSets() {
    List<Set<Affine>> out = new ArrayList<>();
    for (List<Affine> b : branches) out.add(new java.util.HashSet<>(b));
    return out;
  }

  /**
   * {@link #pruned} without bounds on any variable, where a <= b everywhere only when b - a is a
   * non-negative constant: a term goes for another of the same variable part and a greater
   * constant, a branch for one whose every term it matches so. The same result as the pairwise
   * test on an empty box, found by hashing the variable parts (the products of deep chains build
   * branches of hundreds of terms).
   */
  private MinMax simplify() {
    int n = branches.size();
    List<List<Affine>> reduced = new ArrayList<>(n);
    List<Map<Affine, Q>> greatest = new ArrayList<>(n);
    long[] signature = new long[n]; // a bit per variable part (by hash): j can match i only if j's bits are among i's
    for (List<Affine> b : branches) {
      Map<Affine, Q> top = new HashMap<>();
      for (Affine a : b) top.merge(a.linearPart(), a.constant(), (x, y) -> x.compareTo(y) >= 0 ? x : y);
      List<Affine> out = new ArrayList<>();
      Set<Affine> kept = new HashSet<>();
      long sig = 0;
      for (Affine a : b) {
        Affine part = a.linearPart();
        if (a.constant().equals(top.get(part)) && kept.add(part)) {
          out.add(a);
          sig |= 1L << (part.hashCode() & 63);
        }
      }
      signature[reduced.size()] = sig;
      reduced.add(List.copyOf(out));
      greatest.add(top);
    }
    List<List<Affine>> kept = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      boolean dominated = false;
      for (int j = 0; j < n && !dominated; j++) {
        if (i == j || (signature[j] & ~signature[i]) != 0) continue;
        boolean ji = matched(reduced.get(j), greatest.get(i));
        if (ji && (j < i || (signature[i] & ~signature[j]) != 0 || !matched(reduced.get(i), greatest.get(j)))) dominated = true;
      }
      if (!dominated) kept.add(reduced.get(i));
    }
    return new MinMax(kept);
  }

  /** Whether every term of x lies below a term of the branch whose greatest constant per variable part is y. */
  private static boolean matched(List<Affine> x, Map<Affine, Q> y) {
    for (Affine a : x) {
      Q c = y.get(a.linearPart());
      if (c == null || c.compareTo(a.constant()) < 0) return false;
    }
    return true;
  }

  @Override
  public String toString() {
    if (isInfinite()) return "Infinity";
    List<String> parts = new ArrayList<>();
    for (List<Affine> b : branches) parts.add(b.size() == 1 ? b.get(0).toString() : "max(" + b + ")");
    return parts.size() == 1 ? parts.get(0) : "min(" + String.join(", ", parts) + ")";
  }
}
