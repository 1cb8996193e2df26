package org.flscale.report;

import java.util.List;
import java.util.Map;
import org.flscale.derive.Derivation;
import org.flscale.derive.PatternOutcome;
import org.flscale.derive.Piece;

/** The derivation as LaTeX to paste into a paper: one align* block per pattern, the result last. */
public final class LatexReport {
  private LatexReport() {}

  public static String render(Derivation d) {
    StringBuilder sb = new StringBuilder();
    sb.append("% flscale derivation of ").append(d.model().name()).append('\n');
    if (d.terms().isEmpty()) return body(sb, d);
    // several terms: each term's derivation, then the target's result and the order of learning
    for (Derivation.TermDerivation t : d.terms()) {
      sb.append("% term ").append(t.term().display()).append(t.dominant() ? " (largest amplitude)" : "").append('\n');
      body(sb, t.derivation());
    }
    sb.append("% target ").append(d.model().target().display()).append(": P_* of its hardest term of the largest amplitude\n");
    if (!d.learnable()) sb.append("% not learnable: ").append(d.reason()).append('\n');
    else result(sb, new DerivationView(d), d);
    List<String> order = TermOrder.of(d);
    if (!order.isEmpty()) sb.append("% learned in the order: ").append(String.join(", then ", order)).append('\n');
    return sb.toString();
  }

  private static String body(StringBuilder sb, Derivation d) {
    DerivationView v = new DerivationView(d);
    if (!d.learnable()) {
      sb.append("% not learnable: ").append(d.reason()).append('\n');
      return sb.toString();
    }
    sb.append("\\begin{align*}\n");
    for (PatternOutcome o : d.patterns()) {
      for (Piece p : v.ordered(o.pieces())) {
        sb.append("  \\text{").append(o.assignment().label()).append("}:\\quad & E \\sim ").append(tex(v.energy(p)));
        Map<String, String> params = v.parameters(p);
        for (var e : params.entrySet()) sb.append(",\\ ").append(texSymbol(e.getKey())).append(" = ").append(tex(e.getValue()));
        sb.append(",\\ P_*/\\kappa \\sim ").append(tex(v.expression(p)));
        List<String> cond = v.conditions(p);
        if (!cond.isEmpty()) sb.append(" \\quad (").append(tex(String.join(",\\ ", cond))).append(")");
        sb.append(" \\\\\n");
      }
    }
    sb.append("\\end{align*}\n");
    return result(sb, v, d);
  }

  /** The answer, P_* over kappa, with cases over the free scales. */
  private static String result(StringBuilder sb, DerivationView v, Derivation d) {
    sb.append("\\[ P_*/\\kappa \\sim ");
    List<Piece> win = v.ordered(d.winner());
    if (win.size() == 1) {
      sb.append(tex(v.expression(win.get(0)))).append(" \\quad (\\text{").append(win.get(0).assignment().label()).append("}) \\]\n");
    } else {
      sb.append("\\begin{cases}\n");
      for (Piece p : win) {
        sb.append("  ").append(tex(v.expression(p))).append(" & ").append(tex(String.join(",\\ ", v.conditions(p))))
            .append(" \\ (\\text{").append(p.assignment().label()).append("}) \\\\\n");
      }
      sb.append("\\end{cases} \\]\n");
    }
    return sb.toString();
  }

  /** Monomial text to TeX: powers of more than one character in braces (d^{12}, d^{1/2}), "<=" as \le, Greek parameter names. */
  static String tex(String s) {
    String t = s.replace("_", "\\_").replaceAll("\\^\\(([^)]*)\\)", "^{$1}").replaceAll("\\^(\\d{2,})", "^{$1}")
        .replace("<=", "\\le").replace(">=", "\\ge");
    t = t.replaceAll("\\beps\\b", "\\\\varepsilon").replaceAll("\\bbeta(\\d*)", "\\\\beta_{$1}").replaceAll("\\b([A-Za-z])(\\d+)\\b", "$1_{$2}");
    return t;
  }

  private static String texSymbol(String s) {
    return tex(s);
  }
}
