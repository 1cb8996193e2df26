package org.flscale.math;

import java.math.BigInteger;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.commons.math3.fraction.BigFraction;

/**
 * An exact affine form c0 + sum_i c_i v_i over named variables, with rational coefficients.
 * Every exponent in flscale is one of these: the exponent of a monomial in the base scale is an
 * affine function of the free scales' exponents and of the variational parameters' exponents.
 */
public final class Affine {
  public static final Affine ZERO = new Affine(BigFraction.ZERO, Map.of());

  private final BigFraction constant;
  private final Map<String, BigFraction> coeffs; // never holds a zero coefficient

  private Affine(BigFraction constant, Map<String, BigFraction> coeffs) {
    this.constant = constant;
    this.coeffs = coeffs;
  }

  public static Affine constant(BigFraction c) {
    return new Affine(c, Map.of());
  }

  public static Affine constant(long c) {
    return constant(new BigFraction(c));
  }

  public static Affine var(String name) {
    return new Affine(BigFraction.ZERO, Map.of(name, BigFraction.ONE));
  }

  public static Affine of(BigFraction constant, Map<String, BigFraction> coeffs) {
    Map<String, BigFraction> m = new LinkedHashMap<>();
    coeffs.forEach((k, v) -> {
      if (v.getNumerator().signum() != 0) m.put(k, v);
    });
    return new Affine(constant, Collections.unmodifiableMap(m));
  }

  public BigFraction constant() {
    return constant;
  }

  public BigFraction coeff(String var) {
    return coeffs.getOrDefault(var, BigFraction.ZERO);
  }

  public Set<String> vars() {
    return coeffs.keySet();
  }

  public Map<String, BigFraction> coeffs() {
    return coeffs;
  }

  public boolean isConstant() {
    return coeffs.isEmpty();
  }

  public Affine plus(Affine o) {
    Map<String, BigFraction> m = new LinkedHashMap<>(coeffs);
    o.coeffs.forEach((k, v) -> m.merge(k, v, BigFraction::add));
    return of(constant.add(o.constant), m);
  }

  public Affine minus(Affine o) {
    return plus(o.times(BigFraction.MINUS_ONE));
  }

  public Affine times(BigFraction f) {
    Map<String, BigFraction> m = new LinkedHashMap<>();
    coeffs.forEach((k, v) -> m.put(k, v.multiply(f)));
    return of(constant.multiply(f), m);
  }

  /** Replaces variable {@code name} by the form {@code value}. */
  public Affine substitute(String name, Affine value) {
    BigFraction c = coeff(name);
    if (c.getNumerator().signum() == 0) return this;
    Map<String, BigFraction> m = new LinkedHashMap<>(coeffs);
    m.remove(name);
    return of(constant, m).plus(value.times(c));
  }

  /** Value at a point; variables missing from the point count as zero. */
  public BigFraction eval(Map<String, BigFraction> point) {
    BigFraction s = constant;
    for (var e : coeffs.entrySet()) {
      BigFraction x = point.get(e.getKey());
      if (x != null) s = s.add(e.getValue().multiply(x));
    }
    return s;
  }

  /** Substitutes the given values and keeps the remaining variables. */
  public Affine partialEval(Map<String, BigFraction> point) {
    BigFraction s = constant;
    Map<String, BigFraction> m = new LinkedHashMap<>();
    for (var e : coeffs.entrySet()) {
      BigFraction x = point.get(e.getKey());
      if (x != null) s = s.add(e.getValue().multiply(x));
      else m.put(e.getKey(), e.getValue());
    }
    return of(s, m);
  }

  /** The same form divided by the gcd of its numerators, for comparing hyperplanes. */
  public Affine normalizedDirection() {
    BigInteger lcm = BigInteger.ONE;
    for (BigFraction f : coeffs.values()) lcm = lcm(lcm, f.getDenominator());
    lcm = lcm(lcm, constant.getDenominator());
    BigInteger g = BigInteger.ZERO;
    for (BigFraction f : coeffs.values()) g = g.gcd(f.multiply(lcm).getNumerator());
    g = g.gcd(constant.multiply(lcm).getNumerator());
    if (g.signum() == 0) return this;
    return times(new BigFraction(lcm, g));
  }

  private static BigInteger lcm(BigInteger a, BigInteger b) {
    return a.divide(a.gcd(b)).multiply(b);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Affine a && constant.equals(a.constant) && coeffs.equals(a.coeffs);
  }

  @Override
  public int hashCode() {
    return Objects.hash(constant, coeffs);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    coeffs.forEach((k, v) -> {
      if (sb.length() > 0) sb.append(v.getNumerator().signum() < 0 ? " - " : " + ");
      else if (v.getNumerator().signum() < 0) sb.append("-");
      BigFraction a = v.abs();
      if (!a.equals(BigFraction.ONE)) sb.append(Rationals.format(a)).append(' ');
      sb.append(k);
    });
    if (sb.length() == 0) return Rationals.format(constant);
    if (constant.getNumerator().signum() != 0)
      sb.append(constant.getNumerator().signum() < 0 ? " - " : " + ").append(Rationals.format(constant.abs()));
    return sb.toString();
  }
}
