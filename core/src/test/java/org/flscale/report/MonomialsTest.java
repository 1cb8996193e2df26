package org.flscale.report;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.flscale.math.Affine;
import org.flscale.math.Q;
import org.junit.jupiter.api.Test;

class MonomialsTest {
  private final Monomials m = new Monomials(List.of("M1", "beta2", "N", "N1", "N2"), "d");

  private static Affine f(String c, Object... cv) {
    String[] p = c.split("/");
    Affine a = Affine.constant(p.length == 1 ? Q.of(Long.parseLong(p[0])) : Q.of(Long.parseLong(p[0]), Long.parseLong(p[1])));
    for (int i = 0; i < cv.length; i += 2) {
      String[] q = ((String) cv[i]).split("/");
      Q k = q.length == 1 ? Q.of(Long.parseLong(q[0])) : Q.of(Long.parseLong(q[0]), Long.parseLong(q[1]));
      a = a.plus(Affine.var((String) cv[i + 1]).times(k));
    }
    return a;
  }

  @Test
  void closedFormsPullOutTheCommonPower() {
    assertEquals("(N d)^(1/2)", m.closedForm(f("1/2", "1/2", "N")));
    assertEquals("(N/d)^(1/2)", m.closedForm(f("-1/2", "1/2", "N")));
    assertEquals("(N2^2/(N1 d))^(1/3)", m.closedForm(f("-1/3", "2/3", "N2", "-1/3", "N1")));
    assertEquals("(N1 N2 d)^(1/3)", m.closedForm(f("1/3", "1/3", "N1", "1/3", "N2")));
    assertEquals("d^3", m.closedForm(f("3")));
    assertEquals("d", m.closedForm(f("1")));
    assertEquals("1", m.closedForm(f("0")));
    assertEquals("d^(3/2)", m.closedForm(f("3/2")));
    assertEquals("d^(-1)", m.closedForm(f("-1")));
  }

  @Test
  void termsAreWrittenFactorByFactor() {
    assertEquals("M1 d", m.term(f("1", "1", "M1")));
    assertEquals("N/M1", m.term(f("0", "1", "N", "-1", "M1")));
    assertEquals("beta2 N1/M1", m.term(f("0", "1", "beta2", "1", "N1", "-1", "M1")));
    assertEquals("N2^2/(N1 d)", m.term(f("-1", "2", "N2", "-1", "N1")));
  }

  @Test
  void conditionsPutTheFreeScalesLeft() {
    assertEquals("N >= d^5", m.condition(f("-5", "1", "N")));
    assertEquals("N <= d^5", m.condition(f("5", "-1", "N")));
    assertEquals("N1^2 >= N2 d", m.condition(f("-1", "2", "N1", "-1", "N2")));
    assertEquals("N^2 <= d", m.condition(f("1/2", "-1", "N")));
  }
}
