package org.flscale.math;

import static org.junit.jupiter.api.Assertions.*;

import java.math.BigInteger;
import java.util.Random;
import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;

/** Exact rationals: long arithmetic, and its exact continuation in BigInteger on overflow. */
class QTest {
  @Test
  void fractionsAreKeptInLowestTermsWithAPositiveDenominator() {
    assertEquals(Q.of(1, 2), Q.of(-3, -6));
    assertEquals("-2/3", Q.of(4, -6).toString());
    assertEquals(Q.ZERO, Q.of(0, 7));
    assertTrue(Q.of(6, 3).isInteger());
  }

  @Test
  void arithmeticAgreesWithBigFractionOnRandomOperandsIncludingOverflow() {
    Random rng = new Random(7);
    for (int i = 0; i < 2000; i++) {
      long a = rng.nextBoolean() ? rng.nextInt(1000) - 500 : rng.nextLong(), b = rng.nextInt(999) + 1;
      long c = rng.nextBoolean() ? rng.nextInt(1000) - 500 : rng.nextLong(), e = rng.nextInt(999) + 1;
      Q x = Q.of(a, b), y = Q.of(c, e);
      BigFraction fx = new BigFraction(BigInteger.valueOf(a), BigInteger.valueOf(b)), fy = new BigFraction(BigInteger.valueOf(c), BigInteger.valueOf(e));
      assertEquals(Q.of(fx.add(fy)), x.add(y));
      assertEquals(Q.of(fx.subtract(fy)), x.subtract(y));
      assertEquals(Q.of(fx.multiply(fy)), x.multiply(y));
      if (c != 0) assertEquals(Q.of(fx.divide(fy)), x.divide(y));
      assertEquals(Integer.signum(fx.compareTo(fy)), Integer.signum(x.compareTo(y)));
    }
  }

  @Test
  void equalValuesHashAlikeWhicheverRepresentationHoldsThem() {
    Q big = Q.of(BigInteger.valueOf(Long.MAX_VALUE).multiply(BigInteger.TWO), BigInteger.valueOf(Long.MAX_VALUE));
    assertEquals(Q.of(2), big);
    assertEquals(Q.of(2).hashCode(), big.hashCode());
  }
}
