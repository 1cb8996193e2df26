package org.flscale.rules;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every head flscale asks the rules for, declared once: its arguments, what it answers, whether the
 * rules give it a default, and the file that defines it in the shipped rule set. {@link #check}
 * runs when the rule files are evaluated (not when the cache answers): each kind, pattern,
 * parametrization and reading the rules declare must define the heads it needs, so a missing rule
 * is reported at once, as {@code rules/layers_pooled.m: kind 'pooled_conv' defines no KindDimension},
 * not at derive time. Kind rules receive their options by name, {"width" -> N, ...}.
 */
public final class RuleContract {
  private RuleContract() {}

  /** What a head is defined for: once, or for each name of some kind. */
  public enum Scope { ONCE, ACTIVATION, KIND, PATTERN, PARAMETRIZATION, READING }

  /**
   * @param call the head with its arguments as flscale calls it; for a per-name head the first
   *     argument is the name ("k" a kind, "P" a pattern, ...), and the placeholders are those of
   *     {@link #check}
   * @param required false when the rules give a default every name inherits
   */
  public record Head(String name, Scope scope, String call, boolean required, String file, String meaning) {}

  public static final List<Head> HEADS = List.of(
      new Head("Activation", Scope.ACTIVATION, "Activation[a]", true, "activations.m", "the activation as a pure function of z"),
      new Head("OddPart", Scope.ONCE, "OddPart[f]", true, "hermite.m", "the odd part of an activation, simplified"),
      new Head("EvenPart", Scope.ONCE, "EvenPart[f]", true, "hermite.m", "the even part"),
      new Head("PolynomialPartQ", Scope.ONCE, "PolynomialPartQ[p]", true, "hermite.m", "whether a part is a polynomial in z"),
      new Head("PolynomialCoefficients", Scope.ONCE, "PolynomialCoefficients[p]", true, "hermite.m", "its coefficients in z"),
      new Head("ScaleExp", Scope.ONCE, "ScaleExp[expr]", true, "exponents.m", "the exponent of a monomial, a sum (MaxExp), a minimum (MinExp)"),
      new Head("ConstraintExp", Scope.ONCE, "ConstraintExp[a <= b]", true, "exponents.m", "an inequality as an exponent that must be >= 0"),
      new Head("EqualityExp", Scope.ONCE, "EqualityExp[a == b]", true, "exponents.m", "an identity as an exponent that must vanish"),
      new Head("InputDistributions", Scope.ONCE, "InputDistributions", true, "parametrizations.m", "the input distributions"),
      new Head("InputDegrees", Scope.ONCE, "InputDegrees", true, "kernels.m", "the Hermite degrees the input kernel represents"),
      new Head("PadProductsWithConstants", Scope.ONCE, "PadProductsWithConstants", true, "kernels.m",
          "whether a product may use a higher Hermite component padded with constants"),
      new Head("FeatureDegrees", Scope.ONCE, "FeatureDegrees[k]", true, "patterns.m", "the degrees a pattern may act on, target degree k"),
      new Head("InputFeatureNorm", Scope.ONCE, "InputFeatureNorm[dim]", true, "kernels.m", "the linear feature's norm in the input kernel"),
      new Head("LazyNorm", Scope.ONCE, "LazyNorm[j, dim]", true, "kernels.m", "He_j's norm through lazy layers (claim iii)"),
      new Head("ProductNorm", Scope.ONCE, "ProductNorm[{nu1, nu2, ...}]", true, "kernels.m", "the norm of a product of features (claim ii)"),
      new Head("ComponentCostFactor", Scope.ONCE, "ComponentCostFactor[c]", true, "kernels.m", "the weight on the costs of a term of amplitude c"),
      new Head("InformationFloor", Scope.ONCE, "InformationFloor[{dim1, ...}]", true, "kernels.m", "the samples needed to pin the target's directions down"),
      new Head("LazyLayerReadings", Scope.ONCE, "LazyLayerReadings", true, "kernels.m", "the readings of claim (iii), the first the default"),
      new Head("LazyLayersPassNorms", Scope.READING, "LazyLayersPassNorms[r]", true, "kernels.m", "whether a lazy layer passes on the norms below"),
      new Head("ReadoutFactor", Scope.PARAMETRIZATION, "ReadoutFactor[m, width]", true, "parametrizations.m", "the factor on a_y"),
      new Head("Patterns", Scope.ONCE, "Patterns", true, "patterns.m", "the patterns, in the tie-breaking order; the first is the lazy one"),
      new Head("PatternParameter", Scope.PATTERN, "PatternParameter[P]", true, "patterns.m", "the name of the pattern's parameter, or None"),
      new Head("PatternCost", Scope.PATTERN, "PatternCost[P, p, width, nu]", true, "patterns.m", "the cost a pattern adds"),
      new Head("FeedNorm", Scope.PATTERN, "FeedNorm[P, p, nu]", false, "patterns.m", "the feature's norm as the layer's activation sees it"),
      new Head("SpikeNorm", Scope.PATTERN, "SpikeNorm[P, p, width]", false, "patterns.m", "the norm the pattern's spike gives (Infinity: none)"),
      new Head("PatternConstraints", Scope.PATTERN, "PatternConstraints[P, p, width]", true, "patterns.m", "the parameter's validity"),
      new Head("KindPatternCost", Scope.KIND, "KindPatternCost[k, P, p, width, nu]", false, "patterns.m", "a kind's own cost of a pattern"),
      new Head("KindSpikeNorm", Scope.KIND, "KindSpikeNorm[k, P, p, width, nu]", false, "patterns.m", "a kind's own spike of a pattern"),
      new Head("KindPatternConstraints", Scope.KIND, "KindPatternConstraints[k, P, p, width, nu]", false, "patterns.m", "a kind's own constraints"),
      new Head("KindOptions", Scope.KIND, "KindOptions[k]", true, "layers.m", "the options a layer takes, each naming a scale; declares the kind"),
      new Head("KindWeights", Scope.KIND, "KindWeights[k]", true, "layers.m", "what the weights named before the input stand for"),
      new Head("KindInputOptions", Scope.KIND, "KindInputOptions[k]", false, "layers.m", "options taken from the input statement"),
      new Head("KindOnlyLayer", Scope.KIND, "KindOnlyLayer[k]", false, "layers.m", "covered only as the network's one hidden layer"),
      new Head("KindValueActivation", Scope.KIND, "KindValueActivation[k]", false, "layers.m", "for a whole-network kind, its values' activation"),
      new Head("KindRoute", Scope.KIND, "KindRoute[k]", false, "layers.m", "how the kernel is built: \"activation\" or \"score_value\""),
      new Head("KindChecks", Scope.KIND, "KindChecks[k, dim, o]", false, "layers.m", "identities between the option scales"),
      new Head("KindDimension", Scope.KIND, "KindDimension[k, dim, o]", true, "layers.m", "the dimension the units read"),
      new Head("KindUnits", Scope.KIND, "KindUnits[k, o]", true, "layers.m", "the units of claim (i)"),
      new Head("KindWeightVectors", Scope.KIND, "KindWeightVectors[k, o]", false, "layers.m", "the weight vectors a pattern's cost counts"),
      new Head("LazyDilution", Scope.KIND, "LazyDilution[k, o]", true, "layers.m", "the factor on the lazy kernel's norms"),
      new Head("SpikeDilution", Scope.KIND, "SpikeDilution[k, o]", true, "layers.m", "the factor on a spike's norms"),
      new Head("ScoreNorm", Scope.KIND, "ScoreNorm[k, n, dim, o]", false, "attention.m", "for the route score_value: the score's order-n feature's norm"));

  /** The head of that name. */
  public static Head head(String name) {
    for (Head h : HEADS) if (h.name().equals(name)) return h;
    throw new IllegalArgumentException("no head " + name + " in the rule contract");
  }

  /**
   * Checks the evaluated rules against the contract. {@code definedIn} maps each kind, pattern and
   * activation to the file that declared it, for the messages.
   */
  static void check(SymjaSession s, KnownNamesView names, Map<String, Path> definedIn) {
    List<String> missing = new ArrayList<>();
    for (Head h : HEADS) {
      if (h.scope() != Scope.ONCE || !h.required()) continue;
      if (s.eval("DownValues[" + h.name() + "] === {} && OwnValues[" + h.name() + "] === {}").isTrue()) {
        missing.add("the rules define no " + h.name() + " (" + h.call() + ": " + h.meaning() + "; shipped in rules/" + h.file() + ")");
      }
    }
    for (String kind : names.kinds()) {
      String q = "\"" + kind + "\"";
      String opts = names.kindOptions(kind);
      List<String> needs = new ArrayList<>(List.of(
          "KindDimension[" + q + ", flDim, " + opts + "]", "KindUnits[" + q + ", " + opts + "]",
          "LazyDilution[" + q + ", " + opts + "]", "SpikeDilution[" + q + ", " + opts + "]", "KindWeights[" + q + "]",
          "KindRoute[" + q + "]", "KindWeightVectors[" + q + ", " + opts + "]", "KindChecks[" + q + ", flDim, " + opts + "]"));
      if (s.eval("KindRoute[" + q + "] === \"score_value\"").isTrue()) needs.add("ScoreNorm[" + q + ", 1, flDim, " + opts + "]");
      for (String call : needs) {
        String head = call.substring(0, call.indexOf('['));
        if (!s.eval("FreeQ[" + call + ", " + head + "]").isTrue()) {
          missing.add(where(definedIn, kind) + ": kind '" + kind + "' defines no " + head + " (" + head(head).call() + ": "
              + head(head).meaning() + ")");
        }
      }
    }
    for (String pattern : names.patterns()) {
      String q = "\"" + pattern + "\"";
      for (String call : List.of("PatternParameter[" + q + "]", "PatternCost[" + q + ", flP, flWidth, flNu]",
          "PatternConstraints[" + q + ", flP, flWidth]", "SpikeNorm[" + q + ", flP, flWidth]", "FeedNorm[" + q + ", flP, flNu]")) {
        String head = call.substring(0, call.indexOf('['));
        if (!s.eval("FreeQ[" + call + ", " + head + "]").isTrue()) {
          missing.add(where(definedIn, pattern) + ": pattern '" + pattern + "' defines no " + head + " (" + head(head).call() + ": "
              + head(head).meaning() + ")");
        }
      }
    }
    for (String reading : names.readings()) {
      if (!s.eval("BooleanQ[LazyLayersPassNorms[\"" + reading + "\"]]").isTrue()) {
        missing.add("rules/kernels.m: the reading '" + reading + "' of LazyLayerReadings defines no LazyLayersPassNorms (True or False)");
      }
    }
    if (!missing.isEmpty()) throw new RuleError(String.join("\n", missing));
  }

  private static String where(Map<String, Path> definedIn, String name) {
    Path p = definedIn.get(name);
    return p == null ? "rules" : p.getParent().getFileName() + "/" + p.getFileName();
  }

  /** What the check needs to know of the names the rules declare. */
  interface KnownNamesView {
    List<String> kinds();

    /** The kind's options as the rules receive them, {"width" -> flO1, ...}. */
    String kindOptions(String kind);

    List<String> patterns();

    List<String> readings();
  }
}
