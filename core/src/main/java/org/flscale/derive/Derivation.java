package org.flscale.derive;

import org.flscale.math.Q;
import org.flscale.math.Affine;
import org.flscale.model.Target;

import java.util.List;
import java.util.Optional;
import org.apache.commons.math3.fraction.BigFraction;
import org.flscale.model.ArchModel;

/**
 * The result of deriving a model: whether the target is learnable (and why not), the winning
 * pattern and P_* exponent region by region, and every pattern assignment that was compared.
 * {@code reachable} describes, layer by layer, which Hermite degrees the network can represent.
 */
public record Derivation(
    ArchModel model,
    boolean learnable,
    String reason,
    List<Piece> winner,
    List<PatternOutcome> patterns,
    List<String> reachable,
    List<String> parameterOrder,
    List<TermDerivation> terms,
    Floor floor) {

  /** A derivation of a one-term target. */
  public Derivation(ArchModel model, boolean learnable, String reason, List<Piece> winner, List<PatternOutcome> patterns,
      List<String> reachable, List<String> parameterOrder) {
    this(model, learnable, reason, winner, patterns, reachable, parameterOrder, List.of(), null);
  }

  public Derivation(ArchModel model, boolean learnable, String reason, List<Piece> winner, List<PatternOutcome> patterns,
      List<String> reachable, List<String> parameterOrder, List<TermDerivation> terms) {
    this(model, learnable, reason, winner, patterns, reachable, parameterOrder, terms, null);
  }

  /** Which bound is the larger on a region of the answer: P_* itself, the floor, or either, by the scales. */
  public enum Binding { VARIATIONAL, FLOOR, DEPENDS }

  /**
   * The information floor (rules/kernels.m, InformationFloor): its exponent in the free scales and,
   * for each piece of {@link #winner()}, which bound binds there.
   */
  public record Floor(Affine exponent, List<Binding> binding) {}

  public Derivation withFloor(Floor f) {
    return new Derivation(model, learnable, reason, winner, patterns, reachable, parameterOrder, terms, f);
  }

  /**
   * One term of a target with several: its amplitude's exponent, absolute and relative to the
   * largest (the relative one weighs its costs), its own derivation (P_* of that term alone),
   * whether it is of the largest amplitude (then it counts for the target's P_*), and its place in
   * the order of learning (1 first; equal exponents share a place; 0 when free scales leave the
   * order open or the term cannot be learned).
   */
  public record TermDerivation(Target.Term term, Q amplitude, Q relativeAmplitude, Derivation derivation, boolean dominant,
      int order) {}

  /** The exact exponent of the base scale in P_* / kappa, when learnable and every scale is tied. */
  public Optional<BigFraction> pstarExponent() {
    if (!learnable || winner.size() != 1 || !winner.get(0).exponent().isConstant()) return Optional.empty();
    return Optional.of(winner.get(0).exponent().constant().toBigFraction());
  }
}
