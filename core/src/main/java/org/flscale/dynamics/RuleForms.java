package org.flscale.dynamics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flscale.math.Affine;
import org.flscale.rules.RuleBook;
import org.flscale.rules.RuleError;
import org.flscale.rules.Template;

/** Asks the rules for an exponent or a list of named conditions, with placeholders standing for the file's monomials. */
final class RuleForms {
  private RuleForms() {}

  static ExponentForm exponent(RuleBook rules, String call, Map<String, Affine> symbols) {
    return ExponentForm.of(rules.template("ScaleExp[" + call + "]"), symbols, head(call));
  }

  /** A list {"name" -> condition, ...}, in the rules' order. */
  static Map<String, Condition> named(RuleBook rules, String call, Map<String, Affine> symbols) {
    Template t = rules.template(call);
    if (t.kind() != Template.Kind.NODE || !t.text().equals("List")) throw new RuleError(head(call) + " must give a list of \"name\" -> condition");
    Map<String, Condition> out = new LinkedHashMap<>();
    for (Template r : t.args()) {
      if (r.kind() != Template.Kind.NODE || !r.text().equals("Rule") || r.args().get(0).kind() != Template.Kind.STRING) {
        throw new RuleError(head(call) + " must give a list of \"name\" -> condition; it gave " + r);
      }
      out.put(r.args().get(0).text(), Condition.of(r.args().get(1), symbols, head(call)));
    }
    return out;
  }

  static List<String> holding(Map<String, Condition> conditions, Map<String, org.flscale.math.Q> free) {
    List<String> out = new ArrayList<>();
    conditions.forEach((k, c) -> {
      if (c.holds(free)) out.add(k);
    });
    return out;
  }

  private static String head(String call) {
    int i = call.indexOf('[');
    return i < 0 ? call : call.substring(0, i);
  }
}
