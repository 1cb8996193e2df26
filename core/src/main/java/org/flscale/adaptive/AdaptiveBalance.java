package org.flscale.adaptive;

import java.util.List;
import org.flscale.math.Affine;
import org.flscale.math.Q;
import org.flscale.rules.RuleBook;
import org.flscale.rules.RuleError;

/**
 * The adaptive theory's scalings, derived exactly from rules/adaptive.m by dominant balance. Every
 * field is an exponent (an affine form over the exponents of N, P, d, chi), never an answer written
 * here: the rules give the terms of the saddle and of the spike; this class only takes the dominant
 * term of a sum, sets two terms equal and solves the linear equation over rationals.
 * <ul>
 *   <li>{@code shift}: Q - 1 from KernelShiftTerms = {restoring, data pull, fluctuation pull}:
 *       the restoring term balances the larger pull;</li>
 *   <li>{@code adaptSamples}: the P at which that shift becomes O(1) (exponent 0);</li>
 *   <li>{@code treeError}: the fluctuation pull over the pull that sets the shift: the relative error
 *       of dropping the log-determinant (tree level); 0 means the error is as large as the effect;</li>
 *   <li>{@code largeQ}: Q beyond the crossover, from KernelLargeTerms (prior against the data pull),
 *       valid while {@code largeQValid} >= 0 (the fluctuation pull stays below);</li>
 *   <li>{@code spikeLazy}, {@code spikeAdapted}: TeacherSpike with Q = 1 and with Q = largeQ;</li>
 *   <li>{@code regime}: AdaptiveRegime's conditions, each an exponent that must be >= 0.</li>
 * </ul>
 * The ordering of two terms assumes every symbol's exponent is >= 0 (N, P, d >= 1 and chi >= 1).
 */
public record AdaptiveBalance(Affine dataPull, Affine fluctuationPull, boolean pullsTie, Affine shift, Affine adaptSamples,
    Affine treeError, Affine treeShiftError, Affine largeQ, Affine largeQValid, Affine spike, Affine spikeLazy,
    Affine spikeAdapted, List<Affine> regime) {
  public static final String N = "N", P = "P", D = "d", CHI = "chi", KSCALE = "Q", DELTA = "delta", KAPPA = "kappa";

  public static AdaptiveBalance derive(RuleBook rules) {
    RuleMonomials m = new RuleMonomials(rules);
    List<Affine> shiftTerms = m.terms("KernelShiftTerms[adN, adP, adChi, adDelta]", "KernelShiftTerms", 3);
    List<Affine> largeTerms = m.terms("KernelLargeTerms[adN, adP, adChi, adQ]", "KernelLargeTerms", 3);
    Affine spike = m.monomial("TeacherSpike[adN, adP, adD, adChi, adQ]", "TeacherSpike");
    List<Affine> regime = m.constraints("AdaptiveRegime[adN, adP, adD, adChi, adQ, adKappa]", "AdaptiveRegime");

    Affine restoring = shiftTerms.get(0), data = shiftTerms.get(1), fluct = shiftTerms.get(2);
    Affine pull = larger(data, fluct, "KernelShiftTerms");
    boolean tie = data.equals(fluct);
    Affine shift = solve(restoring, pull, DELTA, "KernelShiftTerms");
    Affine adapt = solve(shift, Affine.ZERO, P, "KernelShiftTerms");
    Affine treeError = fluct.minus(pull);
    Affine treeShift = solve(restoring, fluct, DELTA, "KernelShiftTerms");

    Affine largeQ = solve(largeTerms.get(0), largeTerms.get(1), KSCALE, "KernelLargeTerms");
    Affine largeValid = largeTerms.get(1).minus(largeTerms.get(2)).substitute(KSCALE, largeQ);
    return new AdaptiveBalance(data, fluct, tie, shift, adapt, treeError, treeShift, largeQ, largeValid, spike,
        spike.substitute(KSCALE, Affine.ZERO), spike.substitute(KSCALE, largeQ), regime);
  }

  /** The larger of two exponents when every symbol's exponent is >= 0; the rules must fix the order. */
  static Affine larger(Affine a, Affine b, String rule) {
    if (dominates(a, b)) return a;
    if (dominates(b, a)) return b;
    throw new RuleError(rule + ": neither " + a + " nor " + b + " dominates for all scales >= 1; flscale cannot order them");
  }

  /** a >= b for every point with non-negative exponents. */
  static boolean dominates(Affine a, Affine b) {
    Affine diff = a.minus(b);
    if (diff.constant().signum() < 0) return false;
    for (Q c : diff.coeffs().values()) if (c.signum() < 0) return false;
    return true;
  }

  /** Solves lhs = rhs for the variable: its exponent as an affine form in the others. */
  static Affine solve(Affine lhs, Affine rhs, String var, String rule) {
    Affine diff = lhs.minus(rhs);
    Q c = diff.coeff(var);
    if (c.isZero()) throw new RuleError(rule + " (rules/adaptive.m): the balance of its terms does not involve " + var);
    return diff.minus(Affine.var(var).times(c)).times(c.negate().reciprocal());
  }
}
