package org.flscale.derive;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flscale.model.Parametrization;
import org.flscale.math.Q;
import org.flscale.math.Affine;
import org.flscale.rules.RuleBook;
import org.flscale.rules.RuleError;
import org.flscale.solve.MinMax;
import org.flscale.rules.Template;

/**
 * The rules' local formulas as exponent templates. Each formula is evaluated once by Symja with
 * placeholder symbols and passed through the rules' ScaleExp (dominant balance), giving an
 * expression in LogOf[placeholder], MaxExp and MinExp; Java then instantiates it for each layer
 * by putting exponents in place of the placeholders.
 */
final class Templates {
  static final String P = "flP";
  static final String WIDTH = "flWidth";
  static final String CHI = "flChi";
  static final String NU = "flNu";
  static final String DIM = "flDim";

  private final RuleBook rules;

  Templates(RuleBook rules) {
    this.rules = rules;
  }

  /** Name of the pattern's variational parameter, or null for a parameter-free pattern (GP). */
  String parameter(String pattern) {
    Template e = rules.template("PatternParameter[\"" + pattern + "\"]");
    if (e.kind() == Template.Kind.STRING) return e.text();
    if (e.isSymbol("None")) return null;
    throw new RuleError("PatternParameter[\"" + pattern + "\"] must be a string or None, not " + e);
  }

  /** The kind's and pattern's arguments of KindPatternCost, KindSpikeNorm, KindPatternConstraints. */
  private static String patternCall(String rule, String kind, String pattern) {
    return rule + "[\"" + kind + "\", \"" + pattern + "\", flP, flWidth, flNu]";
  }

  /**
   * Cost exponent of the pattern in a layer of the given kind acting on a feature of norm nuIn, or
   * null when the pattern costs nothing (KindPatternCost, by default PatternCost).
   */
  MinMax cost(String kind, String pattern, Affine p, Affine width, MinMax nuIn) {
    String call = patternCall("KindPatternCost", kind, pattern);
    Template e = rules.template("With[{c = " + call + "}, If[c === 0, None, ScaleExp[c]]]");
    if (e.isSymbol("None")) return null;
    return instantiate(e, Map.of(P, leaf(p), WIDTH, leaf(width), NU, nuIn), call);
  }

  MinMax feed(String pattern, Affine p, MinMax nuIn) {
    Template e = rules.template("ScaleExp[FeedNorm[\"" + pattern + "\", flP, flNu]]");
    return instantiate(e, Map.of(P, leaf(p), NU, nuIn), "FeedNorm[\"" + pattern + "\", ...]");
  }

  /** Whether FeedNorm leaves the feature's norm as it is (only then can products be skipped). */
  boolean feedIsIdentity(String pattern) {
    return rules.template("ScaleExp[FeedNorm[\"" + pattern + "\", flP, flNu]] === LogOf[flNu]").isSymbol("True");
  }

  /** Whether lazy layers pass reduced norms of the kernel below on, in the file's reading of claim (iii). */
  boolean lazyLayersPassNorms(String reading) {
    return rules.template("TrueQ[LazyLayersPassNorms[\"" + reading + "\"]]").isSymbol("True");
  }

  /** The norm the pattern's spike gives (KindSpikeNorm, by default SpikeNorm); INFINITY for none. */
  MinMax spike(String kind, String pattern, Affine p, Affine width, MinMax nuIn) {
    String call = patternCall("KindSpikeNorm", kind, pattern);
    return instantiate(rules.template("ScaleExp[" + call + "]"), Map.of(P, leaf(p), WIDTH, leaf(width), NU, nuIn), call);
  }

  /** The pattern's validity constraints as exponents that must be >= 0 (KindPatternConstraints). */
  List<Affine> constraints(String kind, String pattern, Affine p, Affine width, MinMax nuIn) {
    String call = patternCall("KindPatternConstraints", kind, pattern);
    Template e = rules.template("Map[ConstraintExp, " + call + "]");
    if (e.kind() != Template.Kind.NODE || !e.text().equals("List")) {
      throw new RuleError(call + " must be a list of inequalities, got " + e);
    }
    List<Affine> out = new ArrayList<>();
    for (Template c : e.args()) out.add(instantiate(c, Map.of(P, leaf(p), WIDTH, leaf(width), NU, nuIn), call).single());
    return out;
  }

