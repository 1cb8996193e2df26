package org.flscale.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.flscale.derive.Derivation;
import org.flscale.derive.PatternOutcome;
import org.flscale.derive.Piece;
import org.flscale.math.Rationals;

/**
 * One self-contained HTML page for a derivation: the file, what the kernels represent, the answer,
 * the phase diagram (inline SVG) when two scales are free, every pattern's energy, balance and
 * optimum typeset in MathML (no script, nothing fetched when the page is viewed), and the numeric
 * verifier's summary and plots when a results directory exists.
 */
public final class HtmlReport {
  private HtmlReport() {}

  public static String render(Derivation d, String source, Path verifyResults) throws IOException {
    DerivationView v = new DerivationView(d);
    String kappa = d.model().ridgeName();
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\"><head><meta charset=\"utf-8\"/>")
        .append("<title>flscale: ").append(esc(d.model().name())).append("</title><style>")
        .append("body{font-family:sans-serif;max-width:1000px;margin:2em auto;color:#222}")
        .append("table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:4px 8px;vertical-align:top;text-align:left}")
        .append("th{background:#f3f3f3}pre{background:#f8f8f8;padding:1em;overflow-x:auto}.win{font-size:1.3em}")
        .append("math{font-size:1.05em}</style></head><body>\n");
    h.append("<h1>").append(esc(d.model().name())).append("</h1>\n<p>Target ").append(esc(d.model().target().display()))
        .append(", ").append(esc(d.model().input().name())).append(" ~ ").append(esc(d.model().input().distribution()))
        .append("(").append(esc(d.model().input().dimension())).append("); ").append(esc(d.model().parametrization().display()))
        .append(" parametrization; ").append(MathMl.inline(kappa + " = " + Rationals.format(d.model().ridge()))).append(".</p>\n");

    h.append("<h2>Result</h2>\n");
    if (!d.terms().isEmpty()) terms(h, d, kappa);
    if (!d.learnable()) {
      h.append("<p class=\"win\">Not learnable.</p><p>").append(esc(d.reason())).append("</p>\n");
    } else {
      List<Piece> win = v.ordered(d.winner());
      if (win.size() == 1) {
        h.append("<p class=\"win\">").append(MathMl.inline("P_*/" + kappa + " ~ " + v.expression(win.get(0))))
            .append(" &#8212; pattern <b>").append(esc(win.get(0).assignment().label())).append("</b></p>\n");
      } else {
        h.append("<table><tr><th>where</th><th>pattern</th><th>P<sub>*</sub>/&#954;</th></tr>\n");
        for (Piece p : win) {
          h.append("<tr><td>").append(conditions(v, p)).append("</td><td>").append(esc(p.assignment().label()))
              .append("</td><td>").append(MathMl.inline(v.expression(p))).append("</td></tr>\n");
        }
        h.append("</table>\n");
      }
      int free = d.model().freeScales().size();
      if (free == 1 || free == 2) {
        Figure diagram = free == 2 ? new PhaseDiagram(d) : new PhaseLine(d);
        h.append("<h2>Phase diagram</h2>\n<div class=\"phase\">").append(diagram.svg()).append("</div>\n");
      }
    }

    h.append("<h2>What the kernels represent</h2>\n<ul>");
    for (String r : d.reachable()) h.append("<li>").append(esc(r)).append("</li>");
    h.append("</ul>\n");

    if (d.terms().isEmpty()) {
      if (d.learnable()) {
        h.append("<h2>The derivation, pattern by pattern</h2>\n");
        patternTable(h, d);
      }
    } else {
      // several terms: each term's own derivation
      for (Derivation.TermDerivation t : d.terms()) {
        h.append("<h2>The derivation of the term ").append(esc(t.term().display())).append("</h2>\n");
        if (t.derivation().learnable()) patternTable(h, t.derivation());
        else h.append("<p>Not learnable: ").append(esc(t.derivation().reason())).append("</p>\n");
      }
    }

