package org.flscale.verify;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flscale.derive.Derivation;
import org.flscale.derive.Piece;
import org.flscale.math.Affine;
import org.flscale.math.Q;

/**
 * The prediction for P_* read off a derivation: its winning pieces (closed forms d^e(q), e affine
 * in the exponents q of the free scales, each valid on a region of q) evaluated at the sizes a run
 * uses. Nothing here knows an exponent: every number comes from {@link Derivation#winner()}, or
 * from a constant exponent the user passed (--predicted), which replaces the derivation.
 */
public final class PredictedScaling {
  private final List<Piece> pieces;
  private final Q constant;
  private final String description;

  private PredictedScaling(List<Piece> pieces, Q constant, String description) {
    this.pieces = pieces;
    this.constant = constant;
    this.description = description;
  }

  public static PredictedScaling derived(Derivation d, String closedForm) {
    if (!d.learnable() || d.winner().isEmpty()) return none("the derivation finds the target not learnable" + (d.reason() == null ? "" : ": " + d.reason()));
    return new PredictedScaling(d.winner(), null, "derived: P_* ~ " + closedForm);
  }

  /** The derivation's prediction for the model; when it fails or finds nothing learnable, none, saying why. */
  public static PredictedScaling derive(org.flscale.rules.RuleBook rules, org.flscale.model.ArchModel model) {
    try {
      Derivation der = new org.flscale.derive.Deriver(rules).derive(model);
      return der.learnable() ? derived(der, new org.flscale.report.DerivationView(der).piecewise(der.winner()))
          : none("the derivation finds the target not learnable" + (der.reason() == null ? "" : ": " + der.reason()));
    } catch (RuntimeException | Error ex) {
      return none("the derivation failed: " + ex.getClass().getSimpleName() + (ex.getMessage() == null ? "" : ": " + ex.getMessage()));
    }
  }

  public static PredictedScaling constant(Q exponent, String source) {
    return new PredictedScaling(List.of(), exponent, source);
  }

  public static PredictedScaling none(String why) {
    return new PredictedScaling(List.of(), null, why);
  }

  public boolean known() {
    return constant != null || !pieces.isEmpty();
  }

  public String description() {
    return description;
  }

  /**
   * The exact exponent of the base in P_* when every free scale is tied to it (settings: scale ->
   * its exponent q); empty when there is no prediction. On a boundary between regions any piece
   * that holds gives the same value (the closed form is continuous), so the first is taken.
   */
  public Optional<Q> exponent(Map<String, Q> settings) {
    if (constant != null) return Optional.of(constant);
    for (Piece p : pieces) {
      if (p.conditions().stream().allMatch(c -> c.eval(settings).signum() >= 0)) return Optional.of(p.exponent().eval(settings));
    }
    return Optional.empty();
  }

  /**
   * ln P_* predicted at concrete sizes: base d and the free scales' actual (rounded) values, each
   * read as d^q with q = ln value / ln d. The piece whose region holds (or, after rounding, is
   * violated least) gives e(q) ln d. NaN when there is no prediction.
   */
  public double logPstar(int d, Map<String, Integer> sizes) {
    double ld = Math.log(d);
    if (constant != null) return constant.doubleValue() * ld;
    if (pieces.isEmpty()) return Double.NaN;
    Map<String, Double> q = new LinkedHashMap<>();
    sizes.forEach((k, v) -> q.put(k, Math.log(v) / ld));
    Piece best = null;
    double bestViolation = Double.POSITIVE_INFINITY;
    for (Piece p : pieces) {
      double worst = 0;
      for (Affine c : p.conditions()) worst = Math.max(worst, -eval(c, q));
      if (worst < bestViolation) {
        best = p;
        bestViolation = worst;
      }
    }
    return eval(best.exponent(), q) * ld;
  }

  private static double eval(Affine a, Map<String, Double> q) {
    double s = a.constant().doubleValue();
    for (Map.Entry<String, Q> e : a.coeffs().entrySet()) {
      Double v = q.get(e.getKey());
      if (v == null) throw new IllegalArgumentException("no size for scale " + e.getKey());
      s += e.getValue().doubleValue() * v;
    }
    return s;
  }
}
