package org.flscale.parse;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.flscale.model.ArchModel;
import org.flscale.model.Scale;
import org.flscale.parse.gen.ArchLexer;

/**
 * Scales a file declares and never uses: most often a typo or a leftover, and a free one silently
 * makes the answer "piecewise" in nothing. A warning, not an error: the file still derives.
 */
public final class UnusedScales {
  private UnusedScales() {}

  /** One "file:line:col: warning: ..." line per unused scale (the base never is: it measures the rest). */
  public static List<String> warnings(ArchModel model, String text) {
    Set<String> used = mentions(text);
    List<String> out = new ArrayList<>();
    for (Scale s : model.scales().values()) {
      if (s.kind() == Scale.Kind.BASE || used.contains(s.name())) continue;
      out.add(s.pos() + ": warning: scale '" + s.name() + "' is declared but never used; remove it or use it (a width, "
          + "the input's dimension, a coefficient, or another scale's definition)");
    }
    return out;
  }

  /** The names used anywhere but right after 'scale' (their declaration), 'model' or 'ridge'. */
  private static Set<String> mentions(String text) {
    ArchLexer lexer = new ArchLexer(CharStreams.fromString(ArchSource.withoutByteOrderMark(text)));
    lexer.removeErrorListeners();
    Set<String> used = new HashSet<>();
    int before = -1;
    for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
      boolean declares = before == ArchLexer.SCALE || before == ArchLexer.MODEL || before == ArchLexer.RIDGE;
      if (t.getType() == ArchLexer.ID && !declares) used.add(t.getText());
      before = t.getType();
    }
    return used;
  }
}
