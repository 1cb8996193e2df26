package org.flscale.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flscale.derive.Derivation;
import org.flscale.derive.PatternOutcome;
import org.flscale.derive.Piece;
import org.flscale.math.Rationals;
import org.flscale.model.ArchModel;
import org.flscale.model.Scale;

/** The derivation as a theorist writes it on a blackboard: energies, balances, optima, winner. */
public final class TextReport {
  private TextReport() {}

  /** Above this many pattern assignments the text shows the winners and the closest ones (all: every one). */
  static final int SHOWN = 12;

  public static String render(Derivation d) {
    return render(d, false);
  }

  /** With {@code all}, every pattern assignment compared; otherwise at most {@link #SHOWN}, the winners first. */
  public static String render(Derivation d, boolean all) {
    DerivationView v = new DerivationView(d);
    ArchModel m = d.model();
    StringBuilder sb = new StringBuilder();
    String kappa = m.ridgeName();
    sb.append(m.name()).append("  (").append(m.file()).append(")\n");
    sb.append("  target   ").append(m.target().display()).append(", ").append(m.input().name()).append(" ~ ")
        .append(m.input().distribution()).append("(").append(m.input().dimension()).append(")")
        .append("; ").append(m.parametrization().display()).append(" parametrization, ").append(kappa).append(" = ")
        .append(Rationals.format(m.ridge())).append('\n');
    List<String> scales = new ArrayList<>();
    Monomials plain = new Monomials(m.freeScales(), m.baseScale());
    for (Scale s : m.scales().values()) {
      scales.add(switch (s.kind()) {
        case BASE -> s.name() + " (base)";
        case FREE -> s.name() + " (free)";
        case TIED -> s.name() + " = " + plain.closedForm(s.exponent());
      });
    }
    sb.append("  scales   ").append(String.join(", ", scales)).append('\n');
    for (String r : d.reachable()) sb.append("  kernel   ").append(r).append('\n');
    if (!d.terms().isEmpty()) {
      terms(sb, d, kappa, plain, all);
      return sb.toString();
    }
    if (!d.learnable()) {
      sb.append("\n  NOT LEARNABLE: ").append(d.reason()).append('\n');
      return sb.toString();
    }
    body(sb, d, kappa, all);
    return sb.toString();
  }

  /** A target of several terms: each term's derivation, then the target's P_* and the order of learning. */
  private static void terms(StringBuilder sb, Derivation d, String kappa, Monomials plain, boolean all) {
    int i = 0;
    for (Derivation.TermDerivation t : d.terms()) {
      sb.append("\n  term ").append(++i).append(": ").append(t.term().display()).append("   amplitude ")
          .append(plain.closedForm(org.flscale.math.Affine.constant(t.amplitude())))
          .append(t.dominant() ? " (largest)" : "").append('\n');
      if (!t.derivation().learnable()) {
        sb.append("  NOT LEARNABLE: ").append(t.derivation().reason()).append('\n');
      } else {
        body(sb, t.derivation(), kappa, all);
      }
    }
    sb.append('\n');
    if (!d.learnable()) {
      sb.append("  NOT LEARNABLE: ").append(d.reason()).append('\n');
    } else {
      DerivationView v = new DerivationView(d);
      sb.append("  => target: P*/").append(kappa).append(" ~ ").append(v.piecewise(v.ordered(d.winner())))
          .append("   (its hardest term of the largest amplitude)\n");
      floorLine(sb, v, kappa);
    }
    List<String> order = TermOrder.of(d);
    if (!order.isEmpty()) sb.append("  learned in the order: ").append(String.join(", then ", order)).append('\n');
    else sb.append("  order of learning: depends on the free scales (see each term)\n");
  }

