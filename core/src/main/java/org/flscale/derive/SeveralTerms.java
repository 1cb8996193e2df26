package org.flscale.derive;

import java.util.ArrayList;
import java.util.List;
import org.flscale.math.Affine;
import org.flscale.math.Q;
import org.flscale.model.ArchModel;
import org.flscale.model.Target;
import org.flscale.rules.RuleBook;

/** The derivation of a target of several terms, from the derivation of each term alone. */
final class SeveralTerms {
  private final Deriver deriver;
  private final RuleBook rules;

  SeveralTerms(Deriver deriver, RuleBook rules) {
    this.deriver = deriver;
    this.rules = rules;
  }

  /**
   * A target of several terms: each term is derived on its own, its costs weighed by its amplitude
   * (ComponentCostFactor). The target's P_* is that of its hardest term of the largest amplitude
   * (the others carry a vanishing share of its variance; with free scales, the maximum over the
   * leading terms region by region), and the terms are ranked by P_*.
   */
  Derivation derive(ArchModel model) {
    Templates templates = new Templates(rules);
    List<Target.Term> terms = model.target().terms();
    List<Q> amplitudes = new ArrayList<>();
    for (Target.Term t : terms) amplitudes.add(t.coefficient() == null ? Q.ZERO : model.scale(t.coefficient()).exponent().constant());
    Q top = largest(amplitudes);
    // amplitudes count relative to the largest: multiplying the whole target by a scale changes nothing
    Affine reference = null;
    for (int i = 0; i < terms.size() && reference == null; i++) {
      if (amplitudes.get(i).compareTo(top) == 0) reference = amplitudeSymbol(model, terms.get(i));
    }
    List<Derivation> each = new ArrayList<>();
    for (Target.Term term : terms) {
      Affine relative = amplitudeSymbol(model, term).minus(reference);
      Affine weight = relative.equals(Affine.ZERO) ? Affine.ZERO : templates.componentCostFactor(relative);
      each.add(deriver.deriveTerm(model.withTarget(model.target().only(term)), weight));
    }
    List<Derivation.TermDerivation> out = new ArrayList<>();
    List<Derivation> leading = new ArrayList<>();
    int governing = -1; // the hardest leading term (an unlearnable one first)
    for (int i = 0; i < terms.size(); i++) {
      boolean lead = amplitudes.get(i).compareTo(top) == 0;
      out.add(new Derivation.TermDerivation(terms.get(i), amplitudes.get(i), amplitudes.get(i).subtract(top), each.get(i),
          lead, order(each, i)));
      if (!lead) continue;
      leading.add(each.get(i));
      if (governing < 0 || harder(each.get(i), each.get(governing))) governing = i;
    }
    Derivation g = each.get(governing);
    List<Piece> winner = g.winner();
    List<PatternOutcome> patterns = g.patterns();
    if (g.learnable() && !model.allScalesTied() && leading.size() > 1) {
      // with free scales the hardest leading term changes from region to region: no one term's
      // patterns stand for the target (each term's are in its own derivation)
      winner = new PiecewiseMaximum(model.freeScales()).of(leading.stream().map(Derivation::winner).toList());
      patterns = List.of();
    }
    String reason = g.learnable() ? null : g.reason();
    return new Derivation(model, g.learnable(), reason, winner, patterns, g.reachable(), g.parameterOrder(), out);
  }

  /** A term's amplitude as it appears in energies: its coefficient's symbol (exponent 0 without one). */
  private static Affine amplitudeSymbol(ArchModel model, Target.Term t) {
    return t.coefficient() == null ? Affine.ZERO : EnergyBuilder.symbol(model, t.coefficient());
  }

  private static Q largest(List<Q> amplitudes) {
    Q top = amplitudes.get(0);
    for (Q a : amplitudes) if (a.compareTo(top) > 0) top = a;
    return top;
  }

  /**
   * Whether a is harder to learn than b: unlearnable, or a larger exponent (scales tied), or on a
   * tie the one whose winner needs more feature learning (the later in the tie-break order), so
   * that the target's pattern does not depend on the order its terms are written in.
   */
  private boolean harder(Derivation a, Derivation b) {
    if (!b.learnable()) return false;
    if (!a.learnable()) return true;
    var ea = a.pstarExponent();
    var eb = b.pstarExponent();
    if (ea.isEmpty() || eb.isEmpty()) return false;
    int c = ea.get().compareTo(eb.get());
    if (c != 0) return c > 0;
    List<String> order = rules.knownNames().patterns();
    return Deriver.tieBreak(order).compare(a.winner().get(0).assignment(), b.winner().get(0).assignment()) > 0;
  }

  /** 1 + the number of distinct smaller P_* exponents among the learnable terms; 0 if undetermined. */
  private static int order(List<Derivation> each, int i) {
    var mine = each.get(i).pstarExponent();
    if (mine.isEmpty()) return 0;
    java.util.TreeSet<org.apache.commons.math3.fraction.BigFraction> smaller = new java.util.TreeSet<>();
    for (Derivation d : each) {
      var e = d.pstarExponent();
      if (e.isEmpty() && d.learnable()) return 0; // free scales: the order depends on them
      if (e.isPresent() && e.get().compareTo(mine.get()) < 0) smaller.add(e.get());
    }
    return smaller.size() + 1;
  }

}
