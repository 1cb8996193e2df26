package org.flscale.math;

import java.math.BigDecimal;
import java.math.BigInteger;

/** Exact rational helpers: parsing decimals exactly and printing fractions as "3/2", "-1". */
public final class Rationals {
  private Rationals() {}

  /** Converts a decimal literal such as "0.5" or "1e-3" exactly (no binary rounding). */
  public static Q parseDecimal(String text) {
    BigDecimal bd = new BigDecimal(text);
    if (bd.scale() <= 0) return Q.of(bd.toBigIntegerExact());
    return Q.of(bd.unscaledValue(), BigInteger.TEN.pow(bd.scale()));
  }

  /** "3/2", "-1", "0" (the same as {@link Q#toString()}). */
  public static String format(Q f) {
    return f.toString();
  }
}
