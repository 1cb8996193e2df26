package org.flscale.derive;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.flscale.math.Affine;
import org.flscale.model.ArchModel;
import org.flscale.model.Layer;
import org.flscale.rules.ActivationContent;
import org.flscale.rules.DegreeSets;
import org.flscale.rules.RuleBook;
import org.flscale.math.Q;
import org.flscale.model.Scale;
import org.flscale.solve.Box;
import org.flscale.solve.MinMax;
import org.flscale.solve.RegionSolver;

/**
 * Builds the energy of every pattern assignment from the rules, layer by layer.
 *
 * <p>The state after layer l is the norm table nu_l[j]: the exponent of the RKHS norm of
 * He_j(w.x) in the layer's output kernel, for j = 0..k (k the target degree). Each layer maps
 * the table below it to its own:
 * <ul>
 *   <li>lazy route (every layer has it): LazyNorm for the degrees the layer can reach (with the
 *       rule LazyLayersPassNorms, also ProductNorm of the norms below through the activation);</li>
 *   <li>a non-lazy pattern acting on the feature He_a of the kernel below: PatternCost adds a term
 *       to the energy; SpikeNorm gives every Hermite component of act(He_a) a new norm (the smaller
 *       of spike and lazy norm is kept); where FeedNorm changes the feature's norm (GFL), the
 *       changed feature enters the activation's products (ProductNorm).</li>
 * </ul>
 * The energy is max(costs, a_y) with a_y = ReadoutFactor times nu_L[k]: in exponents, the
 * dominant balance of the sum of the costs and the target's norm.
 *
 * <p>A layer's kind (rules/layers.m) sets the dimension its units read (claim (iii) in that
 * dimension), the units its patterns act on, the weight vectors a pattern's cost counts, factors on its lazy and spike norms, and whether its
 * pattern acts on a linear score that multiplies a lazy value (attention) instead of on the
 * activation's input. A target term of amplitude c weighs every cost by ComponentCostFactor[c].
 */
final class EnergyBuilder {
  /** One way to learn the target: a pattern assignment with its feature choices and energy. */
  record Energy(PatternAssignment assignment, List<Integer> features, List<MinMax> costs, MinMax targetNorm,
      List<Affine> constraints, List<String> variables, List<String> variableLayers) {
    /** max(costs of the layers in order, a_y): the energy's dominant balance. */
    MinMax total() {
      MinMax e = null;
      for (MinMax c : costs) e = e == null ? c : e.max(c);
      return e == null ? targetNorm : e.max(targetNorm);
    }
  }

  private final ArchModel model;
  private final RuleBook rules;
  private final Templates templates;
  private final int k;
  private final Affine dim;
  private final List<ActivationContent> activations = new ArrayList<>();
  private final List<BitSet> reach = new ArrayList<>(); // reach.get(l): degrees of the kernel below layer l+1 (index 0: input)
  /** Per hidden layer, what its kind's rules say (rules/layers.m). */
  private final List<KindFacts> kinds = new ArrayList<>();
  /** Bounds on every scale and parameter, to drop alternatives that can never be the minimum. */
  private final Box box = new Box();
  /** The rules' lazy pattern (the first of Patterns). */
  private final String lazy;
  private final java.util.Set<List<Object>> seen = new java.util.HashSet<>();
  /** Rule LazyLayersPassNorms of the file's reading: whether lazy layers pass reduced norms of the kernel below on. */
  private final boolean passNorms;
  private final Affine costWeight;

  /**
   * A layer's kind as the rules see it: the dimension its units read, the units a pattern acts on,
   * the factors on its lazy and spike norms, and whether it multiplies a score by a lazy value.
   */
  record KindFacts(String kind, Map<String, Affine> options, Affine dimension, Affine units, Affine weightVectors,
      MinMax lazyDilution, MinMax spikeDilution, String route) {
    boolean scoreValue() {
      return route.equals(ScoreValueRoute.NAME);
    }
  }

