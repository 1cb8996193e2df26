package org.flscale.parse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.antlr.v4.runtime.Token;
import org.flscale.math.Q;
import org.flscale.math.Rationals;
import org.flscale.model.ArchError;
import org.flscale.model.Input;
import org.flscale.model.KnownNames;
import org.flscale.model.Scale;
import org.flscale.model.SourcePos;
import org.flscale.model.Target;
import org.flscale.parse.gen.ArchParser;

/** Reads a target statement: sums of products of Hermite polynomials of named directions, on the input or its tokens. */
final class TargetReader extends StatementReader {
  private static final Pattern HERMITE = Pattern.compile("He(\\d+)");

  TargetReader(Positions at, KnownNames known, Map<String, Scale> scales, String base, Input input) {
    super(at, known, scales, base, input);
  }

  /** The target statement's terms, each checked; like terms are refused. */
  Target read(ArchParser.TargetStmtContext t) {
    ArchParser.TargetExprContext e = t.targetExpr();
    List<Target.Term> terms = new ArrayList<>();
    Map<java.util.Set<Target.Factor>, Target.Term> seen = new HashMap<>();
    for (int i = 0; i < e.targetTerm().size(); i++) {
      int sign = i > 0 && e.sign.get(i - 1).getText().equals("-") ? -1 : 1;
      Target.Term term = term(e.targetTerm(i), sign);
      Target.Term before = seen.putIfAbsent(java.util.Set.copyOf(term.factors()), term);
      if (before != null) {
        throw new ArchError(term.pos(), "this term has the same Hermite factors as the term at column " + before.pos().column()
            + "; combine like terms into one (a target that cancels is no target)");
      }
      terms.add(term);
    }
    return new Target(t.name.getText(), List.copyOf(terms), pos(t));
  }

  private Target.Term term(ArchParser.TargetTermContext t, int sign) {
    String coefficient = null;
    Q number = null;
    if (t.coef != null) {
      requireScale(t.coef, "coefficient");
      Scale s = scales.get(t.coef.getText());
      if (s.kind() == Scale.Kind.FREE || !s.exponent().isConstant()) {
        throw new ArchError(pos(t.coef), "the coefficient '" + t.coef.getText() + "' must be tied to the base scale, e.g. 'scale "
            + t.coef.getText() + " = " + base + "^(-1/2)': the order in which terms are learned is derived for known amplitudes only");
      }
      coefficient = t.coef.getText();
    }
    if (t.num != null) {
      number = Rationals.parseDecimal(t.num.getText());
      if (number.signum() == 0) throw new ArchError(pos(t.num), "a term with coefficient 0 is no term; leave it out");
    }
    List<Target.Factor> factors = new ArrayList<>();
    Map<String, SourcePos> directions = new HashMap<>();
    for (ArchParser.HermiteContext h : t.hermite()) {
      Matcher m = HERMITE.matcher(h.fn.getText());
      if (!m.matches()) {
        throw new ArchError(pos(h.fn), "unknown target function '" + h.fn.getText()
            + "'; expected a probabilists' Hermite polynomial He<k> with k >= 1, e.g. He3(w . x)");
      }
      if (m.group(1).length() > 6 || Integer.parseInt(m.group(1)) > known.maxDegree()) {
        throw new ArchError(pos(h.fn), "He" + m.group(1) + " is beyond the Hermite degrees flscale tracks (up to He"
            + known.maxDegree() + ")");
      }
      int k = Integer.parseInt(m.group(1));
      if (k < 1) throw new ArchError(pos(h.fn), "He0 is a constant, not a learnable target; use He<k> with k >= 1");
      String token = token(h.arg);
      String dir = h.dir.getText();
      if (dir.equals(input.name())) {
        throw new ArchError(pos(h.dir), "the direction cannot be the input '" + dir + "' itself; name it, e.g. w");
      }
      if (scales.containsKey(dir)) {
        throw new ArchError(pos(h.dir), "'" + dir + "' is a scale; a target direction needs a name of its own, e.g. w or w1");
      }
      if (directions.containsKey(dir + "@" + token)) {
        throw new ArchError(pos(h.dir), "direction '" + dir + "' appears twice in one product; a product of Hermite "
            + "polynomials of one direction is not a Hermite polynomial: expand it (He1 He2 = He3 + 2 He1) into terms");
      }
      directions.put(dir + "@" + token, pos(h.dir)); // one direction on two tokens is two independent features
      factors.add(new Target.Factor(k, dir, token));
    }
    int degree = factors.stream().mapToInt(Target.Factor::degree).sum();
    if (degree > known.maxDegree()) {
      throw new ArchError(pos(t), "the term has total degree " + degree + ", beyond the Hermite degrees flscale tracks (up to "
          + known.maxDegree() + ")");
    }
    return new Target.Term(coefficient, number, sign, List.copyOf(factors), input.name(), pos(t));
  }

  /**
   * The token a target factor reads: null for a one-vector input x; over tokens the query token
   * x_a or the key token x_b of a pair.
   */
  private String token(Token arg) {
    String x = input.name();
    String a = arg.getText();
    if (!input.hasTokens()) {
      if (a.equals(x)) return null;
      if (a.equals(x + "_" + Target.Factor.QUERY) || a.equals(x + "_" + Target.Factor.KEY)) {
        throw new ArchError(pos(arg), "'" + a + "' names a token, but the input '" + x + "' is one vector; an input of tokens is "
            + "written 'input " + x + " : gaussian(" + input.dimension() + ") tokens L'");
      }
      throw new ArchError(pos(arg), "undefined input '" + a + "'; the input is '" + x + "'");
    }
    if (a.equals(x + "_" + Target.Factor.QUERY)) return Target.Factor.QUERY;
    if (a.equals(x + "_" + Target.Factor.KEY)) return Target.Factor.KEY;
    if (a.equals(x)) {
      throw new ArchError(pos(arg), "the input '" + x + "' is " + input.tokens() + " tokens: a target factor reads the query token "
          + x + "_a or the key token " + x + "_b of a pair, e.g. He1(u1 . " + x + "_a) He1(u2 . " + x + "_b)");
    }
    throw new ArchError(pos(arg), "undefined input '" + a + "'; over tokens a factor reads " + x + "_a (query) or " + x + "_b (key)");
  }
}
