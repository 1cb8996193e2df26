package org.flscale.parse;

import java.util.Map;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.flscale.model.ArchError;
import org.flscale.model.Scale;
import org.flscale.model.SourcePos;

/** Where a statement or token stands in the file, for errors; and the check that a name is a declared scale. */
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

  void requireScale(Token t, String what, Map<String, Scale> scales) {
    if (!scales.containsKey(t.getText())) {
      throw new ArchError(pos(t), "the " + what + " '" + t.getText() + "' is not a declared scale; declared scales: "
          + (scales.isEmpty() ? "none" : String.join(", ", scales.keySet())));
    }
  }
}
