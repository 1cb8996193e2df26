package org.flscale.adaptive;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flscale.math.Affine;
import org.flscale.rules.RuleBook;
import org.flscale.rules.RuleError;
import org.flscale.rules.ScaleExponent;
import org.flscale.rules.Template;

/**
 * Reads the heads of rules/adaptive.m as exponents: each term is a monomial in the theory's symbols,
 * and ScaleExp (rules/exponents.m) turns it into a sum of rational multiples of LogOf[symbol], which
 * becomes an exact affine form over the symbols' exponents.
 */
final class RuleMonomials {
  /** The symbols the rules are called with, and the names their exponents carry. */
  static final Map<String, String> SYMBOLS = Map.of("adN", AdaptiveBalance.N, "adP", AdaptiveBalance.P, "adD", AdaptiveBalance.D,
      "adChi", AdaptiveBalance.CHI, "adQ", AdaptiveBalance.KSCALE, "adDelta", AdaptiveBalance.DELTA, "adKappa", AdaptiveBalance.KAPPA);

  private final RuleBook rules;

  RuleMonomials(RuleBook rules) {
    this.rules = rules;
  }

  /** A list of monomials, e.g. KernelShiftTerms[...]: one exponent each. */
  List<Affine> terms(String call, String head, int expected) {
    Template t = rules.template("Map[ScaleExp, " + call + "]");
    if (t.kind() != Template.Kind.NODE || !t.text().equals("List")) {
      throw new RuleError(head + " (rules/adaptive.m) must give a list of monomials; it gave " + t);
    }
    if (t.args().size() != expected) {
      throw new RuleError(head + " (rules/adaptive.m) must give " + expected + " terms; it gave " + t.args().size());
    }
    List<Affine> out = new ArrayList<>();
    for (Template a : t.args()) out.add(exponent(a, head));
    return out;
  }

  /** One monomial's exponent. */
  Affine monomial(String call, String head) {
    return exponent(rules.template("ScaleExp[" + call + "]"), head);
  }

  /** A list of constraints a <= b, each as the exponent of b/a (which must be >= 0). */
  List<Affine> constraints(String call, String head) {
    Template t = rules.template("Map[ConstraintExp, " + call + "]");
    if (t.kind() != Template.Kind.NODE || !t.text().equals("List")) {
      throw new RuleError(head + " (rules/adaptive.m) must give a list of inequalities a <= b; it gave " + t);
    }
    List<Affine> out = new ArrayList<>();
    for (Template a : t.args()) out.add(exponent(a, head));
    return out;
  }

  private static Affine exponent(Template t, String head) {
    Affine e = ScaleExponent.of(t, SYMBOLS);
    if (e == null) throw new RuleError(head + " (rules/adaptive.m) must give monomials in n, p, d, chi, q, delta, kappa (ScaleExp gave " + t + ")");
    return e;
  }
}
