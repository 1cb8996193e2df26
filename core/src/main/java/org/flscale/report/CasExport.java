package org.flscale.report;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.flscale.derive.Derivation;
import org.flscale.derive.Piece;
import org.flscale.math.Affine;
import org.flscale.math.Q;
import org.flscale.math.Rationals;

/**
 * The answer P_* / kappa as an expression for a computer algebra system: SymPy ({@code parse_expr})
 * or Mathematica ({@code ToExpression}), regions as Piecewise. Both read the same thing: exact
 * rational powers, the same symbols, the conditions as inequalities between monomials (for d > 1,
 * N <= d is the exponent condition n <= 1). Scale names that the systems reserve (N, D, E, I, ...)
 * get an "s" appended, and a name with '_' loses it (Mathematica reads '_' as a pattern), in both
 * dialects alike; a comment line states every renaming.
 */
public final class CasExport {
  public enum Dialect { SYMPY, MATHEMATICA }

  /** Names built into SymPy's namespace or Mathematica's that a scale is likely to be called. */
  private static final Set<String> RESERVED = Set.of(
      "C", "D", "E", "I", "K", "N", "O", "Q", "S", "CC", "FF", "GF", "QQ", "RR", "ZZ", "EX", "Id", "LC", "LM", "LT",
      "Li", "li", "ln", "re", "im", "pi", "oo", "nan", "zoo", "rf", "ff", "jn", "yn", "beta", "gamma", "zeta", "sqrt",
      "exp", "log", "sin", "cos", "tan", "erf", "sign", "prime", "var", "test", "true", "false", "lambda", "Pi", "Beta",
      "Gamma");

  private final Derivation d;
  private final Dialect dialect;
  private final Map<String, String> symbols = new LinkedHashMap<>();

  private CasExport(Derivation d, Dialect dialect) {
    this.d = d;
    this.dialect = dialect;
    for (String s : d.model().scales().keySet()) symbols.put(s, rename(s, symbols));
  }

  public static String render(Derivation d, Dialect dialect) {
    return new CasExport(d, dialect).render();
  }

  /** The symbols as the export writes them, scale name to symbol. */
  public static Map<String, String> symbols(Derivation d) {
    return Map.copyOf(new CasExport(d, Dialect.SYMPY).symbols);
  }

  private static String rename(String name, Map<String, String> taken) {
    String s = name.replace("_", "");
    if (s.isEmpty()) s = "s";
    while (RESERVED.contains(s) || taken.containsValue(s) || (!s.equals(name) && taken.containsKey(s))) s = s + "s";
    return s;
  }

  private String render() {
    StringBuilder sb = new StringBuilder();
    comment(sb, "flscale: P_*/" + d.model().ridgeName() + " of " + d.model().name() + " (" + d.model().file() + "), "
        + (dialect == Dialect.SYMPY ? "for sympy.parse_expr" : "for ToExpression") + "; exponents are exact");
    List<String> renamed = new ArrayList<>();
    symbols.forEach((from, to) -> {
      if (!from.equals(to)) renamed.add(from + " -> " + to);
    });
    if (!renamed.isEmpty()) comment(sb, "symbols renamed (built-in or not a symbol in SymPy/Mathematica): " + String.join(", ", renamed));
    if (!d.learnable()) {
      comment(sb, "not learnable: " + d.reason());
      return sb.append(dialect == Dialect.SYMPY ? "oo" : "Infinity").append('\n').toString();
    }
    List<Piece> win = new DerivationView(d).ordered(d.winner());
    if (win.size() == 1) return sb.append(monomial(win.get(0).exponent())).append('\n').toString();
    List<String> cases = new ArrayList<>();
    for (Piece p : win) {
      // Python's & binds tighter than >=: each inequality in parentheses
      List<String> parts = p.conditions().stream().map(c -> dialect == Dialect.SYMPY ? "(" + condition(c) + ")" : condition(c)).toList();
      String cond = parts.isEmpty() ? "True" : String.join(dialect == Dialect.SYMPY ? " & " : " && ", parts);
      cases.add(dialect == Dialect.SYMPY ? "(" + monomial(p.exponent()) + ", " + cond + ")"
          : "{" + monomial(p.exponent()) + ", " + cond + "}");
    }
    return sb.append(dialect == Dialect.SYMPY ? "Piecewise(" + String.join(", ", cases) + ")"
        : "Piecewise[{" + String.join(", ", cases) + "}]").append('\n').toString();
  }

  private void comment(StringBuilder sb, String text) {
    sb.append(dialect == Dialect.SYMPY ? "# " + text : "(* " + text.replace("*)", "* )") + " *)").append('\n');
  }

  /** d^c N^a ... for the exponent c + a n + ... of the base: free scales in declaration order, the base last. */
  private String monomial(Affine e) {
    List<String> factors = new ArrayList<>();
    for (String s : d.model().freeScales()) {
      if (e.coeff(s).signum() != 0) factors.add(power(symbols.get(s), e.coeff(s)));
    }
    if (e.constant().signum() != 0) factors.add(power(symbols.get(d.model().baseScale()), e.constant()));
    return factors.isEmpty() ? "1" : String.join("*", factors);
  }

  /**
   * The condition e >= 0 on exponents as monomials, the positive powers on the left: with whole
   * powers, "N**2 >= Ns*d" rather than powers of 1/2.
   */
  private String condition(Affine e) {
    BigInteger lcm = e.constant().getDenominator();
    for (Q c : e.coeffs().values()) lcm = lcm.divide(lcm.gcd(c.getDenominator())).multiply(c.getDenominator());
    Affine whole = e.times(Q.of(lcm));
    Map<String, Q> up = new LinkedHashMap<>(), down = new LinkedHashMap<>();
    for (String s : d.model().freeScales()) split(symbols.get(s), whole.coeff(s), up, down);
    split(symbols.get(d.model().baseScale()), whole.constant(), up, down);
    return product(up) + " >= " + product(down);
  }

  private static void split(String symbol, Q power, Map<String, Q> up, Map<String, Q> down) {
    if (power.signum() > 0) up.put(symbol, power);
    if (power.signum() < 0) down.put(symbol, power.negate());
  }

  private String product(Map<String, Q> factors) {
    if (factors.isEmpty()) return "1";
    List<String> out = new ArrayList<>();
    factors.forEach((s, p) -> out.add(power(s, p)));
    return String.join("*", out);
  }

  private String power(String symbol, Q p) {
    if (p.equals(Q.ONE)) return symbol;
    String op = dialect == Dialect.SYMPY ? "**" : "^";
    String q = Rationals.format(p);
    return symbol + op + (p.isInteger() && p.signum() > 0 ? q : "(" + q + ")");
  }
}
