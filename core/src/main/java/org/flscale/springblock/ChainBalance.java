package org.flscale.springblock;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flscale.math.Affine;
import org.flscale.math.Q;
import org.flscale.rules.RuleBook;
import org.flscale.rules.RuleError;
import org.flscale.rules.ScaleExponent;
import org.flscale.rules.Template;

/**
 * The chain's two boundaries, derived exactly from rules/springblock.m: each rule gives monomials
 * whose exponents (the rules' ScaleExp, affine in the logs of mu, eps, k, L) are set equal and
 * solved over rationals.
 * <ul>
 *   <li>noise: ChainNoiseBalance = {friction term, noise term}; solved for the exponent of eps,
 *       giving eps_* = mu^a k^b L^c (the rules say a = 1, b = c = 0);</li>
 *   <li>friction: ChainCurvature = Min[whole-chain term, last-springs term]; each branch is the
 *       curvature's exponent in its regime, and their balance solved for mu gives mu_* = k^b L^c.</li>
 * </ul>
 */
public record ChainBalance(Affine noiseBoundary, Affine frictionBoundary, List<Affine> curvatureBranches) {
  public static final String MU = "mu", EPS = "eps", K = "k", L = "L";
  private static final Map<String, String> SYMBOLS = Map.of("sbMu", MU, "sbEps", EPS, "sbK", K, "sbBlocks", L);

  public static ChainBalance derive(RuleBook rules) {
    List<Affine> noise = monomials(rules, "Map[ScaleExp, ChainNoiseBalance[sbMu, sbEps, sbK, sbBlocks]]", "ChainNoiseBalance");
    if (noise.size() != 2) throw new RuleError("ChainNoiseBalance[mu, eps, k, blocks] must give two terms {friction, noise}");
    List<Affine> curv = monomials(rules, "ScaleExp[ChainCurvature[sbMu, sbK, sbBlocks]]", "ChainCurvature");
    if (curv.size() != 2) throw new RuleError("ChainCurvature[mu, k, blocks] must be the Min of two monomials");
    return new ChainBalance(solve(noise.get(0), noise.get(1), EPS, "ChainNoiseBalance"),
        solve(curv.get(0), curv.get(1), MU, "ChainCurvature"), curv);
  }

  /** The exponent of eps at the noise boundary per unit exponent of mu (1 by the rules). */
  public Q noiseSlopeInFriction() {
    return noiseBoundary.coeff(MU);
  }

  /** Solves lhs = rhs for the variable: the variable's exponent as an affine form in the others. */
  static Affine solve(Affine lhs, Affine rhs, String var, String rule) {
    Affine diff = lhs.minus(rhs);
    Q c = diff.coeff(var);
    if (c.isZero()) throw new RuleError(rule + ": the balance of its terms does not involve " + var);
    return diff.minus(Affine.var(var).times(c)).times(c.negate().reciprocal());
  }

  /** The rule's terms as exponents: a list, a MinExp or MaxExp of monomials, or one monomial. */
  private static List<Affine> monomials(RuleBook rules, String text, String rule) {
    Template t = rules.template(text);
    List<Affine> out = new ArrayList<>();
    boolean several = t.kind() == Template.Kind.NODE && List.of("List", "MinExp", "MaxExp").contains(t.text());
    for (Template term : several ? t.args() : List.of(t)) out.add(exponent(term, rule));
    return out;
  }

  /** The exponent of one monomial: sums of rational multiples of LogOf[symbol]. */
  private static Affine exponent(Template t, String rule) {
    Affine e = ScaleExponent.of(t, SYMBOLS);
    if (e == null) throw new RuleError(rule + " must give monomials in mu, eps, k and blocks (ScaleExp gave " + t + ")");
    return e;
  }
}
