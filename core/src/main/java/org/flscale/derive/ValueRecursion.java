package org.flscale.derive;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flscale.math.Affine;
import org.flscale.math.Q;
import org.flscale.model.ArchModel;
import org.flscale.solve.Box;
import org.flscale.solve.Elimination;
import org.flscale.solve.MinMax;

/**
 * The best energy of a chain of layers by dynamic programming over depth, from the top down: the
 * value V_l(nu) of the layers l..L-1 is the least energy they can reach from the norm table nu
 * that the kernel below them hands up, a min-max of affine forms in symbols for nu's entries.
 * <pre>
 *   V_L(nu) = ReadoutFactor + nu_k                                  (a_y)
 *   V_l(nu) = min over patterns and features a of
 *             min over the parameter p of max(cost(p, nu_a), V_(l+1)(table(p, nu)))
 * </pre>
 * The minimum over p of a maximum of affine forms is again a maximum of affine forms, found
 * exactly by eliminating p (Fourier-Motzkin on the epigraph, with p's constraints): no branch is
 * multiplied by the layers above, so the work grows with the number of alternatives that are best
 * for some table, not with the number of assignments. Composition with the table needs each entry
 * of nu to enter V increasingly, as every rule here does (norms enter costs and a_y increasingly);
 * where it does not, or a parameter's constraint involves a norm, the recursion declines
 * ({@link Unsupported}) and the caller enumerates assignments as before.
 *
 * <p>An alternative is dropped only when another is no larger everywhere, valid wherever it is,
 * and no worse in the tie-break (fewer non-lazy layers, then the patterns' order layer by layer):
 * so the assignments that survive to the input include every one that wins somewhere, and the
 * present solver re-derives them in full (their balance, parameters and regions).
 *
 * <p>Longer than this project's classes usually are, because the recursion, the norm bounds that
 * prune it and the feature choices both build are one algorithm over one box of bounds; the
 * comparisons are in {@link Alternatives}, the elimination in {@code solve/Elimination}.
 */
final class ValueRecursion {
  /** The recursion cannot express this chain; enumerate instead. */
  static final class Unsupported extends RuntimeException {
    Unsupported(String why) {
      super(why, null, false, false);
    }
  }

  /**
   * One alternative of a value: the max of {@code terms} (affine in the table's symbols and the
   * scales), valid where every {@code domain} form (in the scales) is >= 0, reached by the patterns
   * of the layers from here to the top.
   */
  record Branch(List<Affine> terms, List<Affine> domain, List<String> patterns, int nonLazy) {}

  private static final String NU = "#nu";

  /** The symbol of entry j of the table that enters layer l (l = L: the last kernel's). */
  private static String nu(int l, int j) {
    return NU + l + "." + j;
  }

  private final ArchModel model;
  private final Templates templates;
  private final NormTables tables;
  private final List<KindFacts> kinds;
  private final Box box;
  private final Affine costWeight;
  private final List<String> patterns;
  private final String lazy;
  private final int k;
  private final TimeLimit limit;
  private final Alternatives alternatives;
  private final Map<String, List<Branch>> memo = new HashMap<>();
  private int branchesBuilt;
  /** An energy some assignment reaches (all scales tied), or null: alternatives above it are dropped. */
  private Q reached;
  /** Alternatives with more non-lazy layers than this are not built (a quick first pass that finds {@link #reached}). */
  private int maxNonLazy = Integer.MAX_VALUE;

  ValueRecursion(ArchModel model, Templates templates, NormTables tables, List<KindFacts> kinds, Box box, Affine costWeight,
      List<String> patterns, TimeLimit limit) {
    this.model = model;
    this.templates = templates;
    this.tables = tables;
    this.kinds = kinds;
    this.box = box;
    this.costWeight = costWeight;
    this.patterns = patterns;
    this.lazy = patterns.get(0);
    this.k = model.target().degree();
    this.limit = limit;
    this.alternatives = new Alternatives(model, box, patterns);
  }

  /** The tie-break between alternatives of the same layers (fewer non-lazy layers, then the patterns' order). */
  int compareRank(Branch a, Branch b) {
    return alternatives.compareRank(a, b);
  }

  /**
   * Only the alternatives with at most {@code layers} non-lazy layers; a cheap pass whose best
   * energy bounds the full one.
   */
  ValueRecursion atMostNonLazy(int layers) {
    this.maxNonLazy = layers;
    return this;
  }

  /**
   * Drops every alternative whose energy is above {@code energy}, an energy some assignment
   * reaches (all scales tied), and bounds each norm below by what the layers can reach at no more
   * than that energy. The answer is unchanged: an alternative that only a norm out of those bounds
   * would make cheaper has a layer whose cost exceeds the energy, so its energy does too.
   */
  ValueRecursion below(Q energy) {
    this.reached = energy;
    boundNorms();
    return this;
  }

