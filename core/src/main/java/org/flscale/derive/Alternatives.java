package org.flscale.derive;

import java.util.ArrayList;
import java.util.List;
import org.flscale.math.Affine;
import org.flscale.math.Q;
import org.flscale.model.ArchModel;
import org.flscale.solve.Box;
import org.flscale.solve.MinMax;
import org.flscale.derive.ValueRecursion.Branch;

/**
 * Which alternatives of a value ({@link ValueRecursion}) are kept: comparisons on the box of bounds
 * for the scales, parameters and norms, and the tie-break.
 */
final class Alternatives {
  private final ArchModel model;
  private final Box box;
  private final List<String> patterns;

  Alternatives(ArchModel model, Box box, List<String> patterns) {
    this.model = model;
    this.box = box;
    this.patterns = patterns;
  }

  /**
   * Drops each alternative that another is below everywhere (term by term, on the box), valid
   * wherever it is, and no worse in the tie-break; of exact duplicates the first is kept.
   */
  List<Branch> undominated(List<Branch> built, int maxNonLazy, Q reached) {
    List<Branch> all = new ArrayList<>();
    for (Branch b : built) if (b.nonLazy() <= maxNonLazy && (reached == null || !above(b.terms(), reached))) all.add(b);
    List<Branch> kept = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      Branch b = all.get(i);
      boolean dominated = false;
      for (int j = 0; j < all.size() && !dominated; j++) {
        if (i == j) continue;
        Branch a = all.get(j);
        if (compareRank(a, b) > 0 || !b.domain().containsAll(a.domain()) || !below(a.terms(), b.terms())) continue;
        boolean same = compareRank(a, b) == 0 && a.domain().containsAll(b.domain()) && below(b.terms(), a.terms());
        dominated = !same || j < i;
      }
      if (!dominated) kept.add(b);
    }
    return kept;
  }

  /** max(terms) > energy everywhere on the box. */
  boolean above(List<Affine> terms, Q energy) {
    for (Affine t : terms) {
      Q lo = box.min(model.tied(t));
      if (lo != null && lo.compareTo(energy) > 0) return true;
    }
    return false;
  }

  /** The least value of a min-max on the box (null: unbounded below). */
  Q least(MinMax m) {
    Q out = null;
    for (List<Affine> b : m.branches()) {
      Q best = null;
      for (Affine t : b) {
        Q lo = box.min(model.tied(t));
        if (lo != null && (best == null || lo.compareTo(best) > 0)) best = lo;
      }
      if (best == null) return null;
      if (out == null || best.compareTo(out) < 0) out = best;
    }
    return out;
  }

  /** Every term of x lies below some term of y on the box: max(x) <= max(y). */
  boolean below(List<Affine> x, List<Affine> y) {
    for (Affine a : x) {
      boolean covered = false;
      for (Affine b : y) if (box.below(a, b)) { covered = true; break; }
      if (!covered) return false;
    }
    return true;
  }

  /** The tie-break between the same layers' alternatives: fewer non-lazy layers, then the patterns' order layer by layer. */
  int compareRank(Branch a, Branch b) {
    if (a.nonLazy() != b.nonLazy()) return Integer.compare(a.nonLazy(), b.nonLazy());
    for (int i = 0; i < a.patterns().size(); i++) {
      int c = Integer.compare(patterns.indexOf(a.patterns().get(i)), patterns.indexOf(b.patterns().get(i)));
      if (c != 0) return c;
    }
    return 0;
  }
}
