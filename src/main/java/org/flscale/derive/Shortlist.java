package org.flscale.derive;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.flscale.math.Affine;
import org.flscale.math.Q;

/**
 * The pattern assignments of a deep chain worth deriving in full, found by {@link ValueRecursion}
 * instead of enumerating every assignment. With every scale tied it runs twice: first over the
 * assignments with at most one non-lazy layer (cheap, and they are shown as the alternatives that
 * come close), whose best energy then bounds the full recursion. The list holds every assignment
 * that wins anywhere, so the present solver, run on it alone, gives the answer the full
 * enumeration would.
 */
final class Shortlist {
  /** Alternatives from the one-learning-layer pass shown beside the winners. */
  static final int CLOSE = 6;

  private Shortlist() {}

  /** The assignments to derive, or null when the recursion cannot express the chain. */
  static Set<List<String>> of(EnergyBuilder builder, List<String> patterns, boolean tied, TimeLimit limit) {
    ValueRecursion full = builder.recursion(patterns, limit);
    if (full == null) return null;
    try {
      Set<List<String>> out = new LinkedHashSet<>();
      if (tied) {
        ValueRecursion quick = builder.recursion(patterns, limit).atMostNonLazy(1);
        List<ValueRecursion.Branch> close = quick.atInput();
        close.sort(Comparator.comparing(Shortlist::value).thenComparing(quick::compareRank));
        if (!close.isEmpty()) full.below(value(close.get(0)));
        for (ValueRecursion.Branch b : full.atInput()) out.add(b.patterns());
        for (ValueRecursion.Branch b : close) {
          if (out.size() >= CLOSE + 1) break;
          out.add(b.patterns());
        }
      } else {
        for (ValueRecursion.Branch b : full.atInput()) out.add(b.patterns());
      }
      return out;
    } catch (ValueRecursion.Unsupported e) {
      return null;
    }
  }

  /** The energy of an alternative at tied scales: its largest term. */
  private static Q value(ValueRecursion.Branch b) {
    Q v = null;
    for (Affine t : b.terms()) if (v == null || t.constant().compareTo(v) > 0) v = t.constant();
    return v;
  }
}