  EnergyBuilder(ArchModel model, RuleBook rules) {
    this(model, rules, Affine.ZERO);
  }

  /**
   * @param costWeight exponent of the factor on every cost (a target term of amplitude c is learned
   *     for a likelihood gain c^2 per sample: the rule ComponentCostFactor)
   */
  EnergyBuilder(ArchModel model, RuleBook rules, Affine costWeight) {
    this.model = model;
    this.rules = rules;
    this.templates = new Templates(rules);
    this.costWeight = costWeight;
    this.k = model.target().degree();
    this.dim = symbol(model, model.input().dimension());
    this.passNorms = templates.lazyLayersPassNorms(model.lazyReading());
    this.lazy = rules.knownNames().patterns().get(0);
    for (Scale s : model.scales().values()) {
      if (s.kind() == Scale.Kind.FREE) box.set(s.name(), Q.ZERO, RegionSolver.BOX);
    }
    for (Scale s : model.scales().values()) {
      if (s.kind() == Scale.Kind.TIED) box.set(s.name(), box.min(s.exponent()), box.max(s.exponent()));
    }
    BitSet r = new BitSet();
    r.set(1); // the input kernel x.x' represents the linear features
    reach.add(r);
    int bound = Math.min(Math.max(2 * k + 2, 8), RuleBook.MAX_DEGREE);
    for (Layer layer : model.layers()) {
      ActivationContent act = rules.activationContent(layer.activation());
      activations.add(act);
      KindFacts facts = kindFacts(layer);
      kinds.add(facts);
      if (!facts.route().equals("activation") && !facts.scoreValue()) {
        throw new org.flscale.rules.RuleError("KindRoute[\"" + layer.kind() + "\"] is \"" + facts.route()
            + "\"; flscale knows the routes \"activation\" and \"" + ScoreValueRoute.NAME + "\"");
      }
      r = facts.scoreValue() ? headReach(act, r) : DegreeSets.compose(act.degrees(), r, bound);
      reach.add(r);
    }
  }

  /** A score-times-value head reaches the target's total degree when its route does (ScoreValueRoute). */
  private BitSet headReach(ActivationContent act, BitSet input) {
    BitSet out = new BitSet();
    if (ScoreValueRoute.reaches(model.target().terms().get(0), act, input)) out.set(k);
    return out;
  }

  private KindFacts kindFacts(Layer layer) {
    Map<String, Affine> options = new java.util.LinkedHashMap<>();
    for (var o : layer.options().entrySet()) options.put(o.getKey(), symbol(model, o.getValue()));
    String kind = layer.kind();
    for (var check : templates.kindChecks(kind, dim, options)) {
      if (!tied(check.getValue()).equals(Affine.ZERO)) {
        String shown = check.getKey().replace("==", " == ").replace("*", " ").replace("flDim", model.input().dimension());
        List<String> keys = new ArrayList<>(layer.options().keySet());
        for (int i = keys.size(); i >= 1; i--) shown = shown.replace("flO" + i, layer.options().get(keys.get(i - 1)));
        String why = tied(check.getValue()).isConstant() ? "which its scales do not satisfy"
            : "which cannot hold for every value of a free scale: tie the scales it names to " + model.baseScale();
        throw new org.flscale.parse.ArchError(layer.pos(), "the " + kind + " layer '" + layer.name() + "' needs " + shown
            + " (KindChecks in the rules), " + why);
      }
    }
    return new KindFacts(kind, options, templates.kindDimension(kind, dim, options), templates.kindUnits(kind, options),
        templates.kindWeightVectors(kind, options), templates.lazyDilution(kind, options).pruned(box),
        templates.spikeDilution(kind, options).pruned(box), templates.route(kind));
  }

  /** An exponent with every tied scale replaced by its own exponent. */
  private Affine tied(Affine a) {
    Affine g = a;
    for (Scale s : model.scales().values()) if (s.kind() == Scale.Kind.TIED) g = g.substitute(s.name(), s.exponent());
    return g;
  }

