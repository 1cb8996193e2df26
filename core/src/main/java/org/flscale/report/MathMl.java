package org.flscale.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Typesets the plain-text mathematics flscale writes ("(N1 N2 d)^(1/3)", "M1 d + N/M1",
 * "N1^2 >= N2 d") as presentation MathML, which browsers render without any script: names with a
 * trailing number get it as a subscript, beta becomes a Greek letter, a/b a fraction, x^y a superscript.
 */
public final class MathMl {
  private final String s;
  private int pos;

  private MathMl(String s) {
    this.s = s;
  }

  /** An inline math element for the expression (XHTML-safe). */
  public static String inline(String text) {
    return "<math xmlns=\"http://www.w3.org/1998/Math/MathML\">" + new MathMl(text).relation() + "</math>";
  }

  private String relation() {
    StringBuilder out = new StringBuilder("<mrow>").append(sum());
    while (true) {
      skip();
      String op = peekOp();
      if (op == null) break;
      pos += op.length();
      out.append("<mo>").append(switch (op) {
        case ">=" -> "&#x2265;";
        case "<=" -> "&#x2264;";
        case "~" -> "&#x223C;";
        default -> op;
      }).append("</mo>").append(sum());
    }
    return out.append("</mrow>").toString();
  }

  private String peekOp() {
    for (String op : List.of(">=", "<=", "~", "=")) if (s.startsWith(op, pos)) return op;
    return null;
  }

  private String sum() {
    StringBuilder out = new StringBuilder("<mrow>").append(product());
    while (true) {
      skip();
      if (pos < s.length() && (s.charAt(pos) == '+' || (s.charAt(pos) == '-' && pos + 1 < s.length() && s.charAt(pos + 1) == ' '))) {
        out.append("<mo>").append(s.charAt(pos) == '+' ? "+" : "&#x2212;").append("</mo>");
        pos++;
        out.append(product());
      } else {
        break;
      }
    }
    return out.append("</mrow>").toString();
  }

  /** Factors separated by spaces, with at most one "/" (numerator over denominator). */
  private String product() {
    List<String> num = new ArrayList<>();
    while (true) {
      skip();
      if (pos >= s.length() || !startsFactor()) break;
      num.add(power());
      skip();
      if (pos < s.length() && s.charAt(pos) == '/') {
        pos++;
        skip();
        String den = power();
        String n = num.size() == 1 ? num.get(0) : "<mrow>" + String.join("<mo>&#x2062;</mo>", num) + "</mrow>";
        num.clear();
        num.add("<mfrac>" + n + den + "</mfrac>");
      }
    }
    return "<mrow>" + String.join("<mo>&#x2062;</mo>", num) + "</mrow>";
  }

  private boolean startsFactor() {
    char c = s.charAt(pos);
    return Character.isLetterOrDigit(c) || c == '(' || (c == '-' && pos + 1 < s.length() && s.charAt(pos + 1) != ' ');
  }

  private String power() {
    String base = atom();
    if (pos < s.length() && s.charAt(pos) == '^') {
      pos++;
      String exp;
      if (s.charAt(pos) == '(') {
        int close = s.indexOf(')', pos);
        String e = s.substring(pos + 1, close);
        pos = close + 1;
        exp = e.contains("/") ? "<mrow><mn>" + e.replace("/", "</mn><mo>/</mo><mn>") + "</mn></mrow>" : "<mn>" + e + "</mn>";
        exp = exp.replace("<mn>-", "<mo>&#x2212;</mo><mn>");
      } else {
        int start = pos;
        while (pos < s.length() && (Character.isDigit(s.charAt(pos)) || s.charAt(pos) == '-')) pos++;
        exp = "<mn>" + s.substring(start, pos) + "</mn>";
      }
      return "<msup>" + base + "<mrow>" + exp + "</mrow></msup>";
    }
    return base;
  }

  private String atom() {
    char c = s.charAt(pos);
    if (c == '(') {
      pos++;
      String inner = relation();
      skip();
      if (pos < s.length() && s.charAt(pos) == ')') pos++;
      return "<mrow><mo>(</mo>" + inner + "<mo>)</mo></mrow>";
    }
    int start = pos;
    if (c == '-') pos++;
    while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_' || s.charAt(pos) == '.')) pos++;
    String tok = s.substring(start, pos);
    if (tok.endsWith("_") && pos < s.length() && s.charAt(pos) == '*') { // P_*: a starred subscript
      pos++;
      return "<msub><mi>" + escape(tok.substring(0, tok.length() - 1)) + "</mi><mo>*</mo></msub>";
    }
    if (tok.isEmpty()) {
      pos++;
      return "<mo>" + escape(String.valueOf(c)) + "</mo>";
    }
    if (tok.matches("-?[0-9.]+")) return "<mn>" + tok + "</mn>";
    String name = tok.replaceAll("\\d+$", ""), index = tok.substring(name.length());
    String mi = "<mi>" + (name.equals("beta") ? "&#x3B2;" : name.equals("kappa") ? "&#x3BA;" : escape(name)) + "</mi>";
    return index.isEmpty() ? mi : "<msub>" + mi + "<mn>" + index + "</mn></msub>";
  }

  private void skip() {
    while (pos < s.length() && s.charAt(pos) == ' ') pos++;
  }

  static String escape(String t) {
    return t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
