package org.flscale.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.flscale.model.KnownNames;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;

/**
 * The names the evaluated rules declare, read from the Symja session: activations, patterns,
 * parametrizations, input distributions, readings of lazy layers, and the layer kinds with what
 * the parser needs of each.
 */
final class RuleNames {
  private RuleNames() {}

  static KnownNames read(SymjaSession s) {
    Set<String> acts = firstArguments(s, "Activation");
    Set<String> params = firstArguments(s, "ReadoutFactor");
    List<String> patterns = stringList(s, "Patterns");
    Set<String> dists = new LinkedHashSet<>(stringList(s, "InputDistributions"));
    if (acts.isEmpty()) throw new RuleError("the rules define no Activation[\"name\"]");
    if (patterns.isEmpty()) throw new RuleError("the rules define no Patterns = {...}");
    List<String> readings = stringList(s, "LazyLayerReadings");
    if (readings.isEmpty()) throw new RuleError("the rules define no LazyLayerReadings = {...} (rules/kernels.m)");
    return new KnownNames(acts, patterns, params, dists, readKinds(s), readings, RuleBook.MAX_DEGREE);
  }

  /**
   * The layer kinds: every kind the rules give KindOptions (found as activations are, whatever
   * file defines it), dense first, with KindWeights, KindInputOptions, KindOnlyLayer, KindValueActivation.
   */
  private static Map<String, KnownNames.LayerKind> readKinds(SymjaSession s) {
    Map<String, KnownNames.LayerKind> kinds = new LinkedHashMap<>();
    List<String> names = new ArrayList<>(firstArguments(s, "KindOptions"));
    if (names.remove(KnownNames.DEFAULT_KIND)) names.add(0, KnownNames.DEFAULT_KIND);
    for (String kind : names) {
      String q = "\"" + kind + "\"";
      List<String> options = stringList(s, "KindOptions[" + q + "]");
      List<String> weights = stringList(s, "KindWeights[" + q + "]");
      if (options.isEmpty() || weights.isEmpty()) {
        throw new RuleError("layer kind \"" + kind + "\" needs KindOptions[" + q + "] = {...} and KindWeights[" + q
            + "] = {...} in the rules (rules/layers.m)");
      }
      boolean only = s.eval("TrueQ[KindOnlyLayer[" + q + "]]").isTrue();
      List<String> fromInput = stringList(s, "KindInputOptions[" + q + "]");
      IExpr value = s.eval("KindValueActivation[" + q + "]");
      String valueAct = value.isString() ? value.toString() : null;
      kinds.put(kind, new KnownNames.LayerKind(kind, options, fromInput, weights, only, valueAct));
    }
    if (!kinds.containsKey(KnownNames.DEFAULT_KIND)) {
      throw new RuleError("the rules define no layer kind \"" + KnownNames.DEFAULT_KIND + "\" (KindOptions[\"dense\"] in rules/layers.m)");
    }
    return kinds;
  }

  /** The string first arguments of the definitions of {@code head}, e.g. Activation["erf"] = ... */
  static Set<String> firstArguments(SymjaSession s, String head) {
    IExpr dv = s.eval("DownValues[" + head + "]");
    Set<String> out = new TreeSet<>();
    if (dv instanceof IAST list) {
      for (int i = 1; i < list.size(); i++) {
        // each definition is HoldPattern[head["name", ...]] :> value
        IExpr lhs = list.get(i).first();
        if (lhs.isAST() && lhs.head().toString().equals("HoldPattern")) lhs = lhs.first();
        if (lhs instanceof IAST call && call.size() > 1 && call.arg1().isString()) out.add(call.arg1().toString());
      }
    }
    return out;
  }

  static List<String> stringList(SymjaSession s, String symbol) {
    IExpr v = s.eval(symbol);
    List<String> out = new ArrayList<>();
    if (v instanceof IAST list && list.isList()) {
      for (int i = 1; i < list.size(); i++) out.add(list.get(i).toString());
    }
    return out;
  }

}
