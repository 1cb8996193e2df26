package org.flscale.derive;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.flscale.math.Affine;
import org.flscale.math.Q;
import org.flscale.solve.Candidate;
import org.flscale.solve.RegionSolver;

/**
 * The pattern assignments of a deep chain worth deriving in full, found by {@link ValueRecursion}
 * instead of enumerating every assignment. With every scale tied it runs twice: first over the
 * assignments with at most one non-lazy layer (cheap, and they are shown as the alternatives that
 * come close), whose best energy then bounds the full recursion. The list holds every assignment
 * that wins anywhere, so the present solver, run on it alone, gives the answer the full
 * enumeration would. With free scales the alternatives at the input go through the region solver
 * (their parameters already eliminated), and the assignments that win a region are the list.
 */
final class Shortlist {
  /** Alternatives from the one-learning-layer pass shown beside the winners. */
  static final int CLOSE = 6;

  private Shortlist() {}

  /** The assignments to derive, or null when the recursion cannot express the chain. */
  static Set<List<String>> of(EnergyBuilder builder, List<String> patterns, List<String> free, TimeLimit limit) {
    boolean tied = free.isEmpty();
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
        // which alternatives win somewhere in the free scales: the region solver over them alone
        // (their parameters are already eliminated), ranks in the tie-break's order
        List<ValueRecursion.Branch> all = full.atInput();
        all.sort(full::compareRank);
        List<Candidate<ValueRecursion.Branch>> cands = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
          ValueRecursion.Branch b = all.get(i);
          cands.add(new Candidate<>(b, i, b.terms(), b.domain(), List.of()));
        }
        for (RegionSolver.Cell<ValueRecursion.Branch> cell : new RegionSolver<ValueRecursion.Branch>(free, () -> limit.check(() -> "shortlisting the pattern assignments over the free scales " + free)).solve(cands)) {
          if (cell.winner() != null) out.add(cell.winner().owner().patterns());
        }
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