  /** Degrees reachable by the lazy kernel of each hidden layer (index l = layer l, 0 = input). */
  List<BitSet> reachable() {
    return Collections.unmodifiableList(reach);
  }

  List<ActivationContent> activations() {
    return activations;
  }

  boolean targetReachable() {
    return reach.get(reach.size() - 1).get(k);
  }

  /** Every pattern assignment and feature choice, with its energy, in depth-first order. */
  List<Energy> all(List<String> patterns) {
    return all(patterns, () -> {}, TimeLimit.NONE);
  }

  /** As {@link #all(List)}, telling {@code assigned} of each complete assignment and checking the limit. */
  List<Energy> all(List<String> patterns, Runnable assigned, TimeLimit limit) {
    this.assigned = assigned;
    this.limit = limit;
    if (kinds.get(0).scoreValue()) {
      return new ScoreValueRoute(model, templates, kinds.get(0), activations.get(0), box, costWeight, lazy).energies(patterns);
    }
    List<Energy> out = new ArrayList<>();
    dfs(0, baseline(0), Partial.EMPTY, patterns, out);
    return out;
  }

  /** What the layers below the current one have chosen and what they cost. */
  private record Partial(List<String> patterns, List<Integer> features, List<MinMax> costs, List<Affine> constraints,
      List<String> variables, List<String> variableLayers) {
    static final Partial EMPTY = new Partial(List.of(), List.of(), List.of(), List.of(), List.of(), List.of());

    Partial then(String pattern, int feature, MinMax cost, List<Affine> cons, String var, String layer) {
      List<MinMax> c = new ArrayList<>(costs);
      if (cost != null) c.add(cost);
      List<Affine> k = new ArrayList<>(constraints);
      k.addAll(cons);
      List<String> v = new ArrayList<>(variables), vl = new ArrayList<>(variableLayers);
      if (var != null) {
        v.add(var);
        vl.add(layer);
      }
      return new Partial(append(patterns, pattern), append(features, feature), c, k, v, vl);
    }

    private static <X> List<X> append(List<X> list, X x) {
      List<X> out = new ArrayList<>(list);
      out.add(x);
      return out;
    }
  }

  private Runnable assigned = () -> {};
  private final java.util.Set<List<String>> assignments = new java.util.HashSet<>();
  private TimeLimit limit = TimeLimit.NONE;

  private void dfs(int l, MinMax[] nu, Partial partial, List<String> patterns, List<Energy> out) {
    limit.check(() -> "building the energies of " + model.name() + " (" + out.size() + " so far, at a depth-" + model.layers().size()
        + " assignment beginning " + String.join("-", partial.patterns()) + ")");
    if (l == model.layers().size()) {
      if (assignments.add(partial.patterns())) assigned.run();
      String readWidth = model.layers().get(l - 1).width();
      Affine width = readWidth != null ? symbol(model, readWidth) : kinds.get(l - 1).units();
      MinMax ay = templates.readoutFactor(model.parametrization().name(), width).plus(nu[k]);
      Energy e = new Energy(new PatternAssignment(partial.patterns(), lazy), partial.features(), partial.costs(),
          ay.pruned(box), partial.constraints(), partial.variables(), partial.variableLayers());
      // another feature choice of the same assignment with the same energy adds nothing
      if (seen.add(List.of(e.assignment(), e.total(), e.constraints()))) out.add(e);
      return;
    }
    ActivationContent act = activations.get(l);
    KindFacts kind = kinds.get(l);
    Affine width = kind.units();
    String layerName = model.layers().get(l).name();
    for (String pattern : patterns) {
      String param = templates.parameter(pattern);
      if (param == null) {
        MinMax[] next = passNorms ? lazyTable(l, nu) : baseline(l + 1);
        dfs(l + 1, next, partial.then(pattern, 0, null, List.of(), null, null), patterns, out);
        continue;
      }
      String varName = variableName(param, l);
      Affine p = Affine.var(varName);
      box.set(varName, null, null);
      boolean amplifies = !templates.feedIsIdentity(pattern);
      // Each feature the layer can act on: its cost, its constraints and the norm table it leaves.
      List<Integer> feats = new ArrayList<>();
      List<MinMax> featCosts = new ArrayList<>();
      List<List<Affine>> featCons = new ArrayList<>();
      List<MinMax[]> tables = new ArrayList<>();
      for (int a = 1; a <= k; a++) {
        if (nu[a].isInfinite()) continue;
        List<Affine> cons = templates.constraints(kind.kind(), pattern, p, width, nu[a]);
        for (Affine g : cons) box.narrowBy(g);
        MinMax spike = templates.spike(kind.kind(), pattern, p, width, nu[a]);
        MinMax[] next = activationRoute(l, a, nu, pattern, p, spike, amplifies);
        if (next == null) continue; // its spike would reach no degree we track
        feats.add(a);
        featCosts.add(weighted(templates.cost(kind.kind(), pattern, p, kind.weightVectors(), nu[a])));
        featCons.add(cons);
        tables.add(next);
      }
      for (int i = 0; i < feats.size(); i++) {
        if (dominated(i, featCosts, tables)) continue;
        dfs(l + 1, tables.get(i), partial.then(pattern, feats.get(i), featCosts.get(i), featCons.get(i), varName, layerName), patterns, out);
      }
    }
  }

