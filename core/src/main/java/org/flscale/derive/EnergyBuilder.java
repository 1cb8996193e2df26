package org.flscale.derive;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;
import org.flscale.math.Affine;
import org.flscale.math.Q;
import org.flscale.model.ArchModel;
import org.flscale.model.Layer;
import org.flscale.model.Scale;
import org.flscale.rules.ActivationContent;
import org.flscale.rules.DegreeSets;
import org.flscale.rules.RuleBook;
import org.flscale.solve.Box;
import org.flscale.solve.MinMax;
import org.flscale.solve.RegionSolver;

/**
 * Builds the energy of every pattern assignment from the rules. It reads each layer's kind
 * ({@link KindFacts}), works out which Hermite degrees each kernel reaches, and hands the
 * enumeration to the route the kinds choose (KindRoute): a chain of layers built layer by layer
 * ({@link LayerChain} over {@link NormTables}), or a score-times-value head ({@link ScoreValueRoute}).
 * The energy is max(costs, a_y) with a_y = ReadoutFactor times the target's norm in the last kernel:
 * in exponents, the dominant balance of the sum of the costs and the target's norm. A target term
 * of amplitude c weighs every cost by ComponentCostFactor[c].
 */
final class EnergyBuilder {
  /** Above this many pattern assignments, equivalent partial assignments are merged (LayerChain). */
  static final long MERGE_ABOVE = 256;

  private final ArchModel model;
  private final Templates templates;
  private final int k;
  private final List<ActivationContent> activations = new ArrayList<>();
  private final List<BitSet> reach = new ArrayList<>(); // reach.get(l): degrees of the kernel below layer l+1 (index 0: input)
  private final List<KindFacts> kinds = new ArrayList<>();
  /** Bounds on every scale and parameter, to drop alternatives that can never be the minimum. */
  private final Box box = new Box();
  /** The rules' lazy pattern (the first of Patterns). */
  private final String lazy;
  private final Affine costWeight;
  private final NormTables tables;
  private int merged;

  EnergyBuilder(ArchModel model, RuleBook rules) {
    this(model, rules, Affine.ZERO);
  }

  /**
   * @param costWeight exponent of the factor on every cost (a target term of amplitude c is learned
   *     for a likelihood gain c^2 per sample: the rule ComponentCostFactor)
   */
  EnergyBuilder(ArchModel model, RuleBook rules, Affine costWeight) {
    this.model = model;
    this.templates = new Templates(rules);
    this.costWeight = costWeight;
    this.k = model.target().degree();
    this.lazy = rules.knownNames().patterns().get(0);
    for (Scale s : model.scales().values()) {
      if (s.kind() == Scale.Kind.FREE) box.set(s.name(), Q.ZERO, RegionSolver.BOX);
    }
    for (Scale s : model.scales().values()) {
      if (s.kind() == Scale.Kind.TIED) box.set(s.name(), box.min(s.exponent()), box.max(s.exponent()));
    }
    BitSet r = new BitSet();
    for (int j : templates.inputDegrees()) r.set(j); // the input kernel x.x' represents the linear features (InputDegrees)
    reach.add(r);
    int bound = Math.min(Math.max(2 * k + 2, 8), RuleBook.MAX_DEGREE);
    for (Layer layer : model.layers()) {
      ActivationContent act = rules.activationContent(layer.activation());
      activations.add(act);
      KindFacts facts = KindFacts.of(layer, model, templates, box);
      kinds.add(facts);
      r = facts.scoreValue() ? headReach(act, r) : DegreeSets.compose(act.degrees(), r, bound);
      reach.add(r);
    }
    this.tables = new NormTables(templates, k, activations, kinds, reach, box, templates.lazyLayersPassNorms(model.lazyReading()));
  }

  /** A score-times-value head reaches the target's total degree when its route does (ScoreValueRoute). */
  private BitSet headReach(ActivationContent act, BitSet input) {
    BitSet out = new BitSet();
    if (ScoreValueRoute.reaches(model.target().terms().get(0), act, input)) out.set(k);
    return out;
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

  /** How many partial assignments the last {@link #all} merged into equivalent ones. */
  int merged() {
    return merged;
  }

  /** Every pattern assignment and feature choice, with its energy, in the patterns' order layer by layer. */
  List<Energy> all(List<String> patterns) {
    return all(patterns, () -> {}, TimeLimit.NONE, MERGE_ABOVE);
  }

  /**
   * As {@link #all(List)}, telling {@code assigned} of each complete assignment and checking the
   * limit; equivalent partial assignments are merged when there are more than {@code mergeAbove}
   * assignments (Long.MAX_VALUE: never).
   */
  List<Energy> all(List<String> patterns, Runnable assigned, TimeLimit limit, long mergeAbove) {
    return energies(patterns, null, assigned, limit, mergeAbove);
  }

  /** As {@link #all(List, Runnable, TimeLimit, long)}, for only the given assignments (null: all). */
  List<Energy> energies(List<String> patterns, java.util.Set<List<String>> only, Runnable assigned, TimeLimit limit, long mergeAbove) {
    if (kinds.get(0).scoreValue()) {
      return new ScoreValueRoute(model, templates, kinds.get(0), activations.get(0), box, costWeight, lazy).energies(patterns);
    }
    boolean merge = only == null && Math.pow(patterns.size(), model.layers().size()) > mergeAbove;
    LayerChain chain = new LayerChain(model, templates, tables, kinds, box, costWeight, lazy, merge);
    if (only != null) chain.only(only);
    List<Energy> out = chain.energies(patterns, assigned, limit);
    merged = chain.merged();
    return out;
  }

  /** The top-down dynamic programme over the chain's layers, or null for a score-times-value head. */
  ValueRecursion recursion(List<String> patterns, TimeLimit limit) {
    if (kinds.get(0).scoreValue()) return null;
    return new ValueRecursion(model, templates, tables, kinds, box, costWeight, patterns, limit);
  }

  /** A cost weighed by the target term's amplitude (ComponentCostFactor); null stays null. */
  static MinMax weighted(MinMax cost, Affine costWeight) {
    return cost == null || costWeight.equals(Affine.ZERO) ? cost : cost.plus(MinMax.of(costWeight));
  }

  /**
   * A scale as it appears in energies: the base is the constant exponent 1, any other scale its
   * own symbol (tied scales are substituted only when solving, so energies read "N/M1").
   */
  static Affine symbol(ArchModel model, String scale) {
    return model.scale(scale).kind() == Scale.Kind.BASE ? Affine.constant(1) : Affine.var(scale);
  }

  /** The name of layer {@code layerIndex}'s parameter (M2, beta3), kept apart from the scales' names. */
  static String variableName(ArchModel model, String param, int layerIndex) {
    String name = param + (layerIndex + 1);
    while (model.scales().containsKey(name)) name = name + "_";
    return name;
  }
}
