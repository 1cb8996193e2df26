package org.flscale.dynamics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flscale.math.Affine;
import org.flscale.math.Q;
import org.flscale.rules.RuleError;
import org.flscale.rules.Template;

/**
 * An exponent as the rules' ScaleExp gives it: affine forms in the logs of the rule's symbols,
 * combined by sums and rational multiples, MaxExp and MinExp. Each placeholder symbol stands for a
 * monomial of the file whose exponent is an affine form over the free scales, so the whole is a
 * piecewise-linear function of the free scales' exponents, evaluated exactly over rationals.
 */
public sealed interface ExponentForm {
  Q at(Map<String, Q> free);

  /** Read from a template; {@code symbols} maps each placeholder to its exponent. */
  static ExponentForm of(Template t, Map<String, Affine> symbols, String rule) {
    switch (t.kind()) {
      case NUMBER:
        return new Lin(Affine.constant(t.number()));
      case NODE: {
        List<ExponentForm> args = new ArrayList<>();
        if (t.text().equals("LogOf") && t.args().size() == 1 && symbols.containsKey(t.args().get(0).text())) {
          return new Lin(symbols.get(t.args().get(0).text()));
        }
        for (Template a : t.args()) args.add(of(a, symbols, rule));
        switch (t.text()) {
          case "Plus": return sum(args);
          case "MaxExp": return new Max(args);
          case "MinExp": return new Min(args);
          case "Times":
            if (args.size() == 2 && args.get(0) instanceof Lin c && c.form().isConstant()) return scaled(args.get(1), c.form().constant());
            break;
          default:
            break;
        }
        break;
      }
      default:
        break;
    }
    throw new RuleError(rule + " must give exponents of monomials (sums, MaxExp, MinExp of LogOf terms); ScaleExp gave " + t);
  }

  private static ExponentForm sum(List<ExponentForm> args) {
    Affine lin = Affine.ZERO;
    List<ExponentForm> rest = new ArrayList<>();
    for (ExponentForm a : args) {
      if (a instanceof Lin l) lin = lin.plus(l.form());
      else rest.add(a);
    }
    if (rest.isEmpty()) return new Lin(lin);
    if (!lin.equals(Affine.ZERO)) rest.add(new Lin(lin));
    return rest.size() == 1 ? rest.get(0) : new Sum(rest);
  }

  private static ExponentForm scaled(ExponentForm x, Q c) {
    if (x instanceof Lin l) return new Lin(l.form().times(c));
    return new Scaled(x, c);
  }

  record Lin(Affine form) implements ExponentForm {
    public Q at(Map<String, Q> free) {
      return form.eval(free);
    }

    @Override
    public String toString() {
      return form.toString();
    }
  }

  record Sum(List<ExponentForm> terms) implements ExponentForm {
    public Q at(Map<String, Q> free) {
      Q s = Q.ZERO;
      for (ExponentForm t : terms) s = s.add(t.at(free));
      return s;
    }

    @Override
    public String toString() {
      return String.join(" + ", terms.stream().map(Object::toString).toList()).replace("+ -", "- ");
    }
  }

  record Scaled(ExponentForm x, Q c) implements ExponentForm {
    public Q at(Map<String, Q> free) {
      return x.at(free).multiply(c);
    }

    @Override
    public String toString() {
      return (c.equals(Q.MINUS_ONE) ? "-" : c + " ") + "(" + x + ")";
    }
  }

  record Max(List<ExponentForm> terms) implements ExponentForm {
    public Q at(Map<String, Q> free) {
      Q m = null;
      for (ExponentForm t : terms) {
        Q v = t.at(free);
        if (m == null || v.compareTo(m) > 0) m = v;
      }
      return m;
    }

    @Override
    public String toString() {
      return "max(" + String.join(", ", terms.stream().map(Object::toString).toList()) + ")";
    }
  }

  record Min(List<ExponentForm> terms) implements ExponentForm {
    public Q at(Map<String, Q> free) {
      Q m = null;
      for (ExponentForm t : terms) {
        Q v = t.at(free);
        if (m == null || v.compareTo(m) < 0) m = v;
      }
      return m;
    }

    @Override
    public String toString() {
      return "min(" + String.join(", ", terms.stream().map(Object::toString).toList()) + ")";
    }
  }
}