    h.append("<h2>The file</h2>\n<pre>").append(esc(source)).append("</pre>\n");
    verification(h, verifyResults);
    h.append("<p style=\"color:#888\">Written by flscale. Every exponent above comes from the rules in <code>rules/</code> ")
        .append("and the exact dominant-balance solver.</p>\n</body></html>\n");
    return h.toString();
  }

  /** Every pattern's energy, balance, optimum and P_* as a table. */
  private static void patternTable(StringBuilder h, Derivation d) {
    DerivationView v = new DerivationView(d);
    h.append("<p>Energy E (sum of the layers' costs and the target's norm), ")
        .append("the terms in balance and the constraints that bind, the optimal variational parameters, and P<sub>*</sub>/&#954; ~ E.</p>\n")
        .append("<table><tr><th>pattern</th><th>where</th><th>energy</th><th>balance</th><th>optimum</th><th>P<sub>*</sub>/&#954;</th></tr>\n");
    for (PatternOutcome o : d.patterns()) {
      if (o.pieces().isEmpty()) {
        h.append("<tr><td>").append(esc(o.assignment().label())).append("</td><td colspan=\"5\">cannot produce the target</td></tr>\n");
        continue;
      }
      for (Piece p : v.ordered(o.pieces())) {
        h.append("<tr><td>").append(esc(o.assignment().label())).append("</td><td>").append(conditions(v, p)).append("</td><td>")
            .append(MathMl.inline("E ~ " + v.energy(p))).append("</td><td>");
        List<String> bal = new ArrayList<>();
        for (String b : v.balance(p)) bal.add(b.endsWith(" binds") ? MathMl.inline(b.replace(" binds", "")) + " binds"
            : b.endsWith(" dominates") ? MathMl.inline(b.replace(" dominates", "")) + " dominates" : MathMl.inline(b));
        h.append(String.join("<br/>", bal)).append("</td><td>");
        List<String> ps = new ArrayList<>();
        for (Map.Entry<String, String> e : v.parameters(p).entrySet()) ps.add(MathMl.inline(e.getKey() + " = " + e.getValue()));
        h.append(String.join("<br/>", ps)).append("</td><td>").append(MathMl.inline(v.expression(p))).append("</td></tr>\n");
      }
    }
    h.append("</table>\n");
  }

  private static void verification(StringBuilder h, Path dir) throws IOException {
    if (dir == null || !Files.isDirectory(dir)) return;
    Path summary = dir.resolve("summary.txt");
    if (!Files.exists(summary)) return;
    h.append("<h2>Numeric verification</h2>\n<pre>").append(esc(Files.readString(summary))).append("</pre>\n");
    for (String png : List.of("alignment_vs_P.png", "collapse.png", "pstar_vs_d.png")) {
      Path f = dir.resolve(png);
      if (!Files.exists(f)) continue;
      h.append("<p><img alt=\"").append(png).append("\" style=\"max-width:100%\" src=\"data:image/png;base64,")
          .append(Base64.getEncoder().encodeToString(Files.readAllBytes(f))).append("\"/></p>\n");
    }
  }

  /** A target of several terms: each term's own P_* and its place in the order of learning. */
  private static void terms(StringBuilder h, Derivation d, String kappa) {
    Monomials plain = new Monomials(d.model().freeScales(), d.model().baseScale());
    h.append("<table><tr><th>term</th><th>amplitude</th><th>pattern</th><th>P<sub>*</sub>/&#954; of the term</th>")
        .append("<th>learned</th></tr>\n");
    for (Derivation.TermDerivation t : d.terms()) {
      DerivationView tv = new DerivationView(t.derivation());
      h.append("<tr><td>").append(esc(t.term().display())).append("</td><td>")
          .append(MathMl.inline(plain.closedForm(org.flscale.math.Affine.constant(t.amplitude()))))
          .append(t.dominant() ? " (largest)" : "").append("</td>");
      if (!t.derivation().learnable()) {
        h.append("<td colspan=\"2\">not learnable</td><td></td></tr>\n");
        continue;
      }
      List<Piece> win = tv.ordered(t.derivation().winner());
      h.append("<td>").append(esc(tv.patternSummary(win))).append("</td><td>").append(esc(tv.piecewise(win)))
          .append("</td><td>").append(t.order() > 0 ? ordinal(t.order()) : "depends on the scales").append("</td></tr>\n");
    }
    h.append("</table>\n<p>The target's P<sub>*</sub> is that of its hardest term of the largest amplitude (with free ")
        .append("scales, the maximum over those terms region by region); each term's derivation follows below.</p>\n");
  }

  private static String ordinal(int n) {
    return n + (n % 100 >= 11 && n % 100 <= 13 ? "th" : switch (n % 10) {
      case 1 -> "st";
      case 2 -> "nd";
      case 3 -> "rd";
      default -> "th";
    });
  }

  private static String conditions(DerivationView v, Piece p) {
    List<String> cs = v.conditions(p);
    if (cs.isEmpty()) return "everywhere";
    List<String> out = new ArrayList<>();
    for (String c : cs) out.add(MathMl.inline(c));
    return String.join("<br/>", out);
  }

  private static String esc(String t) {
    return MathMl.escape(t).replace("\"", "&quot;");
  }
}
