package org.flscale.rules;

import org.matheclipse.core.eval.EvalEngine;
import org.matheclipse.core.eval.ExprEvaluator;
import org.matheclipse.core.interfaces.IExpr;

/**
 * One Symja engine in strict (Mathematica) syntax, owned by the thread that created it.
 * Symja's engine is thread-local, so a session must only be used from its own thread.
 */
public final class SymjaSession {
  static {
    // Must run before any other Symja class is loaded: keep Mathematica's case-sensitive names.
    org.matheclipse.parser.client.ParserConfig.PARSER_USE_LOWERCASE_SYMBOLS = false;
    System.setProperty("log4j2.loggerContextFactory", "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
    System.setProperty("log4j2.statusLoggerLevel", "OFF");
  }

  private final EvalEngine engine;
  private final ExprEvaluator evaluator;
  private final Thread owner = Thread.currentThread();

  public SymjaSession() {
    engine = new EvalEngine(false);
    EvalEngine.set(engine);
    engine.setQuietMode(true);
    evaluator = new ExprEvaluator(engine, true, (short) 0);
  }

  /** Evaluates Mathematica text written by flscale or a rule file (never built from user input). */
  public IExpr eval(String text) {
    activate();
    return evaluator.eval(text);
  }

  /** A symbol of this session's context. */
  public org.matheclipse.core.interfaces.ISymbol symbol(String name) {
    activate();
    return org.matheclipse.core.expression.F.symbol(name);
  }

  /** Makes this session's engine the thread's current one (another session may have replaced it). */
  private void activate() {
    checkThread();
    if (EvalEngine.get() != engine) EvalEngine.set(engine);
  }

  /** Evaluates an expression built with the F factory. */
  public IExpr eval(IExpr expr) {
    activate();
    return engine.evaluate(expr);
  }

  public EvalEngine engine() {
    return engine;
  }

  private void checkThread() {
    if (Thread.currentThread() != owner) {
      throw new IllegalStateException("a Symja session is used from a thread that does not own it");
    }
  }
}
