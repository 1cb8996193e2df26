package org.flscale.derive;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;
import org.flscale.math.Affine;
import org.flscale.model.ArchModel;
import org.flscale.model.Layer;
import org.flscale.rules.Activation;
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
 *   <li>lazy route (every layer has it): LazyNorm for the degrees the layer can reach, and
 *       ProductNorm of the features below for each way the activation's He_m component can
 *       multiply them into degree j;</li>
 *   <li>a non-lazy pattern acting on the feature He_a: FeedNorm changes the feature's norm as the
 *       layer sees it, SpikeNorm gives every Hermite component of act(He_a) a new norm (the
 *       smaller of spike and lazy route is kept), and PatternCost adds a term to the energy.</li>
 * </ul>
 * The energy is max(costs, a_y) with a_y = ReadoutFactor times nu_L[k]: in exponents, the
 * dominant balance of the sum of the costs and the target's norm.
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
  private final List<Activation> activations = new ArrayList<>();
  private final List<BitSet> reach = new ArrayList<>(); // reach.get(l): degrees of the kernel below layer l+1 (index 0: input)
  private final String lazy;
  /** Bounds on every scale and parameter, to drop alternatives that can never be the minimum. */
  private final Box box = new Box();
  private final java.util.Set<List<Object>> seen = new java.util.HashSet<>();

  EnergyBuilder(ArchModel model, RuleBook rules) {
    this.model = model;
    this.rules = rules;
    this.templates = new Templates(rules);
    this.k = model.target().degree();
    this.dim = symbol(model, model.input().dimension());
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
    int bound = Math.max(2 * k + 2, 8);
    for (Layer layer : model.layers()) {
      Activation act = rules.activation(layer.activation());
      activations.add(act);
      r = DegreeSets.compose(act.degrees(), r, Math.min(bound, RuleBook.MAX_DEGREE));
      reach.add(r);
    }
  }

  /** Degrees reachable by the lazy kernel of each hidden layer (index l = layer l, 0 = input). */
  List<BitSet> reachable() {
    return Collections.unmodifiableList(reach);
  }

  List<Activation> activations() {
    return activations;
  }

  boolean targetReachable() {
    return reach.get(reach.size() - 1).get(k);
  }

  /** Every pattern assignment and feature choice, with its energy, in depth-first order. */
  List<Energy> all(List<String> patterns) {
    List<Energy> out = new ArrayList<>();
    MinMax[] nu0 = new MinMax[k + 1];
    for (int j = 0; j <= k; j++) nu0[j] = MinMax.INFINITY;
    nu0[1] = templates.inputNorm(dim);
    dfs(0, nu0, new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), patterns, out);
    return out;
  }

  private void dfs(int l, MinMax[] nu, List<String> pats, List<Integer> feats, List<MinMax> costs,
      List<Affine> cons, List<String> vars, List<String> varLayers, List<String> patterns, List<Energy> out) {
    if (l == model.layers().size()) {
      Affine width = symbol(model, model.layers().get(l - 1).width());
      MinMax ay = templates.readoutFactor(model.parametrization().name(), width).plus(nu[k]);
      Energy e = new Energy(new PatternAssignment(List.copyOf(pats)), List.copyOf(feats), List.copyOf(costs),
          ay.pruned(box), List.copyOf(cons), List.copyOf(vars), List.copyOf(varLayers));
      // another feature choice of the same assignment with the same energy adds nothing
      if (seen.add(List.of(e.assignment(), e.total(), e.constraints()))) out.add(e);
      return;
    }
    Activation act = activations.get(l);
    Affine width = symbol(model, model.layers().get(l).width());
    for (String pattern : patterns) {
      String param = templates.parameter(pattern);
      if (param == null) {
        descend(l, lazyTable(l, nu), pattern, 0, null, List.of(), nu, pats, feats, costs, cons, vars, varLayers, patterns, out);
        continue;
      }
      String varName = variableName(param, l);
      Affine p = Affine.var(varName);
      box.set(varName, null, null);
      for (Affine g : templates.constraints(pattern, p, width)) box.narrowBy(g);
      for (int a = 1; a <= k; a++) {
        if (nu[a].isInfinite()) continue;
        BitSet comps = DegreeSets.compose(act.degrees(), single(a), k);
        MinMax[] fed = nu.clone();
        fed[a] = templates.feed(pattern, p, nu[a]);
        MinMax[] next = lazyTable(l, fed);
        MinMax spike = templates.spike(pattern, p, width);
        if (!spike.isInfinite()) {
          // The layer carries the feature: each component of act(He_a) has the smaller of the
          // spike's norm and its plain lazy norm (a weak spike does not help). Upstream routes to
          // these degrees do not bypass the layer: that would be another pattern.
          if (comps.isEmpty()) continue;
          for (int j = comps.nextSetBit(0); j >= 0; j = comps.nextSetBit(j + 1)) {
            next[j] = (reach.get(l + 1).get(j) ? spike.min(templates.lazyNorm(j, dim)) : spike).pruned(box);
          }
        }
        MinMax cost = templates.cost(pattern, p, width, nu[a]);
        List<Affine> c = templates.constraints(pattern, p, width);
        descend(l, next, pattern, a, cost, c, nu, pats, feats, costs, cons, vars, varLayers, patterns, out, varName);
      }
    }
  }

  private void descend(int l, MinMax[] next, String pattern, int feature, MinMax cost, List<Affine> newCons,
      MinMax[] nu, List<String> pats, List<Integer> feats, List<MinMax> costs, List<Affine> cons,
      List<String> vars, List<String> varLayers, List<String> patterns, List<Energy> out, String... varName) {
    pats.add(pattern);
    feats.add(feature);
    if (cost != null) costs.add(cost);
    cons.addAll(newCons);
    if (varName.length > 0) {
      vars.add(varName[0]);
      varLayers.add(model.layers().get(l).name());
    }
    dfs(l + 1, next, pats, feats, costs, cons, vars, varLayers, patterns, out);
    pats.remove(pats.size() - 1);
    feats.remove(feats.size() - 1);
    if (cost != null) costs.remove(costs.size() - 1);
    for (int i = 0; i < newCons.size(); i++) cons.remove(cons.size() - 1);
    if (varName.length > 0) {
      vars.remove(vars.size() - 1);
      varLayers.remove(varLayers.size() - 1);
    }
  }

  /**
   * The lazy route of layer l given the norm table of the kernel below: LazyNorm for reachable
   * degrees, and products of features through the activation's He_m components.
   */
  private MinMax[] lazyTable(int l, MinMax[] below) {
    Activation act = activations.get(l);
    BitSet reachable = reach.get(l + 1);
    MinMax[] out = new MinMax[k + 1];
    for (int j = 0; j <= k; j++) {
      MinMax best = reachable.get(j) ? templates.lazyNorm(j, dim) : MinMax.INFINITY;
      best = best.pruned(box);
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
        best = best.min(templates.productNorm(factors)).pruned(box);
      }
      out[j] = best;
    }
    return out;
  }

  /**
   * A product of c features needs an He_m component with m = c, or m > c padded with constant
   * features (degree 0) when the kernel below has them. Returns how many constants, or -1.
   */
  private static int zerosNeeded(Activation act, int c, MinMax[] below) {
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

  private String variableName(String param, int layerIndex) {
    String name = param + (layerIndex + 1);
    while (model.scales().containsKey(name)) name = name + "_";
    return name;
  }
}
