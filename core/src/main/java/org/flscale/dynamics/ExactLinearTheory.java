package org.flscale.dynamics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flscale.math.Affine;
import org.flscale.math.Q;
import org.flscale.model.DynamicsSpec;
import org.flscale.rules.RuleBook;

/**
 * What rules/exact_linear.m derive for a file's scalings: the exponent of the controlling ratio R,
 * of the NTK's relative change, the phase and the mechanisms, as exact rationals at any point of the
 * free scales' exponents.
 */
public record ExactLinearTheory(ExponentForm ratio, ExponentForm change, Map<String, Condition> regimes,
    Map<String, Condition> mechanisms) {
  static final String ARGS = "[elSu2, elSw2, elKappa, elRatio, elWidth, elTarget]";

  public static ExactLinearTheory derive(DynamicsSpec spec, RuleBook rules) {
    Map<String, Affine> symbols = new LinkedHashMap<>();
    symbols.put("elSu2", spec.entry("init u").exponent());
    symbols.put("elSw2", spec.entry("init w").exponent());
    symbols.put("elKappa", spec.entry("output_scale").exponent());
    symbols.put("elRatio", spec.entry("lr_ratio").exponent());
    symbols.put("elWidth", spec.entry("width").exponent());
    symbols.put("elTarget", spec.entry("beta") == null ? Affine.ZERO : spec.entry("beta").exponent());
    return new ExactLinearTheory(RuleForms.exponent(rules, "ExactLinearRatio" + ARGS, symbols),
        RuleForms.exponent(rules, "ExactLinearKernelChange" + ARGS, symbols),
        RuleForms.named(rules, "ExactLinearRegimes" + ARGS, symbols),
        RuleForms.named(rules, "ExactLinearMechanisms" + ARGS, symbols));
  }

  public String regime(Map<String, Q> free) {
    List<String> r = RuleForms.holding(regimes, free);
    return r.isEmpty() ? "none" : r.get(0);
  }

  public List<String> mechanisms(Map<String, Q> free) {
    return RuleForms.holding(mechanisms, free);
  }
}