  /** How many alternatives were built in all (before dropping the dominated ones). */
  int branchesBuilt() {
    return branchesBuilt;
  }

  /**
   * The alternatives of the whole network's energy at the input's table: each a max of affine
   * forms in the scales (tied scales substituted), with its domain and assignment.
   */
  List<Branch> atInput() {
    MinMax[] input = tables.baseline(0);
    List<Branch> out = new ArrayList<>();
    for (Branch b : value(0, finite(input))) {
      MinMax total = compose(b.terms(), 0, input);
      for (List<Affine> t : total.branches()) {
        List<Affine> domain = tiedDomain(b.domain());
        if (domain == null) continue;
        out.add(new Branch(t.stream().map(model::tied).toList(), domain, b.patterns(), b.nonLazy()));
      }
    }
    return out;
  }

  /** V_l for a table whose finite entries are {@code mask}. */
  private List<Branch> value(int l, BitSet mask) {
    String key = l + ":" + mask;
    List<Branch> known = memo.get(key);
    if (known != null) return known;
    MinMax[] nu = symbols(l, mask);
    List<Branch> out = new ArrayList<>();
    if (l == model.layers().size()) {
      int last = l - 1;
      String readWidth = model.layers().get(last).width();
      Affine width = readWidth != null ? EnergyBuilder.symbol(model, readWidth) : kinds.get(last).units();
      MinMax ay = templates.readoutFactor(model.parametrization(), width).plus(nu[k]);
      for (List<Affine> t : ay.branches()) out.add(new Branch(t, List.of(), List.of(), 0));
    } else {
      for (String pattern : patterns) {
        limit.check(() -> "building the value of layer " + (l + 1) + " of " + model.layers().size() + " of " + model.name());
        expand(l, nu, pattern, out);
      }
      out = alternatives.undominated(out, maxNonLazy, reached);
    }
    branchesBuilt += out.size();
    memo.put(key, out);
    return out;
  }

  /** The alternatives of layer l acting with one pattern, on every feature it can act on. */
  private void expand(int l, MinMax[] nu, String pattern, List<Branch> out) {
    String param = templates.parameter(pattern);
    if (param == null) {
      MinMax[] next = tables.lazy(l, nu);
      for (Branch above : value(l + 1, finite(next))) {
        MinMax v = compose(above.terms(), l + 1, next);
        for (List<Affine> t : v.branches()) out.add(new Branch(t, above.domain(), prepend(pattern, above.patterns()), above.nonLazy()));
      }
      return;
    }
    for (int a : templates.featureDegrees(k)) {
      if (nu[a].isInfinite()) continue;
      Feature f = feature(l, nu, pattern, a);
      if (f == null) continue;
      for (Branch above : value(l + 1, finite(f.table()))) {
        MinMax v = f.cost().max(compose(above.terms(), l + 1, f.table())).pruned(box);
        for (List<Affine> t : v.branches()) {
          Branch b = eliminate(f.parameter(), t, f.constraints(), above, pattern);
          if (b != null) out.add(b);
        }
      }
    }
  }

  /** Layer l acting with a pattern on He_a: its parameter, cost, constraints and the table it hands up. */
  private record Feature(String parameter, MinMax cost, List<Affine> constraints, MinMax[] table) {}

  /**
   * The feature choice a of a pattern at layer l, or null when its spike reaches no tracked
   * degree. Bounds the parameter in the box by its constraints, and by a cost no larger than
   * {@link #reached} when there is one.
   */
  private Feature feature(int l, MinMax[] nu, String pattern, int a) {
    KindFacts kind = kinds.get(l);
    Affine width = kind.units();
    String var = EnergyBuilder.variableName(model, templates.parameter(pattern), l);
    Affine p = Affine.var(var);
    box.set(var, null, null);
    List<Affine> constraints = templates.constraints(kind.kind(), pattern, p, width, nu[a]);
    for (Affine g : constraints) {
      if (mentionsNorm(g)) throw new Unsupported("the constraint " + g + " of " + pattern + " involves a norm");
      box.narrowBy(g);
    }
    MinMax cost = EnergyBuilder.weighted(templates.cost(kind.kind(), pattern, p, kind.weightVectors(), nu[a]), costWeight);
    if (reached != null && cost.branches().size() == 1) {
      for (Affine t : cost.branches().get(0)) box.narrowBy(model.tied(t).times(Q.MINUS_ONE).plus(Affine.constant(reached)), var);
      // the box's bound is a constraint too: beyond it the cost alone exceeds the energy reached
      Q hi = box.max(p);
      if (hi != null) {
        constraints = new ArrayList<>(constraints);
        constraints.add(Affine.constant(hi).minus(p));
      }
    }
    MinMax spike = templates.spike(kind.kind(), pattern, p, width, nu[a]);
    MinMax[] next = tables.acting(l, a, nu, pattern, p, spike, !templates.feedIsIdentity(pattern));
    return next == null ? null : new Feature(var, cost, constraints, next);
  }

