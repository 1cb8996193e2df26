package org.flscale.rules;

import java.util.ArrayList;
import java.util.List;
import org.flscale.math.Q;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.IRational;

/**
 * A rule result detached from Symja: a head with arguments, or an atom (an exact number, a string,
 * a symbol). Templates are what the derivation reads from the rules; being plain data they can be
 * cached on disk, so that a derivation whose templates are all known never starts Symja.
 * Written as S-expressions: {@code (Plus (LogOf flP) (Times 3/2 (LogOf flNu)))}, strings quoted.
 */
public final class Template {
  public enum Kind { NODE, NUMBER, STRING, SYMBOL }

  private final Kind kind;
  private final String text;        // head, symbol name, string value, or number
  private final List<Template> args;

  private Template(Kind kind, String text, List<Template> args) {
    this.kind = kind;
    this.text = text;
    this.args = args;
  }

  public Kind kind() {
    return kind;
  }

  /** The head of a node, the name of a symbol, the value of a string. */
  public String text() {
    return text;
  }

  public List<Template> args() {
    return args;
  }

  public Q number() {
    String[] p = text.split("/");
    return p.length == 1 ? Q.of(new java.math.BigInteger(p[0])) : Q.of(new java.math.BigInteger(p[0]), new java.math.BigInteger(p[1]));
  }

  public boolean isSymbol(String name) {
    return kind == Kind.SYMBOL && text.equals(name);
  }

  public boolean isInfinity() {
    return isSymbol("Infinity") || (kind == Kind.NODE && text.equals("DirectedInfinity") && args.size() == 1
        && args.get(0).kind == Kind.NUMBER && args.get(0).number().signum() > 0);
  }

  public static Template of(IExpr e) {
    if (e.isRational()) {
      org.hipparchus.fraction.BigFraction f = ((IRational) e).toBigFraction();
      return new Template(Kind.NUMBER, Q.of(f.getNumerator(), f.getDenominator()).toString(), List.of());
    }
    if (e.isString()) return new Template(Kind.STRING, e.toString(), List.of());
    if (e.isInfinity()) return new Template(Kind.SYMBOL, "Infinity", List.of());
    if (e instanceof IAST ast) {
      List<Template> args = new ArrayList<>();
      for (int i = 1; i < ast.size(); i++) args.add(of(ast.get(i)));
      return new Template(Kind.NODE, ast.head().toString(), List.copyOf(args));
    }
    return new Template(Kind.SYMBOL, e.toString(), List.of());
  }

  @Override
  public String toString() {
    return switch (kind) {
      case NUMBER, SYMBOL -> text;
      case STRING -> "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
      case NODE -> {
        StringBuilder sb = new StringBuilder("(").append(text);
        for (Template a : args) sb.append(' ').append(a);
        yield sb.append(')').toString();
      }
    };
  }

  /** Reads the S-expression form written by {@link #toString()}. */
  public static Template parse(String s) {
    int[] pos = {0};
    Template t = read(s, pos);
    skip(s, pos);
    if (pos[0] != s.length()) throw new IllegalArgumentException("trailing text in template: " + s);
    return t;
  }

  private static Template read(String s, int[] pos) {
    skip(s, pos);
    char c = s.charAt(pos[0]);
    if (c == '(') {
      pos[0]++;
      String head = token(s, pos);
      List<Template> args = new ArrayList<>();
      while (true) {
        skip(s, pos);
        if (s.charAt(pos[0]) == ')') {
          pos[0]++;
          return new Template(Kind.NODE, head, List.copyOf(args));
        }
        args.add(read(s, pos));
      }
    }
    if (c == '"') {
      StringBuilder sb = new StringBuilder();
      pos[0]++;
      while (s.charAt(pos[0]) != '"') {
        if (s.charAt(pos[0]) == '\\') pos[0]++;
        sb.append(s.charAt(pos[0]++));
      }
      pos[0]++;
      return new Template(Kind.STRING, sb.toString(), List.of());
    }
    String tok = token(s, pos);
    boolean number = tok.matches("-?\\d+(/\\d+)?");
    return new Template(number ? Kind.NUMBER : Kind.SYMBOL, tok, List.of());
  }

  private static String token(String s, int[] pos) {
    skip(s, pos);
    int start = pos[0];
    while (pos[0] < s.length() && !Character.isWhitespace(s.charAt(pos[0])) && s.charAt(pos[0]) != ')' && s.charAt(pos[0]) != '(') pos[0]++;
    return s.substring(start, pos[0]);
  }

  private static void skip(String s, int[] pos) {
    while (pos[0] < s.length() && Character.isWhitespace(s.charAt(pos[0]))) pos[0]++;
  }
}