  /**
   * A dense-like layer acting on He_a: the spike reaches the components of act(He_a) (claim (i));
   * an amplified feature enters the activation's products (claim (ii)). Null when the spike
   * would reach no tracked degree.
   */
  private MinMax[] activationRoute(int l, int a, MinMax[] nu, String pattern, Affine p, MinMax spike, boolean amplifies) {
    ActivationContent act = activations.get(l);
    KindFacts kind = kinds.get(l);
    BitSet comps = DegreeSets.compose(act.degrees(), single(a), k);
    if (!spike.isInfinite() && comps.isEmpty()) return null;
    MinMax[] next = baseline(l + 1);
    if (amplifies || passNorms) {
      MinMax[] fed = passNorms ? nu.clone() : baseline(l);
      fed[a] = templates.feed(pattern, p, nu[a]);
      next = lazyTable(l, fed);
    }
    if (!spike.isInfinite()) {
      // each component of act(He_a) has the smaller of the spike's norm and its lazy norm (a weak spike does not help)
      MinMax s = spike.plus(kind.spikeDilution());
      for (int j = comps.nextSetBit(0); j >= 0; j = comps.nextSetBit(j + 1)) {
        next[j] = (reach.get(l + 1).get(j) ? s.min(next[j]) : s).pruned(box);
      }
    }
    return next;
  }

  /** A cost weighed by the target term's amplitude (ComponentCostFactor); null stays null. */
  private MinMax weighted(MinMax cost) {
    return weighted(cost, costWeight);
  }

  static MinMax weighted(MinMax cost, Affine costWeight) {
    return cost == null || costWeight.equals(Affine.ZERO) ? cost : cost.plus(MinMax.of(costWeight));
  }

  /**
   * A feature choice is not worth following when another costs no more and leaves every norm no
   * larger (norms only ever enter costs and a_y increasingly); on an exact tie the first is kept.
   */
  private boolean dominated(int i, List<MinMax> costs, List<MinMax[]> tables) {
    for (int j = 0; j < costs.size(); j++) {
      if (j == i || !below(costs.get(j), costs.get(i)) || !below(tables.get(j), tables.get(i))) continue;
      boolean tie = below(costs.get(i), costs.get(j)) && below(tables.get(i), tables.get(j));
      if (!tie || j < i) return true;
    }
    return false;
  }

  private boolean below(MinMax a, MinMax b) {
    if (a == null || b == null) return a == null;
    if (b.isInfinite()) return true;
    if (a.isInfinite()) return false;
    return a.certainlyBelow(b, box);
  }

  private boolean below(MinMax[] a, MinMax[] b) {
    for (int j = 0; j < a.length; j++) if (!below(a[j], b[j])) return false;
    return true;
  }

