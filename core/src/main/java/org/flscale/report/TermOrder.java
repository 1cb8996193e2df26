package org.flscale.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.flscale.derive.Derivation;

/** The order in which a target's terms are learned, as "He1(w.x) (P ~ d)" entries; ties share an entry. */
final class TermOrder {
  private TermOrder() {}

  /** Empty when some learnable term has no fixed place (free scales). */
  static List<String> of(Derivation d) {
    Map<Integer, List<String>> byPlace = new TreeMap<>();
    for (Derivation.TermDerivation t : d.terms()) {
      if (!t.derivation().learnable()) continue;
      if (t.order() == 0) return List.of();
      DerivationView v = new DerivationView(t.derivation());
      byPlace.computeIfAbsent(t.order(), k -> new ArrayList<>())
          .add(t.term().display() + " (P ~ " + v.piecewise(v.ordered(t.derivation().winner())) + ")");
    }
    List<String> out = new ArrayList<>();
    for (List<String> same : byPlace.values()) out.add(String.join(" and ", same));
    return out;
  }
}