  /** The Hermite degrees the input kernel represents (InputDegrees). */
  List<Integer> inputDegrees() {
    return degrees("InputDegrees", "InputDegrees");
  }

  /** The degrees of its input's features a pattern may act on, for a target of degree k (FeatureDegrees), within 0..k. */
  List<Integer> featureDegrees(int k) {
    return degrees("FeatureDegrees[" + k + "]", "FeatureDegrees[k]").stream().filter(a -> a >= 0 && a <= k).toList();
  }

  /** Whether a product of features may use a higher Hermite component padded with constants. */
  boolean padProductsWithConstants() {
    return rules.template("TrueQ[PadProductsWithConstants]").isSymbol("True");
  }

  private List<Integer> degrees(String expr, String rule) {
    Template e = rules.template(expr);
    List<Integer> out = new ArrayList<>();
    if (e.kind() == Template.Kind.NODE && e.text().equals("List")) {
      for (Template a : e.args()) {
        if (a.kind() != Template.Kind.NUMBER || !a.number().isInteger() || a.number().signum() < 0
            || a.number().compareTo(org.flscale.math.Q.of(RuleBook.MAX_DEGREE)) > 0) {
          throw new RuleError(rule + " must be a list of Hermite degrees (whole numbers from 0 to " + RuleBook.MAX_DEGREE + "), got " + e);
        }
        out.add(a.number().getNumerator().intValueExact());
      }
      return out;
    }
    throw new RuleError(rule + " must be a list of Hermite degrees (whole numbers from 0 to " + RuleBook.MAX_DEGREE + "), got " + e);
  }

  MinMax inputNorm(Affine dim) {
    return instantiate(rules.template("ScaleExp[InputFeatureNorm[flDim]]"), Map.of(DIM, leaf(dim)), "InputFeatureNorm");
  }

  MinMax lazyNorm(int degree, Affine dim) {
    return instantiate(rules.template("ScaleExp[LazyNorm[" + degree + ", flDim]]"), Map.of(DIM, leaf(dim)), "LazyNorm");
  }

  /** The information floor of a target whose directions live in the given dimensions (rules/kernels.m). */
  MinMax informationFloor(List<Affine> dims) {
    return listRule("InformationFloor", dims.stream().map(MinMax::of).toList());
  }

  MinMax productNorm(List<MinMax> factors) {
    return listRule("ProductNorm", factors);
  }

  /** ScaleExp of RULE[{f0, f1, ...}] with the placeholders bound to the given exponents. */
  private MinMax listRule(String rule, List<MinMax> factors) {
    StringBuilder list = new StringBuilder();
    java.util.HashMap<String, MinMax> bind = new java.util.HashMap<>();
    for (int i = 0; i < factors.size(); i++) {
      if (i > 0) list.append(", ");
      list.append("flF").append(i);
      bind.put("flF" + i, factors.get(i));
    }
    return instantiate(rules.template("ScaleExp[" + rule + "[{" + list + "}]]"), bind, rule);
  }

  // ---- layer kinds (rules/layers.m); a kind's rules receive its option scales by name ----

  /** A layer's options as the rules receive them: {"width" -> flO1, ...}, with the placeholders bound. */
  private record Options(String list, Map<String, MinMax> bind) {
    static Options of(Map<String, Affine> options, Affine dim) {
      StringBuilder sb = new StringBuilder("{");
      Map<String, MinMax> bind = new java.util.HashMap<>();
      int i = 0;
      for (var e : options.entrySet()) {
        String ph = "flO" + (++i);
        sb.append(i > 1 ? ", " : "").append('"').append(e.getKey()).append("\" -> ").append(ph);
        bind.put(ph, leaf(e.getValue()));
      }
      if (dim != null) bind.put(DIM, leaf(dim));
      return new Options(sb.append('}').toString(), bind);
    }
  }

  private MinMax kindRule(String rule, String kind, boolean withDim, Map<String, Affine> options, Affine dim) {
    Options o = Options.of(options, withDim ? dim : null);
    String call = rule + "[\"" + kind + "\", " + (withDim ? DIM + ", " : "") + o.list() + "]";
    return instantiate(rules.template("ScaleExp[" + call + "]"), o.bind(), rule + "[\"" + kind + "\", ...] (rules/layers.m)");
  }

