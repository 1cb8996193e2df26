package org.flscale.parse;

import java.util.Map;
import org.antlr.v4.runtime.Token;
import org.flscale.math.Affine;
import org.flscale.math.Q;
import org.flscale.math.Rationals;
import org.flscale.model.ArchError;
import org.flscale.model.Parametrization;
import org.flscale.model.Scale;
import org.flscale.model.SourcePos;
import org.flscale.parse.gen.ArchParser;

/**
 * The value of {@code parametrization chi = S^q}: chi is a power of a declared scale (readout prior
 * variance g_a/(chi N)). Kept out of ArchFileParser, which only hands it the statement. Only chi
 * takes a value, and chi needs one; chi's exponent is exact (the scale's exponent times q).
 */
final class ChiValue {
  private ChiValue() {}

  /** The parametrizations for a message: the named ones sorted, then chi with its form. */
  static String names(java.util.Collection<String> known) {
    java.util.List<String> named = new java.util.TreeSet<>(known).stream().filter(n -> !n.equals(Parametrization.CHI)).toList();
    String list = String.join(", ", named);
    return known.contains(Parametrization.CHI) ? list + ", or chi = SCALE^q (e.g. 'parametrization chi = N^(1/2)')" : list;
  }

  static Parametrization read(ArchParser.ParamStmtContext p, String kind, Map<String, Scale> scales, String file) {
    SourcePos at = pos(file, p.kind);
    boolean valued = p.base != null || p.num != null;
    if (!kind.equals(Parametrization.CHI)) {
      if (valued) {
        throw new ArchError(pos(file, p.base != null ? p.base : p.num.getStart()), "only 'parametrization chi' takes a value ("
            + kind + " is fixed: standard is chi = 1, mean_field is chi = the width); write 'parametrization chi = N^(1/2)'");
      }
      return new Parametrization(kind, at);
    }
    if (!valued) {
      throw new ArchError(at, "'parametrization chi' needs its value, a power of a declared scale: e.g. 'parametrization chi = N^(1/2)'");
    }
    if (p.num != null) {
      throw new ArchError(pos(file, p.num.getStart()), "chi must be a power of a declared scale, not the number " + p.num.getText()
          + " (chi = 1 is 'parametrization standard'); e.g. 'parametrization chi = N^(1/2)'");
    }
    Scale s = scales.get(p.base.getText());
    if (s == null) {
      throw new ArchError(pos(file, p.base), "chi must be a power of a declared scale; '" + p.base.getText()
          + "' is not one (declared scales: " + (scales.isEmpty() ? "none" : String.join(", ", scales.keySet())) + ")");
    }
    Q q = p.exponent() == null ? Q.ONE : exponent(p.exponent(), file);
    if (q.signum() < 0) {
      throw new ArchError(pos(file, p.exponent().getStart()), "chi = " + s.name() + "^(" + q
          + ") shrinks: chi runs from 1 (standard) to the width (mean field), so its exponent must be >= 0");
    }
    Affine chi = s.exponent().times(q);
    String text = q.equals(Q.ONE) ? s.name() : s.name() + "^(" + q + ")";
    return new Parametrization(kind, at, chi, text);
  }

  private static Q exponent(ArchParser.ExponentContext e, String file) {
    ArchParser.SignedRatioContext r = e.signedRatio();
    for (ArchParser.NumberContext n : r.number()) {
      if (n.getText().matches(".*[eE].*")) {
        throw new ArchError(pos(file, n.getStart()), "malformed exponent '" + n.getText() + "': write a rational power such as 1/2 or 0.5");
      }
    }
    Q num = Rationals.parseDecimal(r.num.getText());
    if (r.den != null) {
      Q den = Rationals.parseDecimal(r.den.getText());
      if (den.signum() == 0) throw new ArchError(pos(file, r.den.getStart()), "malformed exponent: division by zero");
      num = num.divide(den);
    }
    return r.sign != null ? num.negate() : num;
  }

  private static SourcePos pos(String file, Token t) {
    return new SourcePos(file, t.getLine(), t.getCharPositionInLine() + 1);
  }
}
