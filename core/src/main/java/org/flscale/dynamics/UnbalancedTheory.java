package org.flscale.dynamics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flscale.math.Affine;
import org.flscale.math.Q;
import org.flscale.model.DynamicsSpec;
import org.flscale.rules.RuleBook;

/**
 * What rules/unbalanced.m derive for a file's delta and initial size: the regime and the exponents
 * of the time scales and of the kernel distance.
 */
public record UnbalancedTheory(String deltaSign, ExponentForm learnTime, ExponentForm alignTime, ExponentForm magnitudeTime,
    ExponentForm kernelDistance, Map<String, Condition> regimes) {

  public static UnbalancedTheory derive(DynamicsSpec spec, RuleBook rules) {
    DynamicsSpec.Value delta = spec.entry("delta");
    String sign = delta.sign() > 0 ? "positive" : delta.sign() < 0 ? "negative" : "zero";
    Map<String, Affine> symbols = new LinkedHashMap<>();
    symbols.put("ubD", delta.exponent());
    symbols.put("ubMu", spec.entry("init").exponent());
    symbols.put("ubBeta", spec.entry("beta") == null ? Affine.ZERO : spec.entry("beta").exponent());
    String s = "\"" + sign + "\"";
    return new UnbalancedTheory(sign,
        RuleForms.exponent(rules, "UnbalancedLearnTime[" + s + ", ubD, ubMu, ubBeta]", symbols),
        RuleForms.exponent(rules, "UnbalancedAlignTime[" + s + ", ubD, ubBeta, ubBeta]", symbols),
        RuleForms.exponent(rules, "UnbalancedMagnitudeTime[" + s + ", ubD, ubBeta]", symbols),
        RuleForms.exponent(rules, "UnbalancedKernelDistance[" + s + ", ubD, ubMu, ubBeta]", symbols),
        RuleForms.named(rules, "UnbalancedRegimes[" + s + ", ubD, ubMu, ubBeta]", symbols));
  }

  public String regime(Map<String, Q> free) {
    List<String> r = RuleForms.holding(regimes, free);
    return r.isEmpty() ? "none" : r.get(0);
  }
}