  /** The dimension of the vectors the layer's units read. */
  Affine kindDimension(String kind, Affine dim, Map<String, Affine> options) {
    return kindRule("KindDimension", kind, true, options, dim).single();
  }

  /** The units a pattern acts on (the "width" of the pattern rules). */
  Affine kindUnits(String kind, Map<String, Affine> options) {
    return kindRule("KindUnits", kind, false, options, null).single();
  }

  /** The weight vectors a pattern moves (the "width" of PatternCost). */
  Affine kindWeightVectors(String kind, Map<String, Affine> options) {
    return kindRule("KindWeightVectors", kind, false, options, null).single();
  }

  MinMax lazyDilution(String kind, Map<String, Affine> options) {
    return kindRule("LazyDilution", kind, false, options, null);
  }

  MinMax spikeDilution(String kind, Map<String, Affine> options) {
    return kindRule("SpikeDilution", kind, false, options, null);
  }

  /** The norm of the score's order-n feature in a score-times-value kind (ScoreNorm, rules/attention.m). */
  MinMax scoreNorm(String kind, int order, Affine dim, Map<String, Affine> options) {
    Options o = Options.of(options, dim);
    String call = "ScoreNorm[\"" + kind + "\", " + order + ", " + DIM + ", " + o.list() + "]";
    return instantiate(rules.template("ScaleExp[" + call + "]"), o.bind(), call);
  }

  /** How the kind builds its kernel from the one below (KindRoute: "activation" or "score_value"). */
  String route(String kind) {
    Template e = rules.template("KindRoute[\"" + kind + "\"]");
    if (e.kind() != Template.Kind.STRING) throw new RuleError("KindRoute[\"" + kind + "\"] must be a string, got " + e);
    return e.text();
  }

  /**
   * The kind's identities between its option scales: each as the exponent of lhs/rhs (which must
   * vanish), with the identity as the rules write it.
   */
  List<Map.Entry<String, Affine>> kindChecks(String kind, Affine dim, Map<String, Affine> options) {
    Options o = Options.of(options, dim);
    String call = "KindChecks[\"" + kind + "\", " + DIM + ", " + o.list() + "]";
    Template shown = rules.template("Map[ToString, " + call + "]");
    Template e = rules.template("Map[EqualityExp, " + call + "]");
    List<Map.Entry<String, Affine>> out = new ArrayList<>();
    if (e.kind() != Template.Kind.NODE || !e.text().equals("List")) {
      throw new RuleError("KindChecks[\"" + kind + "\", dim, options] must be a list of equalities, got " + e);
    }
    for (int i = 0; i < e.args().size(); i++) {
      MinMax m = instantiate(e.args().get(i), o.bind(), "KindChecks[\"" + kind + "\", ...]");
      out.add(Map.entry(shown.args().get(i).text(), m.single()));
    }
    return out;
  }

  /** The factor on the costs when the target term has amplitude {@code amplitude} (an exponent). */
  Affine componentCostFactor(Affine amplitude) {
    return instantiate(rules.template("ScaleExp[ComponentCostFactor[flAmp]]"), Map.of("flAmp", leaf(amplitude)),
        "ComponentCostFactor").single();
  }

  MinMax readoutFactor(Parametrization parametrization, Affine width) {
    String name = parametrization.name();
    if (parametrization.hasChi()) { // chi = S^q: the file's chi is the rule's third argument
      return instantiate(rules.template("ScaleExp[ReadoutFactor[\"" + name + "\", flWidth, flChi]]"),
          Map.of(WIDTH, leaf(width), CHI, leaf(parametrization.chi())), "ReadoutFactor[\"" + name + "\", ...]");
    }
    return instantiate(rules.template("ScaleExp[ReadoutFactor[\"" + name + "\", flWidth]]"),
        Map.of(WIDTH, leaf(width)), "ReadoutFactor[\"" + name + "\", ...]");
  }

  private static MinMax leaf(Affine a) {
    return MinMax.of(a);
  }

  static MinMax instantiate(Template e, Map<String, MinMax> bind, String where) {
    return ExponentTemplate.instantiate(e, bind, where);
  }
}
