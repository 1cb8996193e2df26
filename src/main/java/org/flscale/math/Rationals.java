package org.flscale.math;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.flscale.math.Q;

/** Exact rational helpers: parsing decimals exactly and printing fractions as "3/2", "-1". */
public final class Rationals {
  private Rationals() {}

  public static Q of(long num, long den) {
    return Q.of(num, den);
  }

  /** Converts a decimal literal such as "0.5" or "1e-3" exactly (no binary rounding). */
  public static Q parseDecimal(String text) {
    BigDecimal bd = new BigDecimal(text);
    if (bd.scale() <= 0) return Q.of(bd.toBigIntegerExact());
    return Q.of(bd.unscaledValue(), BigInteger.TEN.pow(bd.scale()));
  }

  public static String format(Q f) {
    if (f.getDenominator().equals(BigInteger.ONE)) return f.getNumerator().toString();
    return f.getNumerator() + "/" + f.getDenominator();
  }

  public static int compare(Q a, Q b) {
    return a.compareTo(b);
  }

  public static Q min(Q a, Q b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  public static Q max(Q a, Q b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
