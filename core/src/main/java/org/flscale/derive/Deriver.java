package org.flscale.derive;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flscale.math.Q;
import org.flscale.math.Affine;
import org.flscale.model.ArchModel;
import org.flscale.rules.RuleBook;
import org.flscale.solve.Candidate;
import org.flscale.solve.LinearProgram;
import org.flscale.solve.MinMax;
import org.flscale.solve.RegionSolver;

/**
 * Derives the critical scaling of a model: builds every pattern's energy from the rules, solves
 * each pattern's dominant balance exactly, and takes the minimum over patterns, region by region
 * when scales are left free.
 */
public final class Deriver {
  /**
   * Told how many steps the derivation takes (each pattern assignment is built, then solved), then
   * of each step done, so that a progress bar can estimate the time left.
   */
  public interface Progress {
    void total(int steps);

    void solved();
  }

  private final RuleBook rules;
  private Progress progress = new Progress() {
    public void total(int patterns) {}

    public void solved() {}
  };

  public Deriver(RuleBook rules) {
    this.rules = rules;
  }

  /**
   * Above this many pattern assignments only a shortlist found by dynamic programming over depth
   * is derived ({@link Shortlist}); up to it every assignment is derived and listed.
   */
  static final long SHORTLIST_ABOVE = 64;

  private TimeLimit limit = TimeLimit.NONE;
  private long mergeAbove = EnergyBuilder.MERGE_ABOVE;
  private long shortlistAbove = SHORTLIST_ABOVE;

  /**
   * Whether to compare every pattern assignment even where there are more than EnergyBuilder's
   * MERGE_ABOVE (then assignments equivalent to a better-ranked one are not listed; the winner is the same).
   */
  public Deriver withEveryAssignment(boolean every) {
    shortlistAbove = every ? Long.MAX_VALUE : SHORTLIST_ABOVE;
    return withMergeAbove(every ? Long.MAX_VALUE : EnergyBuilder.MERGE_ABOVE);
  }

  /** Derive only a shortlist above this many assignments (tests set 0 to always shortlist a chain). */
  Deriver withShortlistAbove(long assignments) {
    this.shortlistAbove = assignments;
    return this;
  }

  /** Merge equivalent partial assignments above this many assignments (tests set 0 to merge always). */
  Deriver withMergeAbove(long assignments) {
    this.mergeAbove = assignments;
    return this;
  }

  public Deriver withProgress(Progress p) {
    this.progress = p;
    return this;
  }

  /** Stops a derivation that runs past the limit with {@link TimeLimit.Exceeded}. */
  public Deriver withTimeLimit(TimeLimit l) {
    this.limit = l;
    return this;
  }

  public Derivation derive(ArchModel model) {
    Derivation d = model.target().single() ? deriveTerm(model, Affine.ZERO) : new SeveralTerms(this, rules).derive(model);
    return d.learnable() ? d.withFloor(InformationFloor.of(model, new Templates(rules), d.winner())) : d;
  }

  /** One target term, its costs weighed by {@code costWeight} (the exponent of ComponentCostFactor). */
  Derivation deriveTerm(ArchModel model, Affine costWeight) {
    EnergyBuilder builder = new EnergyBuilder(model, rules, costWeight);
    List<String> reach = Reach.describe(model, builder);
    if (!builder.targetReachable()) {
      return new Derivation(model, false, Reach.whyNot(model, builder), List.of(), List.of(), reach, List.of());
    }
    List<String> patterns = model.patterns();
    long assignments = Math.round(Math.pow(patterns.size(), model.layers().size()));
    progress.total((int) Math.min(Integer.MAX_VALUE / 2, assignments));
    java.util.Set<List<String>> only = assignments > shortlistAbove ? Shortlist.of(builder, patterns, model.freeScales(), limit) : null;
    if (only != null) progress.total(only.size());
    List<Energy> energies = builder.energies(patterns, only, progress::solved, limit, mergeAbove);
    List<String> lazyFirst = rules.knownNames().patterns();
    Map<PatternAssignment, Integer> ranks = ranks(energies.stream().map(Energy::assignment).toList(), lazyFirst);
    Map<PatternAssignment, List<Candidate<Branch>>> byPattern = new LinkedHashMap<>();
    List<String> paramOrder = new ArrayList<>();
    for (Energy e : energies) {
      int rank = ranks.get(e.assignment());
      List<Candidate<Branch>> list = byPattern.computeIfAbsent(e.assignment(), a -> new ArrayList<>());
      for (String v : e.variables()) if (!paramOrder.contains(v)) paramOrder.add(v);
      List<Affine> constraints = tie(model, e.constraints());
      for (List<Affine> branch : e.total().branches()) {
        list.add(new Candidate<>(new Branch(e, branch, e.constraints()), rank, tie(model, branch), constraints, e.variables()));
      }
    }
    List<String> free = model.freeScales();
    RegionSolver<Branch> solver = new RegionSolver<>(free, () -> limit.check(() -> "comparing the pattern assignments of " + model.name() + " over its free scales " + free));
    List<PatternOutcome> outcomes = new ArrayList<>();
    List<Candidate<Branch>> all = new ArrayList<>();
    java.util.Set<Candidate<Branch>> inAll = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    progress.total((int) Math.min(Integer.MAX_VALUE / 2, only != null ? only.size() : assignments) + byPattern.size() + (free.isEmpty() ? 0 : 1));
    int solved = 0;
    for (var entry : byPattern.entrySet()) {
      int done = solved++;
      limit.check(() -> "having solved " + done + " of " + byPattern.size() + " pattern assignments of " + model.name());
      List<Piece> pieces = new ArrayList<>();
      if (!entry.getValue().isEmpty()) {
        for (RegionSolver.Cell<Branch> cell : solver.solve(entry.getValue())) {
          if (cell.winner() == null) continue;
          pieces.add(piece(cell, solver));
          // A branch that wins nowhere within its own pattern cannot win overall.
          if (inAll.add(cell.winner())) all.add(cell.winner());
        }
      }
      outcomes.add(new PatternOutcome(entry.getKey(), pieces));
      progress.solved();
    }
    List<Piece> winner = new ArrayList<>();
    if (free.isEmpty()) {
      winner.add(bestOf(outcomes, ranks));
    } else {
      for (RegionSolver.Cell<Branch> cell : solver.solve(all)) {
        if (cell.winner() != null) winner.add(piece(cell, solver));
      }
      progress.solved();
    }
    return new Derivation(model, true, null, winner, outcomes, reach, paramOrder);
  }

