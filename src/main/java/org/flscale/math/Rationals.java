package org.flscale.math;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.apache.commons.math3.fraction.BigFraction;

/** Exact rational helpers: parsing decimals exactly and printing fractions as "3/2", "-1". */
public final class Rationals {
  private Rationals() {}

  public static BigFraction of(long num, long den) {
    return new BigFraction(num, den);
  }

  /** Converts a decimal literal such as "0.5" or "1e-3" exactly (no binary rounding). */
  public static BigFraction parseDecimal(String text) {
    BigDecimal bd = new BigDecimal(text);
    if (bd.scale() <= 0) return new BigFraction(bd.toBigIntegerExact());
    return new BigFraction(bd.unscaledValue(), BigInteger.TEN.pow(bd.scale()));
  }

  public static String format(BigFraction f) {
    if (f.getDenominator().equals(BigInteger.ONE)) return f.getNumerator().toString();
    return f.getNumerator() + "/" + f.getDenominator();
  }

  public static int compare(BigFraction a, BigFraction b) {
    return a.compareTo(b);
  }

  public static BigFraction min(BigFraction a, BigFraction b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  public static BigFraction max(BigFraction a, BigFraction b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