  /** Claim (iii): the norm table of a lazy kernel, LazyNorm for every degree it reaches (index 0: the input). */
  private MinMax[] baseline(int l) {
    MinMax[] t = new MinMax[k + 1];
    for (int j = 0; j <= k; j++) {
      if (l == 0) t[j] = j == 1 ? templates.inputNorm(kinds.get(0).dimension()) : MinMax.INFINITY;
      else t[j] = reach.get(l).get(j) ? lazyNorm(l - 1, j) : MinMax.INFINITY;
    }
    return t;
  }

  /** Claim (iii) in the dimension layer l's units read, times the layer's lazy dilution. */
  private MinMax lazyNorm(int l, int j) {
    KindFacts kind = kinds.get(l);
    return templates.lazyNorm(j, kind.dimension()).plus(kind.lazyDilution()).pruned(box);
  }

  /**
   * The lazy route of layer l given the norm table of the kernel below: LazyNorm for reachable
   * degrees, and products of features through the activation's He_m components.
   */
  private MinMax[] lazyTable(int l, MinMax[] below) {
    ActivationContent act = activations.get(l);
    BitSet reachable = reach.get(l + 1);
    MinMax[] out = new MinMax[k + 1];
    for (int j = 0; j <= k; j++) {
      MinMax best = reachable.get(j) ? lazyNorm(l, j) : MinMax.INFINITY;
      for (List<Integer> parts : partitions(j)) {
        int zeros = zerosNeeded(act, parts.size(), below);
        if (zeros < 0) continue;
        List<MinMax> factors = new ArrayList<>();
        boolean finite = true;
        for (int part : parts) {
          factors.add(below[part]);
          finite &= !below[part].isInfinite();
        }
        for (int z = 0; z < zeros; z++) factors.add(below[0]);
        if (!finite || factors.isEmpty()) continue;
        best = best.min(templates.productNorm(factors).plus(kinds.get(l).lazyDilution())).pruned(box);
      }
      out[j] = best;
    }
    return out;
  }

  /**
   * A product of c features needs an He_m component with m = c, or m > c padded with constant
   * features (degree 0) when the kernel below has them. Returns how many constants, or -1.
   */
  private static int zerosNeeded(ActivationContent act, int c, MinMax[] below) {
    if (act.hasDegree(c)) return 0;
    if (below[0].isInfinite()) return -1;
    for (int m = c + 1; m <= RuleBook.MAX_DEGREE; m++) if (act.hasDegree(m)) return m - c;
    return -1;
  }

  /** Partitions of j into positive parts, largest first (j = 0 has the empty partition only if asked). */
  private static List<List<Integer>> partitions(int j) {
    List<List<Integer>> out = new ArrayList<>();
    if (j == 0) return out;
    partition(j, j, new ArrayList<>(), out);
    return out;
  }

  private static void partition(int rest, int max, List<Integer> cur, List<List<Integer>> out) {
    if (rest == 0) {
      out.add(List.copyOf(cur));
      return;
    }
    for (int p = Math.min(rest, max); p >= 1; p--) {
      cur.add(p);
      partition(rest - p, p, cur, out);
      cur.remove(cur.size() - 1);
    }
  }

  /**
   * A scale as it appears in energies: the base is the constant exponent 1, any other scale its
   * own symbol (tied scales are substituted only when solving, so energies read "N/M1").
   */
  static Affine symbol(ArchModel model, String scale) {
    return model.scale(scale).kind() == org.flscale.model.Scale.Kind.BASE ? Affine.constant(1) : Affine.var(scale);
  }

  private static BitSet single(int a) {
    BitSet b = new BitSet();
    b.set(a);
    return b;
  }

  static String variableName(ArchModel model, String param, int layerIndex) {
    String name = param + (layerIndex + 1);
    while (model.scales().containsKey(name)) name = name + "_";
    return name;
  }

  private String variableName(String param, int layerIndex) {
    return variableName(model, param, layerIndex);
  }
}
