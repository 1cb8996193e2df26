package org.flscale.math;

import java.math.BigInteger;
import org.apache.commons.math3.fraction.BigFraction;

/**
 * An exact rational number, kept in lowest terms with a positive denominator. Exponents are small
 * fractions, so the arithmetic runs on longs; on overflow it continues exactly with BigInteger.
 * (commons-math3's BigFraction does everything with BigInteger, which made the solver several
 * times slower.)
 */
public final class Q implements Comparable<Q> {
  public static final Q ZERO = new Q(0, 1, null, null);
  public static final Q ONE = new Q(1, 1, null, null);
  public static final Q MINUS_ONE = new Q(-1, 1, null, null);

  private final long num, den;        // valid when bigNum == null
  private final BigInteger bigNum, bigDen;

  private Q(long num, long den, BigInteger bigNum, BigInteger bigDen) {
    this.num = num;
    this.den = den;
    this.bigNum = bigNum;
    this.bigDen = bigDen;
  }

  public static Q of(long n) {
    return n == 0 ? ZERO : n == 1 ? ONE : new Q(n, 1, null, null);
  }

  public static Q of(long n, long d) {
    if (d == 0) throw new ArithmeticException("division by zero");
    if (n == Long.MIN_VALUE || d == Long.MIN_VALUE) return of(BigInteger.valueOf(n), BigInteger.valueOf(d));
    if (d == 1) return n == 0 ? ZERO : new Q(n, 1, null, null);
    if (d < 0) {
      n = -n;
      d = -d;
    }
    long g = gcd(Math.abs(n), d);
    return new Q(n / g, d / g, null, null);
  }

  public static Q of(BigInteger n, BigInteger d) {
    if (d.signum() == 0) throw new ArithmeticException("division by zero");
    if (d.signum() < 0) {
      n = n.negate();
      d = d.negate();
    }
    BigInteger g = n.gcd(d);
    if (g.signum() != 0 && !g.equals(BigInteger.ONE)) {
      n = n.divide(g);
      d = d.divide(g);
    }
    if (n.bitLength() < 63 && d.bitLength() < 63) return new Q(n.longValue(), d.longValue(), null, null);
    return new Q(0, 0, n, d);
  }

  public static Q of(BigInteger n) {
    return of(n, BigInteger.ONE);
  }

  public static Q of(BigFraction f) {
    return of(f.getNumerator(), f.getDenominator());
  }

  private boolean big() {
    return bigNum != null;
  }

  public BigInteger getNumerator() {
    return big() ? bigNum : BigInteger.valueOf(num);
  }

  public BigInteger getDenominator() {
    return big() ? bigDen : BigInteger.valueOf(den);
  }

  public int signum() {
    return big() ? bigNum.signum() : Long.signum(num);
  }

  public boolean isZero() {
    return signum() == 0;
  }

  public boolean isInteger() {
    return big() ? bigDen.equals(BigInteger.ONE) : den == 1;
  }

  public Q add(Q o) {
    if (!big() && !o.big()) {
      try {
        if (den == 1 && o.den == 1) return new Q(Math.addExact(num, o.num), 1, null, null);
        if (den == o.den) return of(Math.addExact(num, o.num), den);
        return of(Math.addExact(Math.multiplyExact(num, o.den), Math.multiplyExact(o.num, den)), Math.multiplyExact(den, o.den));
      } catch (ArithmeticException overflow) {
        // continue exactly below
      }
    }
    return of(getNumerator().multiply(o.getDenominator()).add(o.getNumerator().multiply(getDenominator())),
        getDenominator().multiply(o.getDenominator()));
  }

  public Q subtract(Q o) {
    return add(o.negate());
  }

  public Q multiply(Q o) {
    if (!big() && !o.big()) {
      if (num == 0 || o.num == 0) return ZERO;
      try {
        if (den == 1 && o.den == 1) return new Q(Math.multiplyExact(num, o.num), 1, null, null);
        long g1 = gcd(Math.abs(num), o.den), g2 = gcd(Math.abs(o.num), den);
        return new Q(Math.multiplyExact(num / g1, o.num / g2), Math.multiplyExact(den / g2, o.den / g1), null, null);
      } catch (ArithmeticException overflow) {
        // continue exactly below
      }
    }
    return of(getNumerator().multiply(o.getNumerator()), getDenominator().multiply(o.getDenominator()));
  }

  public Q multiply(long k) {
    return multiply(of(k));
  }

  public Q divide(Q o) {
    return multiply(o.reciprocal());
  }

  public Q divide(long k) {
    return divide(of(k));
  }

  public Q negate() {
    if (!big() && num != Long.MIN_VALUE) return new Q(-num, den, null, null);
    return of(getNumerator().negate(), getDenominator());
  }

  public Q reciprocal() {
    if (signum() == 0) throw new ArithmeticException("reciprocal of zero");
    if (!big()) return num > 0 ? new Q(den, num, null, null) : of(-den, -num);
    return of(bigDen, bigNum);
  }

  public Q abs() {
    return signum() < 0 ? negate() : this;
  }

  public double doubleValue() {
    return big() ? new BigFraction(bigNum, bigDen).doubleValue() : (double) num / den;
  }

  public BigFraction toBigFraction() {
    return new BigFraction(getNumerator(), getDenominator());
  }

  @Override
  public int compareTo(Q o) {
    if (!big() && !o.big()) {
      try {
        return Long.compare(Math.multiplyExact(num, o.den), Math.multiplyExact(o.num, den));
      } catch (ArithmeticException overflow) {
        // continue exactly below
      }
    }
    return getNumerator().multiply(o.getDenominator()).compareTo(o.getNumerator().multiply(getDenominator()));
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Q q)) return false;
    if (!big() && !q.big()) return num == q.num && den == q.den;
    return getNumerator().equals(q.getNumerator()) && getDenominator().equals(q.getDenominator());
  }

  @Override
  public int hashCode() {
    return big() ? 31 * bigNum.hashCode() + bigDen.hashCode() : Long.hashCode(num * 31 + den);
  }

  /** "3/2", "-1", "0". */
  @Override
  public String toString() {
    if (isInteger()) return getNumerator().toString();
    return getNumerator() + "/" + getDenominator();
  }

  /** Binary gcd of two non-negative longs (1 when both are 0). */
  private static long gcd(long a, long b) {
    if (a == 0) return b == 0 ? 1 : b;
    if (b == 0) return a;
    if (a == 1 || b == 1) return 1;
    int shift = Long.numberOfTrailingZeros(a | b);
    a >>>= Long.numberOfTrailingZeros(a);
    while (b != 0) {
      b >>>= Long.numberOfTrailingZeros(b);
      if (a > b) {
        long t = b;
        b = a;
        a = t;
      }
      b -= a;
    }
    return a << shift;
  }
}
