package org.flscale.adaptive;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.flscale.math.Affine;
import org.flscale.math.Rationals;
import org.flscale.model.ArchModel;
import org.flscale.report.Monomials;

/** The adaptive derivation of a file as text or JSON: each quantity in the theory's symbols and in the file's scales. */
public final class AdaptiveReport {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private AdaptiveReport() {}

  private static Monomials theory() {
    return new Monomials(List.of(AdaptiveBalance.CHI, AdaptiveBalance.P, AdaptiveBalance.N, AdaptiveBalance.D, AdaptiveBalance.KSCALE), "1");
  }

  private static Monomials file(ArchModel m) {
    List<String> order = new ArrayList<>(List.of(AdaptiveBalance.P));
    order.addAll(m.freeScales());
    return new Monomials(order, m.baseScale());
  }

  public static String text(AdaptiveDerivation a) {
    ArchModel m = a.model();
    AdaptiveBalance b = a.balance();
    Monomials t = theory(), f = file(m);
    StringBuilder sb = new StringBuilder();
    sb.append(m.name()).append("  (").append(m.file()).append(")  multi-scale adaptive theory (rules/adaptive.m)\n");
    sb.append("  network  f(x) = sum_i a_i w_i.x, width N = ").append(f.closedForm(a.substitution().get(AdaptiveBalance.N)))
        .append(", input dimension ").append(f.closedForm(a.substitution().get(AdaptiveBalance.D)))
        .append("; a_i ~ N(0, g_a/(chi N)) with chi = ").append(f.closedForm(a.chiExponent()))
        .append(" (").append(m.parametrization().display()).append(")\n");
    sb.append("  terms    saddle at Q = 1 + delta: N delta ~ data pull ").append(t.term(b.dataPull()))
        .append(" - fluctuation pull ").append(t.term(b.fluctuationPull()))
        .append(b.pullsTie() ? " (the two pulls are of one order)" : " (the data pull dominates where chi >> 1)").append('\n');
    for (AdaptiveDerivation.Line l : a.lines()) {
      sb.append(String.format(java.util.Locale.ROOT, "  %-44s ~ %-18s = %s%n", l.what(), t.closedForm(l.theory()), f.closedForm(l.file())));
    }
    sb.append("  beyond the crossover while ").append(t.condition(b.largeQValid())).append(" (the fluctuation pull stays below the data pull)\n");
    sb.append("  tree level (no log-determinant): shifts Q by ").append(t.closedForm(b.treeShiftError())).append(", ")
        .append(a.treeLevelVerdict()).append('\n');
    List<String> regime = new ArrayList<>();
    for (Affine c : b.regime()) regime.add(t.condition(c));
    sb.append("  regime   ").append(String.join(", ", regime)).append(" (small ridge); the file's constant ")
        .append(m.ridgeName()).append(" = ").append(Rationals.format(m.ridge()))
        .append(" meets it only while chi ~ 1: scale it like 1/chi (flscale adaptive --verify uses kappa0/chi)\n");
    return sb.toString();
  }

  /** The JSON form (docs/adaptive.schema.json): "exponent" is the base scale's exponent, given when it is a number (no P, no free scale). */
  public static ObjectNode json(AdaptiveDerivation a) {
    ArchModel m = a.model();
    Monomials t = theory(), f = file(m);
    ObjectNode root = MAPPER.createObjectNode();
    root.put("model", m.name());
    root.put("file", m.file());
    root.put("parametrization", m.parametrization().display());
    root.put("chi", f.closedForm(a.chiExponent()));
    if (a.chiExponent().isConstant()) root.put("chi_exponent", Rationals.format(a.chiExponent().constant()));
    ObjectNode q = root.putObject("derived");
    for (AdaptiveDerivation.Line l : a.lines()) {
      ObjectNode o = q.putObject(l.key());
      o.put("what", l.what());
      o.put("theory", t.closedForm(l.theory()));
      o.put("expression", f.closedForm(l.file()));
      if (l.file().isConstant()) o.put("exponent", Rationals.format(l.file().constant()));
    }
    root.put("tree_level", a.treeLevelVerdict());
    ArrayNode regime = root.putArray("regime");
    for (Affine c : a.balance().regime()) regime.add(t.condition(c));
    return root;
  }
}