  /** With every scale tied each pattern has one piece: the minimum, ties to the better rank. */
  private static Piece bestOf(List<PatternOutcome> outcomes, Map<PatternAssignment, Integer> ranks) {
    Piece best = null;
    int bestRank = Integer.MAX_VALUE;
    for (PatternOutcome o : outcomes) {
      if (o.pieces().isEmpty()) continue;
      Piece p = o.pieces().get(0);
      int r = ranks.get(o.assignment());
      int c = best == null ? -1 : p.exponent().constant().compareTo(best.exponent().constant());
      if (c < 0 || (c == 0 && r < bestRank)) {
        best = p;
        bestRank = r;
      }
    }
    return best;
  }

  /** One branch of a pattern's energy, with its terms as written (tied scales still symbols). */
  record Branch(Energy energy, List<Affine> shownTerms, List<Affine> shownConstraints) {}

  /** Replaces each tied scale by its exponent in the base (and the free scales). */
  private static List<Affine> tie(ArchModel model, List<Affine> forms) {
    return forms.stream().map(model::tied).toList();
  }

  private static Piece piece(RegionSolver.Cell<Branch> cell, RegionSolver<?> solver) {
    Candidate<Branch> c = cell.winner();
    Branch b = c.owner();
    LinearProgram.Solution sol = cell.solution();
    BitSet binding = sol.binding();
    List<Affine> balanced = new ArrayList<>();
    for (int i = 0; i < c.terms().size(); i++) if (binding.get(i)) balanced.add(b.shownTerms().get(i));
    List<Affine> bound = new ArrayList<>();
    for (int i = 0; i < c.constraints().size(); i++) {
      if (binding.get(c.terms().size() + i)) bound.add(b.shownConstraints().get(i));
    }
    Map<String, Affine> params = new LinkedHashMap<>();
    for (String v : c.variables()) params.put(v, sol.variables().get(v));
    List<Affine> conditions = new ArrayList<>();
    for (Affine g : cell.constraints()) if (!solver.isDomainBound(g)) conditions.add(g);
    return new Piece(conditions, b.energy().assignment(), b.energy().features(), b.shownTerms(), sol.value(), params,
        balanced, bound, cell.point(), unfixed(c, sol.value(), cell.point()));
  }

  /**
   * The parameters that the optimum does not pin down: the range of each over every point that
   * reaches the optimal exponent (two small parametric linear programs per parameter, solved at the
   * region's sample point; the bounds are affine in the free scales there).
   */
  private static Map<String, Piece.Range> unfixed(Candidate<Branch> c, Affine optimum, Map<String, Q> at) {
    Map<String, Piece.Range> out = new LinkedHashMap<>();
    List<Affine> rows = new ArrayList<>();
    for (Affine t : c.terms()) rows.add(optimum.minus(t));
    rows.addAll(c.constraints());
    for (String v : c.variables()) {
      LinearProgram.Solution lo = new LinearProgram(c.variables(), rows, Affine.var(v)).solve(at);
      LinearProgram.Solution hi = new LinearProgram(c.variables(), rows, Affine.var(v).times(Q.MINUS_ONE)).solve(at);
      Affine low = lo.status() == LinearProgram.Status.OPTIMAL ? lo.value() : null;
      Affine high = hi.status() == LinearProgram.Status.OPTIMAL ? hi.value().times(Q.MINUS_ONE) : null;
      if (low == null || high == null || !low.equals(high)) out.put(v, new Piece.Range(low, high));
    }
    return out;
  }

  /**
   * Tie-breaking rank: fewer non-lazy layers first, then the rules' pattern order layer by layer.
   */
  static java.util.Comparator<PatternAssignment> tieBreak(List<String> order) {
    return (a, b) -> {
      if (a.nonLazyCount() != b.nonLazyCount()) return Integer.compare(a.nonLazyCount(), b.nonLazyCount());
      for (int i = 0; i < Math.min(a.layers().size(), b.layers().size()); i++) {
        int c = Integer.compare(order.indexOf(a.layers().get(i)), order.indexOf(b.layers().get(i)));
        if (c != 0) return c;
      }
      return 0;
    };
  }

  /** Each assignment's place in the tie-break among those given (0 wins), without overflow at any depth. */
  private static Map<PatternAssignment, Integer> ranks(java.util.Collection<PatternAssignment> all, List<String> order) {
    List<PatternAssignment> sorted = new ArrayList<>(new java.util.LinkedHashSet<>(all));
    sorted.sort(tieBreak(order));
    Map<PatternAssignment, Integer> out = new java.util.HashMap<>();
    for (PatternAssignment a : sorted) out.put(a, out.size());
    return out;
  }
}
