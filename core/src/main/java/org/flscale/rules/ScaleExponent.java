package org.flscale.rules;

import java.util.Map;
import org.flscale.math.Affine;

/**
 * The exponent of a monomial as a rule's ScaleExp prints it: a rational, LogOf[symbol], sums, and
 * rational multiples of those. The theories beside the core (the adaptive theory, the spring-block
 * chain) read their rules' balances this way, each with its own symbols.
 */
public final class ScaleExponent {
  private ScaleExponent() {}

  /**
   * The exponent as an affine form in the variables the symbols name (symbol -> variable), or null
   * when the template is not such a monomial (the caller says which rule and which symbols).
   */
  public static Affine of(Template t, Map<String, String> symbols) {
    switch (t.kind()) {
      case NUMBER:
        return Affine.constant(t.number());
      case NODE:
        if (t.text().equals("LogOf") && t.args().size() == 1 && symbols.containsKey(t.args().get(0).text())) {
          return Affine.var(symbols.get(t.args().get(0).text()));
        }
        if (t.text().equals("Plus")) {
          Affine sum = Affine.ZERO;
          for (Template a : t.args()) {
            Affine e = of(a, symbols);
            if (e == null) return null;
            sum = sum.plus(e);
          }
          return sum;
        }
        if (t.text().equals("Times") && t.args().size() == 2 && t.args().get(0).kind() == Template.Kind.NUMBER) {
          Affine e = of(t.args().get(1), symbols);
          return e == null ? null : e.times(t.args().get(0).number());
        }
        return null;
      default:
        return null;
    }
  }
}
