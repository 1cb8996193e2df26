package org.flscale.derive;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flscale.math.Affine;
import org.flscale.model.ArchModel;
import org.flscale.model.ArchError;
import org.flscale.model.Layer;
import org.flscale.rules.RuleError;
import org.flscale.solve.Box;
import org.flscale.solve.MinMax;

/**
 * A layer's kind as the rules see it (rules/layers.m): its options by name, the dimension its units
 * read, the units a pattern acts on, the weight vectors a pattern's cost counts, the factors on its
 * lazy and spike norms, and the route by which it builds its kernel.
 */
record KindFacts(String kind, Map<String, Affine> options, Affine dimension, Affine units, Affine weightVectors,
    MinMax lazyDilution, MinMax spikeDilution, String route) {
  static final String ACTIVATION = "activation";

  boolean scoreValue() {
    return route.equals(ScoreValueRoute.NAME);
  }

  /** The layer's facts, after checking the kind's identities between its scales (KindChecks) and its route. */
  static KindFacts of(Layer layer, ArchModel model, Templates templates, Box box) {
    Map<String, Affine> options = new LinkedHashMap<>();
    for (var o : layer.options().entrySet()) options.put(o.getKey(), EnergyBuilder.symbol(model, o.getValue()));
    String kind = layer.kind();
    Affine dim = EnergyBuilder.symbol(model, model.input().dimension());
    for (var check : templates.kindChecks(kind, dim, options)) {
      Affine gap = model.tied(check.getValue());
      if (gap.equals(Affine.ZERO)) continue;
      String shown = check.getKey().replace("==", " == ").replace("*", " ").replace(Templates.DIM, model.input().dimension());
      List<String> keys = List.copyOf(layer.options().keySet());
      for (int i = keys.size(); i >= 1; i--) shown = shown.replace("flO" + i, layer.options().get(keys.get(i - 1)));
      String why = gap.isConstant() ? "which its scales do not satisfy"
          : "which cannot hold for every value of a free scale: tie the scales it names to " + model.baseScale();
      throw new ArchError(layer.pos(), "the " + kind + " layer '" + layer.name() + "' needs " + shown + " (KindChecks in the rules), " + why);
    }
    String route = templates.route(kind);
    if (!route.equals(ACTIVATION) && !route.equals(ScoreValueRoute.NAME)) {
      throw new RuleError("KindRoute[\"" + kind + "\"] is \"" + route + "\"; flscale knows the routes \"" + ACTIVATION + "\" and \""
          + ScoreValueRoute.NAME + "\"");
    }
    return new KindFacts(kind, options, templates.kindDimension(kind, dim, options), templates.kindUnits(kind, options),
        templates.kindWeightVectors(kind, options), templates.lazyDilution(kind, options).pruned(box),
        templates.spikeDilution(kind, options).pruned(box), route);
  }
}
