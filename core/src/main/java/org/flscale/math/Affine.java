package org.flscale.math;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An exact affine form c0 + sum_i c_i v_i over named variables, with rational coefficients.
 * Every exponent in flscale is one of these: the exponent of a monomial in the base scale is an
 * affine function of the free scales' exponents and of the variational parameters' exponents.
 * Stored as variable names in sorted order with their non-zero coefficients, so that sums are
 * merges and equality is cheap (the solver does millions of these).
 */
public final class Affine {
  public static final Affine ZERO = new Affine(Q.ZERO, new String[0], new Q[0]);

  private final Q constant;
  private final String[] vars; // sorted, distinct
  private final Q[] coeffs;    // non-zero, parallel to vars

  private Affine(Q constant, String[] vars, Q[] coeffs) {
    this.constant = constant;
    this.vars = vars;
    this.coeffs = coeffs;
  }

  public static Affine constant(Q c) {
    return new Affine(c, new String[0], new Q[0]);
  }

  public static Affine constant(long c) {
    return constant(Q.of(c));
  }

  public static Affine var(String name) {
    return new Affine(Q.ZERO, new String[] {name}, new Q[] {Q.ONE});
  }

  public static Affine of(Q constant, Map<String, Q> coeffs) {
    Affine a = constant(constant);
    for (var e : coeffs.entrySet()) a = a.plus(var(e.getKey()).times(e.getValue()));
    return a;
  }

  public Q constant() {
    return constant;
  }

  /** This without its constant: the part that varies with the variables. */
  public Affine linearPart() {
    if (constant.signum() == 0) return this;
    Affine l = linear;
    if (l == null) linear = l = new Affine(Q.ZERO, vars, coeffs);
    return l;
  }

  private Affine linear; // linearPart(), made once (a benign race: any thread's copy is equal)

  public Q coeff(String var) {
    int i = Arrays.binarySearch(vars, var);
    return i >= 0 ? coeffs[i] : Q.ZERO;
  }

  /** The variables with a non-zero coefficient, in sorted order. */
  public List<String> vars() {
    return List.of(vars);
  }

  /** The coefficients by variable, in sorted order. */
  public Map<String, Q> coeffs() {
    Map<String, Q> m = new LinkedHashMap<>();
    for (int i = 0; i < vars.length; i++) m.put(vars[i], coeffs[i]);
    return m;
  }

  /** The number of variables; with {@link #varAt} and {@link #coeffAt}, a walk over the terms that allocates nothing. */
  public int arity() {
    return vars.length;
  }

  /** The i-th variable, in sorted order. */
  public String varAt(int i) {
    return vars[i];
  }

  /** The i-th variable's coefficient (never zero). */
  public Q coeffAt(int i) {
    return coeffs[i];
  }

  public boolean isConstant() {
    return vars.length == 0;
  }

  public Affine plus(Affine o) {
    return combine(o, Q.ONE);
  }

  public Affine minus(Affine o) {
    return combine(o, Q.MINUS_ONE);
  }

  /** this + f * o, by merging the sorted variable lists. */
  private Affine combine(Affine o, Q f) {
    if (o.vars.length == 0) return new Affine(constant.add(o.constant.multiply(f)), vars, coeffs);
    String[] v = new String[vars.length + o.vars.length];
    Q[] c = new Q[v.length];
    int i = 0, j = 0, n = 0;
    while (i < vars.length || j < o.vars.length) {
      int cmp = i == vars.length ? 1 : j == o.vars.length ? -1 : vars[i].compareTo(o.vars[j]);
      if (cmp < 0) {
        v[n] = vars[i];
        c[n++] = coeffs[i++];
      } else if (cmp > 0) {
        v[n] = o.vars[j];
        c[n++] = o.coeffs[j++].multiply(f);
      } else {
        Q s = coeffs[i].add(o.coeffs[j].multiply(f));
        if (s.signum() != 0) {
          v[n] = vars[i];
          c[n++] = s;
        }
        i++;
        j++;
      }
    }
    return new Affine(constant.add(o.constant.multiply(f)), Arrays.copyOf(v, n), Arrays.copyOf(c, n));
  }

  public Affine times(Q f) {
    if (f.signum() == 0) return ZERO;
    if (f.equals(Q.ONE)) return this;
    Q[] c = new Q[coeffs.length];
    for (int i = 0; i < c.length; i++) c[i] = coeffs[i].multiply(f);
    return new Affine(constant.multiply(f), vars, c);
  }

  /** Replaces variable {@code name} by the form {@code value}. */
  public Affine substitute(String name, Affine value) {
    int i = Arrays.binarySearch(vars, name);
    if (i < 0) return this;
    Q c = coeffs[i];
    String[] v = new String[vars.length - 1];
    Q[] k = new Q[v.length];
    for (int a = 0, b = 0; a < vars.length; a++) {
      if (a == i) continue;
      v[b] = vars[a];
      k[b++] = coeffs[a];
    }
    return new Affine(constant, v, k).combine(value, c);
  }

  /** Value at a point; variables missing from the point count as zero. */
  public Q eval(Map<String, Q> point) {
    Q s = constant;
    for (int i = 0; i < vars.length; i++) {
      Q x = point.get(vars[i]);
      if (x != null) s = s.add(coeffs[i].multiply(x));
    }
    return s;
  }

  /** Substitutes the given values and keeps the remaining variables. */
  public Affine partialEval(Map<String, Q> point) {
    Affine a = this;
    for (String v : vars) {
      Q x = point.get(v);
      if (x != null) a = a.substitute(v, constant(x));
    }
    return a;
  }

  /** The same form divided by the gcd of its numerators (times a positive factor), for comparing hyperplanes. */
  public Affine normalizedDirection() {
    BigInteger lcm = constant.getDenominator();
    for (Q f : coeffs) lcm = lcm(lcm, f.getDenominator());
    BigInteger g = constant.multiply(Q.of(lcm)).getNumerator();
    for (Q f : coeffs) g = g.gcd(f.multiply(Q.of(lcm)).getNumerator());
    if (g.signum() == 0) return this;
    return times(Q.of(lcm, g.abs()));
  }

  private static BigInteger lcm(BigInteger a, BigInteger b) {
    return a.divide(a.gcd(b)).multiply(b);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Affine a && constant.equals(a.constant) && Arrays.equals(vars, a.vars) && Arrays.equals(coeffs, a.coeffs);
  }

  private int hash; // computed once (0: not yet); affine forms are hashed heavily by MinMax

  @Override
  public int hashCode() {
    int h = hash;
    if (h == 0) {
      h = 31 * (31 * constant.hashCode() + Arrays.hashCode(vars)) + Arrays.hashCode(coeffs);
      hash = h == 0 ? 1 : h;
    }
    return hash;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < vars.length; i++) {
      Q v = coeffs[i];
      if (sb.length() > 0) sb.append(v.signum() < 0 ? " - " : " + ");
      else if (v.signum() < 0) sb.append("-");
      Q a = v.abs();
      if (!a.equals(Q.ONE)) sb.append(a).append(' ');
      sb.append(vars[i]);
    }
    if (sb.length() == 0) return constant.toString();
    if (constant.signum() != 0) sb.append(constant.signum() < 0 ? " - " : " + ").append(constant.abs());
    return sb.toString();
  }
}
