package org.flscale.derive;

import java.util.Map;
import org.flscale.math.Affine;
import org.flscale.math.Q;
import org.flscale.rules.RuleError;
import org.flscale.rules.Template;
import org.flscale.solve.MinMax;

/**
 * A rule's answer in exponents: ScaleExp's output (Plus, Times by a number, LogOf a placeholder,
 * MaxExp, MinExp, numbers, Infinity) turned into a min-max of affine forms, the placeholders bound
 * to the exponents of the call.
 */
final class ExponentTemplate {
  private ExponentTemplate() {}

  /** Turns a ScaleExp result into an exponent, with the placeholders bound. */
  static MinMax instantiate(Template e, Map<String, MinMax> bind, String where) {
    if (e.kind() == Template.Kind.NUMBER) return MinMax.of(Affine.constant(e.number()));
    if (e.isInfinity()) return MinMax.INFINITY;
    if (e.kind() == Template.Kind.NODE) {
      String head = e.text();
      switch (head) {
        case "Plus": {
          MinMax s = MinMax.of(Affine.ZERO);
          for (Template a : e.args()) s = s.plus(instantiate(a, bind, where));
          return s;
        }
        case "Times": {
          Q c = Q.ONE;
          MinMax rest = null;
          for (Template f : e.args()) {
            if (f.kind() == Template.Kind.NUMBER) c = c.multiply(f.number());
            else if (rest == null) rest = instantiate(f, bind, where);
            else throw notLinear(e, where);
          }
          return rest == null ? MinMax.of(Affine.constant(c)) : rest.times(c);
        }
        case "LogOf": {
          MinMax v = bind.get(e.args().get(0).text());
          if (v == null) throw new RuleError(where + " gives a symbol flscale does not know: " + e.args().get(0));
          return v;
        }
        case "MaxExp":
        case "MinExp": {
          MinMax acc = null;
          for (Template a : e.args()) {
            MinMax x = instantiate(a, bind, where);
            acc = acc == null ? x : head.equals("MaxExp") ? acc.max(x) : acc.min(x);
          }
          return acc;
        }
        default:
          break;
      }
    }
    throw notLinear(e, where);
  }

  private static RuleError notLinear(Template e, String where) {
    return new RuleError(where + " is not a sum, product, min or max of monomials in the scales, so dominant balance "
        + "cannot take its exponent (ScaleExp gave " + e + "); keep the leading monomial in the rule");
  }
}
