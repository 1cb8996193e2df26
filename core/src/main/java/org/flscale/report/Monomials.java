package org.flscale.report;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.flscale.math.Q;
import org.flscale.math.Affine;
import org.flscale.math.Rationals;

/**
 * Writes exponents back as monomials in the scales, the way a theorist writes them:
 * the exponent (N + 1)/2 of the base d becomes "(N d)^(1/2)", (2 N2 - N1 - 1)/3 becomes
 * "(N2^2/(N1 d))^(1/3)", an energy term M1 + 1 becomes "M1 d", a condition N - 5 >= 0 becomes
 * "N >= d^5". Symbols are written in the given order (parameters, free scales), the base last.
 */
public final class Monomials {
  private final List<String> order;
  private final String base;

  /** @param order variable names in display order; @param base the base scale's name */
  public Monomials(List<String> order, String base) {
    this.order = List.copyOf(order);
    this.base = base;
  }

  /** A monomial written factor by factor: "M1 d", "N/M1", "beta2 N1/M1". */
  public String term(Affine e) {
    return fraction(factors(e, Q.ONE));
  }

  /** A closed form with a common power pulled out: "(N d)^(1/2)", "d^3", "1". */
  public String closedForm(Affine e) {
    List<Factor> fs = factors(e, Q.ONE);
    if (fs.isEmpty()) return "1";
    // With whole and fractional powers mixed, each factor keeps its own power: "N1 d^(1/3)",
    // "N1/d^(1/3)"; otherwise the common power is pulled out: "(N d)^(1/2)", "(N2^2/(N1 d))^(1/3)".
    boolean someWhole = fs.stream().anyMatch(f -> f.power.isInteger());
    boolean someFraction = fs.stream().anyMatch(f -> !f.power.isInteger());
    if (someWhole && someFraction) return fraction(fs);
    Q g = commonPower(fs);
    List<Factor> reduced = new ArrayList<>();
    for (Factor f : fs) reduced.add(new Factor(f.symbol, f.power.divide(g)));
    if (reduced.size() == 1) {
      Factor f = fs.get(0);
      return f.symbol + power(f.power);
    }
    String inner = fraction(reduced);
    if (g.equals(Q.ONE)) return inner;
    return "(" + inner + ")" + power(g);
  }

  /** A condition e >= 0 as an inequality between monomials, free scales on the left. */
  public String condition(Affine e) {
    Q scale = Q.ONE;
    BigInteger lcm = BigInteger.ONE;
    for (Q c : e.coeffs().values()) lcm = lcm.divide(lcm.gcd(c.getDenominator())).multiply(c.getDenominator());
    lcm = lcm.divide(lcm.gcd(e.constant().getDenominator())).multiply(e.constant().getDenominator());
    scale = Q.of(lcm);
    List<Factor> fs = factors(e.times(scale), Q.ONE);
    List<Factor> left = new ArrayList<>(), right = new ArrayList<>();
    boolean flip = !fs.isEmpty() && fs.get(0).power.signum() < 0;
    for (Factor f : fs) {
      boolean pos = f.power.signum() > 0;
      Factor abs = new Factor(f.symbol, f.power.abs());
      if (pos != flip) left.add(abs); else right.add(abs);
    }
    String op = flip ? " <= " : " >= ";
    return fraction(left) + op + fraction(right);
  }

  private record Factor(String symbol, Q power) {}

  private List<Factor> factors(Affine e, Q unused) {
    List<Factor> fs = new ArrayList<>();
    for (String v : order) {
      Q c = e.coeff(v);
      if (c.signum() != 0) fs.add(new Factor(v, c));
    }
    for (String v : e.vars()) {
      if (!order.contains(v)) fs.add(new Factor(v, e.coeff(v)));
    }
    if (e.constant().signum() != 0) fs.add(new Factor(base, e.constant()));
    return fs;
  }

  /** The positive rational g such that every power / g is an integer with gcd 1. */
  private static Q commonPower(List<Factor> fs) {
    BigInteger num = BigInteger.ZERO, den = BigInteger.ONE;
    for (Factor f : fs) {
      num = num.gcd(f.power.getNumerator());
      den = den.divide(den.gcd(f.power.getDenominator())).multiply(f.power.getDenominator());
    }
    return Q.of(num, den);
  }

  private static String fraction(List<Factor> fs) {
    List<String> up = new ArrayList<>(), down = new ArrayList<>();
    for (Factor f : fs) {
      if (f.power.signum() > 0) up.add(f.symbol + power(f.power));
      else down.add(f.symbol + power(f.power.negate()));
    }
    String u = up.isEmpty() ? "1" : String.join(" ", up);
    if (down.isEmpty()) return u;
    String d = String.join(" ", down);
    return u + "/" + (down.size() > 1 ? "(" + d + ")" : d);
  }

  private static String power(Q p) {
    if (p.equals(Q.ONE)) return "";
    String s = Rationals.format(p);
    return p.getDenominator().equals(BigInteger.ONE) && p.signum() > 0 ? "^" + s : "^(" + s + ")";
  }
}
