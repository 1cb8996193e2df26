package org.flscale.parse;

import org.flscale.model.ArchError;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.BufferedTokenStream;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.misc.IntervalSet;
import org.flscale.model.SourcePos;
import org.flscale.parse.gen.ArchLexer;
import org.flscale.parse.gen.ArchParser;

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
      String hint = Spellings.asciiFor(tok.getText().codePointAt(0));
      throw new ArchError(pos, "unexpected character '" + tok.getText() + "'" + (hint == null ? "" : "; " + hint));
    }
    IntervalSet expected = parser.getExpectedTokens();
    String found = tok.getType() == Token.EOF ? "end of file" : "'" + tok.getText() + "'";
    org.antlr.v4.runtime.ParserRuleContext ctx = parser.getContext();
    TokenStream tokens = parser.getInputStream();
    if (tokens instanceof BufferedTokenStream b) b.fill(); // the hints look at the tokens after the offending one
    if (!inTarget(ctx)) hyphenatedName(tokens, tok);
    layerOptionWithEquals(ctx, tokens);
    keywordReadAsHermite(ctx, tokens, tok);
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
    if (ctx instanceof ArchParser.DynamicsStmtContext || ctx instanceof ArchParser.DynEntryContext
        || ctx instanceof ArchParser.DynValueContext) {
      throw new ArchError(pos, "unexpected " + found + " in the dynamics block; an entry is KEY [WEIGHT] = VALUE or "
          + "KEY [WEIGHT] ~ VALUE, a value a number or a power of a scale, e.g. 'init u ~ N^(-1)', 'lr_ratio = N^(1/2)'");
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
    if (atStatementStart) unknownStatement(tok, previous(tokens, tok));
    throw new ArchError(pos, "unexpected " + found + "; expected " + describe(expected, parser));
  }

  /** A statement that does not begin with a keyword: a typo of one, or more text after a complete statement. */
  private void unknownStatement(Token tok, Token previous) {
    SourcePos pos = pos(tok);
    String found = tok.getType() == Token.EOF ? "end of file" : "'" + tok.getText() + "'";
    String list = "; expected one of: " + String.join(", ", Spellings.keywords());
    if (tok.getType() == ArchLexer.ID) {
      String near = Spellings.nearestKeyword(tok.getText());
      if (near != null) throw new ArchError(pos, "unknown statement " + found + "; did you mean '" + near + "'?");
      if (previous != null && previous.getLine() == tok.getLine()) {
        if (Spellings.isFunctionOfAScale(tok.getText())) {
          throw new ArchError(pos, "unexpected " + found + ": a scale is a power of another, 'scale N = d^q', and scale "
              + "analysis drops logarithmic factors; write 'scale N = d' (or a rational power such as d^(3/2))");
        }
        throw new ArchError(pos, "unexpected " + found + " after a complete statement; one statement a line, each "
            + "beginning with one of: " + String.join(", ", Spellings.keywords()));
      }
    }
    throw new ArchError(pos, "unknown statement " + found + list);
  }

  /** "mean-field", "leaky-relu": names have no '-'. */
  private void hyphenatedName(TokenStream tokens, Token tok) {
    if (!tok.getText().equals("-") || tok.getTokenIndex() < 1 || tok.getTokenIndex() + 1 >= tokens.size()) return;
    Token before = tokens.get(tok.getTokenIndex() - 1), after = tokens.get(tok.getTokenIndex() + 1);
    if (before.getType() != ArchLexer.ID || after.getType() != ArchLexer.ID) return;
    if (before.getStopIndex() + 1 != tok.getStartIndex() || tok.getStopIndex() + 1 != after.getStartIndex()) return;
    String written = before.getText() + "-" + after.getText();
    throw new ArchError(pos(before), "'" + written + "' is not a name (names have '_', not '-'); did you mean '"
        + before.getText() + "_" + after.getText() + "'?");
  }

  /**
   * "h1 = erf(W1 x) width = N": the parser reads "width = N ..." as the next layer, and would point at
   * the line after it; a layer that begins on the line of the one before is an option written with '='.
   */
  private void layerOptionWithEquals(ParserRuleContext ctx, TokenStream tokens) {
    if (!(ctx instanceof ArchParser.LayerStmtContext) || ctx.getStart() == null) return;
    Token name = ctx.getStart();
    int i = name.getTokenIndex();
    if (i < 1 || i + 1 >= tokens.size()) return;
    Token before = tokens.get(i - 1), equals = tokens.get(i + 1);
    if (before.getLine() != name.getLine() || before.getText().equals("{") || !equals.getText().equals("=")) return;
    throw new ArchError(pos(equals), "a layer option is written without '=': '" + name.getText() + " "
        + (i + 2 < tokens.size() ? tokens.get(i + 2).getText() : "SCALE") + "'");
  }

  /**
   * "netwrok {" after the target: the parser takes the unknown word for one more Hermite factor of the
   * target, and would complain about the factor; the user meant a statement.
   */
  private void keywordReadAsHermite(ParserRuleContext ctx, TokenStream tokens, Token tok) {
    if (!(ctx instanceof ArchParser.HermiteContext h) || h.fn == null) return;
    if (tok.getTokenIndex() != h.fn.getTokenIndex() + 1 || tok.getText().equals("(")) return;
    if (h.fn.getText().matches("He\\d+")) return;
    unknownStatement(h.fn, previous(tokens, h.fn));
  }

  private static boolean inTarget(ParserRuleContext ctx) {
    for (ParserRuleContext c = ctx; c != null; c = c.getParent()) if (c instanceof ArchParser.TargetStmtContext) return true;
    return false;
  }

  private static Token previous(TokenStream tokens, Token tok) {
    return tok.getTokenIndex() > 0 ? tokens.get(tok.getTokenIndex() - 1) : null;
  }

  private SourcePos pos(Token t) {
    return new SourcePos(file, t.getLine(), t.getCharPositionInLine() + 1);
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
