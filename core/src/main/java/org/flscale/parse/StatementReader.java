package org.flscale.parse;

import java.util.Map;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.flscale.model.Input;
import org.flscale.model.KnownNames;
import org.flscale.model.Scale;
import org.flscale.model.SourcePos;

/** What a statement's reader knows of the file so far: the names the rules know, the scales, the base, the input. */
abstract class StatementReader {
  final Positions at;
  final KnownNames known;
  final Map<String, Scale> scales;
  final String base;
  final Input input;

  StatementReader(Positions at, KnownNames known, Map<String, Scale> scales, String base, Input input) {
    this.at = at;
    this.known = known;
    this.scales = scales;
    this.base = base;
    this.input = input;
  }

  SourcePos pos(ParserRuleContext c) {
    return at.pos(c);
  }

  SourcePos pos(Token t) {
    return at.pos(t);
  }

  void requireScale(Token t, String what) {
    at.requireScale(t, what, scales);
  }
}