  private static void body(StringBuilder sb, Derivation d, String kappa, boolean all) {
    DerivationView v = new DerivationView(d);
    sb.append('\n');
    List<PatternOutcome> shown = all ? d.patterns() : shown(d);
    // the names' column is as wide as the longest name (deep networks: "Spec-Mag-Spec-GP")
    int names = Math.max(12, d.patterns().stream().mapToInt(o -> o.assignment().label().length()).max().orElse(0));
    String nameColumn = "  %-" + names + "s ";
    for (PatternOutcome o : shown) {
      String name = o.assignment().label();
      if (o.pieces().isEmpty()) {
        sb.append(String.format(nameColumn + "cannot produce the target%n", name));
        continue;
      }
      List<Piece> pieces = v.ordered(o.pieces());
      if (pieces.size() == 1) {
        piece(sb, v, pieces.get(0), String.format(nameColumn, name), kappa);
      } else {
        sb.append(String.format(nameColumn + "piecewise in the free scales:%n", name));
        for (Piece p : pieces) {
          sb.append("     when ").append(String.join(", ", v.conditions(p))).append('\n');
          piece(sb, v, p, "       ", kappa);
        }
      }
    }
    double every = Math.pow(d.model().patterns().size(), d.model().layers().size());
    if (shown.size() < d.patterns().size()) {
      sb.append("  ... ").append(d.patterns().size() - shown.size()).append(" more pattern assignments (--all lists every one)\n");
    } else if (!d.model().input().hasTokens() && d.patterns().size() < every) {
      // a shortlist (dynamic programme over depth) or merged equivalent assignments
      sb.append(String.format("  ... of the %.0f pattern assignments only these were derived: the others cannot win (--all derives every one)%n", every));
    }
    sb.append('\n');
    List<Piece> win = v.ordered(d.winner());
    if (win.size() == 1) {
      Piece p = win.get(0);
      sb.append("  => P*/").append(kappa).append(" ~ ").append(v.expression(p)).append("   pattern ")
          .append(p.assignment().label());
      if (v.exponent(p) != null) sb.append(", exponent ").append(v.exponent(p));
      sb.append('\n');
    } else {
      sb.append("  => P*/").append(kappa).append(" is piecewise:\n");
      int exprs = Math.max(28, win.stream().mapToInt(p -> v.expression(p).length()).max().orElse(0));
      int labels = Math.max(12, win.stream().mapToInt(p -> p.assignment().label().length()).max().orElse(0));
      for (Piece p : win) {
        sb.append(String.format("       %-" + exprs + "s  %-" + labels + "s  when %s%s%n", v.expression(p), p.assignment().label(),
            String.join(", ", v.conditions(p)), v.binding(p) == org.flscale.derive.Derivation.Binding.VARIATIONAL
                || v.binding(p) == null ? "" : "   (floor " + v.binding(p).name().toLowerCase().replace("floor", "binds") + ")"));
      }
    }
    floorLine(sb, v, kappa);
  }

  /**
   * The pattern assignments worth reading first when there are many: those that win somewhere,
   * then the closest by exponent (every scale tied) or in the order compared, up to SHOWN.
   */
  private static List<PatternOutcome> shown(Derivation d) {
    if (d.patterns().size() <= SHOWN) return d.patterns();
    java.util.Set<String> winners = new java.util.LinkedHashSet<>();
    for (Piece p : d.winner()) winners.add(p.assignment().label());
    List<PatternOutcome> out = new ArrayList<>();
    for (PatternOutcome o : d.patterns()) if (winners.contains(o.assignment().label())) out.add(o);
    List<PatternOutcome> rest = new ArrayList<>();
    for (PatternOutcome o : d.patterns()) if (!winners.contains(o.assignment().label()) && !o.pieces().isEmpty()) rest.add(o);
    if (d.model().allScalesTied()) rest.sort(java.util.Comparator.comparing(o -> o.pieces().get(0).exponent().constant()));
    for (PatternOutcome o : rest) if (out.size() < SHOWN) out.add(o);
    return out;
  }

  /** One line when the information floor binds somewhere: P_* is a necessary sample size, and so is the floor. */
  private static void floorLine(StringBuilder sb, DerivationView v, String kappa) {
    var b = v.binding();
    if (b == null || b == org.flscale.derive.Derivation.Binding.VARIATIONAL) return;
    sb.append("  floor    P ~ ").append(v.floorExpression()).append(" samples to pin the target's directions down (InformationFloor) ")
        .append(b == org.flscale.derive.Derivation.Binding.FLOOR ? "binds: P*/" + kappa + " is below it"
            : "binds where P*/" + kappa + " is below it").append('\n');
  }

  private static void piece(StringBuilder sb, DerivationView v, Piece p, String lead, String kappa) {
    String pad = " ".repeat(lead.length());
    sb.append(lead).append("E ~ ").append(v.energy(p));
    List<String> feats = v.features(p);
    if (!feats.isEmpty()) sb.append("    [").append(String.join("; ", feats)).append(']');
    sb.append('\n');
    List<String> bal = v.balance(p);
    if (!bal.isEmpty() && v.parameters(p).size() > 0) sb.append(pad).append("balance  ").append(String.join(", ", bal)).append('\n');
    Map<String, String> params = v.parameters(p);
    if (!params.isEmpty()) {
      List<String> ps = new ArrayList<>();
      params.forEach((k, val) -> ps.add(k + " = " + val));
      sb.append(pad).append("optimum  ").append(String.join(", ", ps)).append('\n');
      Map<String, String> free = v.unfixed(p);
      if (!free.isEmpty()) {
        sb.append(pad).append("not fixed by the balance: ").append(String.join(", ", free.values()))
            .append(" all give the same exponent\n");
      }
    }
    sb.append(pad).append("P*/").append(kappa).append(" ~ ").append(v.expression(p));
    if (v.exponent(p) != null) sb.append("   (exponent ").append(v.exponent(p)).append(')');
    sb.append('\n');
  }
}
