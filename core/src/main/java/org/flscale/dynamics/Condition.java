package org.flscale.dynamics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flscale.math.Affine;
import org.flscale.math.Q;
import org.flscale.rules.RuleError;
import org.flscale.rules.Template;

/** A region's condition as the rules write it: DynPositive / DynZero of exponents, And, Or, Not. */
public sealed interface Condition {
  boolean holds(Map<String, Q> free);

  static Condition of(Template t, Map<String, Affine> symbols, String rule) {
    if (t.isSymbol("True")) return new Const(true);
    if (t.isSymbol("False")) return new Const(false);
    if (t.kind() == Template.Kind.NODE) {
      List<Template> a = t.args();
      switch (t.text()) {
        case "DynPositive": return new Sign(ExponentForm.of(a.get(0), symbols, rule), 1);
        case "DynZero": return new Sign(ExponentForm.of(a.get(0), symbols, rule), 0);
        case "Not": return new Not(of(a.get(0), symbols, rule));
        case "And": case "Or": {
          List<Condition> parts = new ArrayList<>();
          for (Template x : a) parts.add(of(x, symbols, rule));
          return new Junction(t.text().equals("And"), parts);
        }
        default: break;
      }
    }
    throw new RuleError(rule + " must give conditions built from ExpAbove, ExpSame, And, Or, Not; it gave " + t);
  }

  record Const(boolean value) implements Condition {
    public boolean holds(Map<String, Q> free) {
      return value;
    }
  }

  /** The exponent is positive (sign 1) or zero (sign 0). */
  record Sign(ExponentForm exponent, int sign) implements Condition {
    public boolean holds(Map<String, Q> free) {
      return exponent.at(free).signum() == sign;
    }
  }

  record Not(Condition c) implements Condition {
    public boolean holds(Map<String, Q> free) {
      return !c.holds(free);
    }
  }

  record Junction(boolean and, List<Condition> parts) implements Condition {
    public boolean holds(Map<String, Q> free) {
      for (Condition c : parts) if (c.holds(free) != and) return !and;
      return and;
    }
  }
}
