package org.flscale.parse;

import java.util.Map;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.flscale.model.ArchError;
import org.flscale.model.Scale;
import org.flscale.math.Q;
import org.flscale.math.Rationals;
import org.flscale.model.SourcePos;
import org.flscale.parse.gen.ArchParser;

/** Where a statement or token stands in the file, for errors; the check that a name is a declared scale; exponents as written. */
final class Positions {
  private final String file;

  Positions(String file) {
    this.file = file;
  }

  SourcePos pos(ParserRuleContext c) {
    return pos(c.getStart());
  }

  SourcePos pos(Token t) {
    return new SourcePos(file, t.getLine(), t.getCharPositionInLine() + 1);
  }

  /** A rational power as written (2, 3/2, -0.5); an exponent in e-notation or over zero is an error. */
  Q exponent(ArchParser.ExponentContext e) {
    ArchParser.SignedRatioContext r = e.signedRatio();
    for (ArchParser.NumberContext n : r.number()) {
      if (n.getText().matches(".*[eE].*")) {
        throw new ArchError(pos(n), "malformed exponent '" + n.getText() + "': write a rational power such as 2, 3/2 or 0.5");
      }
    }
    Q num = Rationals.parseDecimal(r.num.getText());
    if (r.den != null) {
      Q den = Rationals.parseDecimal(r.den.getText());
      if (den.signum() == 0) throw new ArchError(pos(r.den), "malformed exponent: division by zero");
      num = num.divide(den);
    }
    return r.sign != null ? num.negate() : num;
  }

  void requireScale(Token t, String what, Map<String, Scale> scales) {
    if (!scales.containsKey(t.getText())) {
      throw new ArchError(pos(t), "the " + what + " '" + t.getText() + "' is not a declared scale" + Spellings.didYouMean(t.getText(), scales.keySet())
          + "; declared scales: "
          + (scales.isEmpty() ? "none" : String.join(", ", scales.keySet())));
    }
  }
}