  /** min over p of max(terms) under p's constraints (null where p's range is empty at the tied scales). */
  private Branch eliminate(String p, List<Affine> terms, List<Affine> constraints, Branch above, String pattern) {
    Elimination.Result r = Elimination.minOver(p, terms, constraints);
    if (r.unbounded()) throw new Unsupported("the energy falls without bound in " + p);
    List<Affine> domain = new ArrayList<>(above.domain());
    domain.addAll(r.conditions());
    List<Affine> tied = tiedDomain(domain);
    return tied == null ? null : new Branch(r.terms(), tied, prepend(pattern, above.patterns()), above.nonLazy() + 1);
  }

  /** A domain with tied scales substituted; constant forms are dropped when true, and null is returned when one is false. */
  private List<Affine> tiedDomain(List<Affine> domain) {
    List<Affine> out = new ArrayList<>();
    for (Affine g : domain) {
      Affine t = model.tied(g);
      if (t.isConstant()) {
        if (t.constant().signum() < 0) return null;
      } else if (!out.contains(t)) out.add(t);
    }
    return out;
  }

  /** max(terms) with each symbol nu_j replaced by the table's entry j (entries must enter increasingly). */
  private MinMax compose(List<Affine> terms, int level, MinMax[] table) {
    MinMax out = null;
    for (Affine t : terms) {
      MinMax m = MinMax.of(withoutNorms(t, level));
      for (int j = 0; j <= k; j++) {
        Q c = t.coeff(nu(level, j));
        if (c.signum() == 0) continue;
        if (c.signum() < 0) throw new Unsupported("the norm of He" + j + " enters an energy decreasingly");
        m = m.plus(table[j].times(c));
      }
      out = out == null ? m : out.max(m);
    }
    return out.pruned(box);
  }

  private Affine withoutNorms(Affine t, int level) {
    Affine r = t;
    for (int j = 0; j <= k; j++) r = Elimination.without(r, nu(level, j));
    return r;
  }

  private boolean mentionsNorm(Affine g) {
    for (String v : g.vars()) if (v.startsWith(NU)) return true;
    return false;
  }

  /**
   * Lower bounds on every norm, layer by layer upwards: the input's table exactly, then the least
   * value each entry of a layer's table takes over its patterns, features and parameters, the
   * parameters bounded by their constraints and by a cost no larger than {@link #reached}. Each
   * bound goes into the box, where pruning uses it.
   */
  private void boundNorms() {
    MinMax[] input = tables.baseline(0);
    BitSet mask = finite(input);
    for (int j = 0; j <= k; j++) if (mask.get(j)) box.set(nu(0, j), alternatives.least(input[j]), null);
    for (int l = 0; l < model.layers().size(); l++) {
      MinMax[] nu = symbols(l, mask);
      Q[] lo = new Q[k + 1];
      BitSet next = new BitSet();
      boolean[] unbounded = new boolean[k + 1];
      for (String pattern : patterns) {
        for (MinMax[] t : tablesOf(l, nu, pattern)) {
          for (int j = 0; j <= k; j++) {
            if (t[j].isInfinite()) continue;
            next.set(j);
            Q q = alternatives.least(t[j]);
            if (q == null) unbounded[j] = true;
            else if (lo[j] == null || q.compareTo(lo[j]) < 0) lo[j] = q;
          }
        }
      }
      for (int j = 0; j <= k; j++) if (next.get(j)) box.set(nu(l + 1, j), unbounded[j] ? null : lo[j], null);
      mask = next;
    }
  }

  /** The tables layer l can hand up with one pattern, one per feature; sets the parameter's box. */
  private List<MinMax[]> tablesOf(int l, MinMax[] nu, String pattern) {
    String param = templates.parameter(pattern);
    if (param == null) return List.<MinMax[]>of(tables.lazy(l, nu));
    List<MinMax[]> out = new ArrayList<>();
    for (int a : templates.featureDegrees(k)) {
      if (nu[a].isInfinite()) continue;
      Feature f = feature(l, nu, pattern, a);
      if (f != null) out.add(f.table());
    }
    return out;
  }

  private MinMax[] symbols(int l, BitSet mask) {
    MinMax[] nu = new MinMax[k + 1];
    for (int j = 0; j <= k; j++) nu[j] = mask.get(j) ? MinMax.of(Affine.var(nu(l, j))) : MinMax.INFINITY;
    return nu;
  }

  private static BitSet finite(MinMax[] table) {
    BitSet b = new BitSet();
    for (int j = 0; j < table.length; j++) if (!table[j].isInfinite()) b.set(j);
    return b;
  }

  private static List<String> prepend(String x, List<String> rest) {
    List<String> out = new ArrayList<>(rest.size() + 1);
    out.add(x);
    out.addAll(rest);
    return out;
  }
}
