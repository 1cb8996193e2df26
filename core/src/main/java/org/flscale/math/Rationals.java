package org.flscale.math;

import java.math.BigDecimal;
import java.math.BigInteger;

/** Exact rational helpers: parsing decimals exactly and printing fractions as "3/2", "-1". */
public final class Rationals {
  private Rationals() {}

  /** The largest power of ten a decimal literal may carry: 1e999999999 would not fit in memory. */
  public static final int MAX_POWER_OF_TEN = 1000;

  /**
   * Converts a decimal literal such as "0.5" or "1e-3" exactly (no binary rounding). Beyond
   * 10^(+-MAX_POWER_OF_TEN) it throws an ArithmeticException that says so.
   */
  public static Q parseDecimal(String text) {
    BigDecimal bd = new BigDecimal(text);
    if (Math.abs((long) bd.scale()) > MAX_POWER_OF_TEN || bd.precision() - (long) bd.scale() > MAX_POWER_OF_TEN) {
      throw new ArithmeticException(text + " is beyond the numbers computed exactly (at most 10^" + MAX_POWER_OF_TEN + " either way)");
    }
    if (bd.scale() <= 0) return Q.of(bd.toBigIntegerExact());
    return Q.of(bd.unscaledValue(), BigInteger.TEN.pow(bd.scale()));
  }

  /** "3/2", "-1", "0" (the same as {@link Q#toString()}). */
  public static String format(Q f) {
    return f.toString();
  }
}
