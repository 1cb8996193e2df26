package org.flscale.parse;

import org.flscale.model.ArchError;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;
import org.flscale.model.SourcePos;
import org.flscale.parse.gen.ArchLexer;

/** Turns the first ANTLR syntax error into an {@link ArchError} with a readable "expected ..." list. */
final class SyntaxErrorListener extends BaseErrorListener {
  private final String file;

  SyntaxErrorListener(String file) {
    this.file = file;
  }

  @Override
  public void syntaxError(
      Recognizer<?, ?> recognizer, Object offending, int line, int col, String msg, RecognitionException e) {
    SourcePos pos = new SourcePos(file, line, col + 1);
    if (!(recognizer instanceof Parser parser) || !(offending instanceof Token tok)) {
      throw new ArchError(pos, "unexpected character: " + msg.replace("token recognition error at: ", ""));
    }
    if (tok.getType() == ArchLexer.ANY) {
      throw new ArchError(pos, "unexpected character '" + tok.getText() + "'");
    }
    IntervalSet expected = parser.getExpectedTokens();
    String found = tok.getType() == Token.EOF ? "end of file" : "'" + tok.getText() + "'";
    org.antlr.v4.runtime.ParserRuleContext ctx = parser.getContext();
    for (var c = ctx; c != null; c = c.getParent()) {
      if (c instanceof org.flscale.parse.gen.ArchParser.RidgeStmtContext) {
        throw new ArchError(pos, "the ridge must be a positive number, e.g. 'ridge kappa = 0.1'; found " + found);
      }
    }
    if (ctx instanceof org.flscale.parse.gen.ArchParser.ExponentContext
        || ctx instanceof org.flscale.parse.gen.ArchParser.SignedRatioContext
        || ctx instanceof org.flscale.parse.gen.ArchParser.NumberContext) {
      throw new ArchError(pos, "malformed exponent: unexpected " + found
          + "; write a rational power such as d^2, d^(3/2), d^-1/2 or d^0.5");
    }
    // "eps" with nothing after it: the term's first token is a coefficient without a Hermite factor
    if (ctx instanceof org.flscale.parse.gen.ArchParser.TargetTermContext tt && tt.hermite().isEmpty()
        && tt.getStart() != null && tt.getStart() != tok
        && (tt.getStart().getType() == ArchLexer.ID || tt.getStart().getType() == ArchLexer.NUMBER)) {
      Token c = tt.getStart();
      throw new ArchError(new SourcePos(file, c.getLine(), c.getCharPositionInLine() + 1), "the coefficient '" + c.getText()
          + "' needs a Hermite factor after it, e.g. '" + c.getText() + " He3(w . x)'");
    }
    if (ctx instanceof org.flscale.parse.gen.ArchParser.OptionContext
        || (ctx instanceof org.flscale.parse.gen.ArchParser.LayerStmtContext && tok.getType() == ArchLexer.NUMBER)) {
      throw new ArchError(pos, "unexpected " + found + "; a layer option names a declared scale, e.g. 'width N' or 'tokens L' "
          + "with 'scale L = d^(1/2)' above");
    }
    if (ctx instanceof org.flscale.parse.gen.ArchParser.HermiteContext) {
      throw new ArchError(pos, "unexpected " + found + " in a Hermite factor; expected " + describe(expected, parser)
          + ": write it as He<k>(w . x)");
    }
    if (ctx instanceof org.flscale.parse.gen.ArchParser.TargetExprContext
        || ctx instanceof org.flscale.parse.gen.ArchParser.TargetTermContext) {
      throw new ArchError(pos, "unexpected " + found + " in the target; a term is an optional coefficient and Hermite "
          + "factors, e.g. 'He3(w . x)', 'eps He1(w . x)', 'He2(w1 . x) He1(w2 . x)'");
    }
    boolean atStatementStart = expected.contains(ArchLexer.MODEL) && expected.contains(ArchLexer.NETWORK);
    if (atStatementStart) {
      throw new ArchError(pos, "unknown statement " + found
          + "; expected one of: model, scale, input, target, network, parametrization, ridge, patterns");
    }
    throw new ArchError(pos, "unexpected " + found + "; expected " + describe(expected, parser));
  }

  private static String describe(IntervalSet set, Parser parser) {
    List<String> words = new ArrayList<>();
    for (int t : set.toList()) {
      words.add(switch (t) {
        case ArchLexer.ID -> "a name";
        case ArchLexer.NUMBER -> "a number";
        case Token.EOF -> "end of file";
        default -> parser.getVocabulary().getDisplayName(t);
      });
    }
    if (words.size() == 1) return words.get(0);
    return "one of " + String.join(", ", words);
  }
}
