package org.flscale.model;

import java.util.ArrayList;
import java.util.List;
import org.flscale.math.Q;

/**
 * The target: a sum of terms, each an amplitude times a product of Hermite factors
 * He_k(w . x) of distinct unit directions. A single-index target He_k(w.x) is one term with one
 * factor and amplitude 1.
 */
public record Target(String name, List<Term> terms, SourcePos pos) {

  /**
   * He_degree(direction . input), or over tokens He_degree(direction . input_token) with token
   * {@link #QUERY} (x_a) or {@link #KEY} (x_b) of a pair; token is null for a one-vector input.
   */
  public record Factor(int degree, String direction, String token) {
    public static final String QUERY = "a";
    public static final String KEY = "b";

    public Factor(int degree, String direction) {
      this(degree, direction, null);
    }

    public String display(String input) {
      return "He" + degree + "(" + direction + "." + input + (token == null ? "" : "_" + token) + ")";
    }
  }

  /**
   * One term: {@code coefficient} is a scale (its size is what matters) or null, {@code number} an
   * O(1) constant as written, or null; {@code sign} -1 for a subtracted term.
   */
  public record Term(String coefficient, Q number, int sign, List<Factor> factors, String input, SourcePos pos) {
    /** Total Hermite degree: on isotropic data a product of orthogonal factors is a degree-K feature. */
    public int degree() {
      return factors.stream().mapToInt(Factor::degree).sum();
    }

    /** The total degree of the factors reading the given token (a or b). */
    public int degree(String token) {
      return factors.stream().filter(f -> token.equals(f.token())).mapToInt(Factor::degree).sum();
    }

    /** Whether the term is read over pairs of tokens (its factors name x_a or x_b). */
    public boolean overTokens() {
      return factors.stream().anyMatch(f -> f.token() != null);
    }

    public boolean multiIndex() {
      return factors.size() > 1;
    }

    /** The term as written, with its sign: "-eps He3(w.x)". */
    public String display() {
      return (sign < 0 ? "-" : "") + unsigned();
    }

    String unsigned() {
      List<String> parts = new ArrayList<>();
      if (number != null) parts.add(number.toString());
      if (coefficient != null) parts.add(coefficient);
      for (Factor f : factors) parts.add(f.display(input));
      return String.join(" ", parts);
    }
  }

  public boolean single() {
    return terms.size() == 1;
  }

  /** The degree of a one-term target (the engine's single feature). */
  public int degree() {
    if (!single()) throw new IllegalStateException("a target of " + terms.size() + " terms has one degree per term");
    return terms.get(0).degree();
  }

  /** The direction of a single-index target, or the directions of a product joined by ",". */
  public String direction() {
    return String.join(",", terms.get(0).factors().stream().map(Factor::direction).toList());
  }

  /** The target restricted to one of its terms (amplitude kept). */
  public Target only(Term t) {
    return new Target(name, List.of(t), pos);
  }

  public String display() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < terms.size(); i++) {
      Term t = terms.get(i);
      if (i > 0) sb.append(t.sign() < 0 ? " - " : " + ");
      else if (t.sign() < 0) sb.append("-");
      sb.append(t.unsigned());
    }
    return sb.toString();
  }
}
