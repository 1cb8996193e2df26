package org.flscale.derive;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.flscale.math.Affine;
import org.flscale.model.ArchModel;
import org.flscale.model.Target;
import org.flscale.rules.ActivationContent;
import org.flscale.rules.DegreeSets;
import org.flscale.solve.Box;
import org.flscale.solve.MinMax;

/**
 * The route "score_value" of a layer kind (KindRoute, rules/attention.m): a score bilinear in a
 * query and a key token times a value of the key token, the whole network. A target term of degree
 * n in the query token and n + j in the key token is reached through the score's order-n feature
 * (ScoreNorm) times the value's He_j (LazyNorm in the kind's dimension), their norms multiplied by
 * ProductNorm and diluted by the kind's LazyDilution; a pattern acts on the score's feature, with
 * the kind's own cost, spike and constraints (KindPatternCost, KindSpikeNorm, KindPatternConstraints)
 * and its spike (or, for an amplifying pattern, the amplified feature) taking the lazy score's place.
 */
final class ScoreValueRoute {
  static final String NAME = "score_value";

  private final ArchModel model;
  private final Templates templates;
  private final KindFacts kind;
  private final Box box;
  private final Affine costWeight;
  private final String lazy;
  private final Target.Term term;
  private final int order;
  private final int valueDegree;

  ScoreValueRoute(ArchModel model, Templates templates, KindFacts kind, ActivationContent values, Box box,
      Affine costWeight, String lazy) {
    this.model = model;
    this.templates = templates;
    this.kind = kind;
    this.box = box;
    this.costWeight = costWeight;
    this.lazy = lazy;
    this.term = model.target().terms().get(0);
    this.order = term.degree(Target.Factor.QUERY);
    this.valueDegree = term.degree(Target.Factor.KEY) - order;
  }

  /** Whether a head whose values have the given activation reaches the term (its key degree exceeds its query degree by a value degree). */
  static boolean reaches(Target.Term term, ActivationContent values, BitSet input) {
    int j = term.degree(Target.Factor.KEY) - term.degree(Target.Factor.QUERY);
    return term.overTokens() && j >= 0 && DegreeSets.compose(values.degrees(), input, j + 1).get(j);
  }

  /** One energy per pattern: the lazy head, and each pattern acting on the score's order-n feature. */
  List<Energy> energies(List<String> patterns) {
    MinMax score = templates.scoreNorm(kind.kind(), order, kind.dimension(), kind.options()).pruned(box);
    MinMax value = templates.lazyNorm(valueDegree, kind.dimension());
    MinMax readout = templates.readoutFactor(model.parametrization(), kind.units());
    MinMax lazyNorm = templates.productNorm(List.of(score, value)).plus(kind.lazyDilution());
    String layer = model.layers().get(0).name();
    List<Energy> out = new ArrayList<>();
    for (String pattern : patterns) {
      String param = templates.parameter(pattern);
      PatternAssignment assignment = new PatternAssignment(List.of(pattern), lazy);
      if (param == null) {
        out.add(new Energy(assignment, List.of(0), List.of(), readout.plus(lazyNorm).pruned(box), List.of(), List.of(),
            List.of()));
        continue;
      }
      if (order == 0) continue; // the score's order-0 part is a constant: no feature for a pattern to act on
      String var = EnergyBuilder.variableName(model, param, 0);
      Affine p = Affine.var(var);
      List<Affine> cons = templates.constraints(kind.kind(), pattern, p, kind.units(), score);
      box.set(var, null, null);
      for (Affine g : cons) box.narrowBy(g);
      MinMax norm = lazyNorm;
      MinMax spike = templates.spike(kind.kind(), pattern, p, kind.units(), score);
      if (!spike.isInfinite()) norm = norm.min(templates.productNorm(List.of(spike.plus(kind.spikeDilution()), value)));
      if (!templates.feedIsIdentity(pattern)) {
        MinMax fed = templates.feed(pattern, p, score).plus(kind.lazyDilution());
        norm = norm.min(templates.productNorm(List.of(fed, value)));
      }
      MinMax cost = EnergyBuilder.weighted(templates.cost(kind.kind(), pattern, p, kind.weightVectors(), score), costWeight);
      out.add(new Energy(assignment, List.of(order), cost == null ? List.of() : List.of(cost),
          readout.plus(norm).pruned(box), cons, List.of(var), List.of(layer)));
    }
    return out;
  }
}
