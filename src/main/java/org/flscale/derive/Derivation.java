package org.flscale.derive;

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
    List<String> parameterOrder) {

  /** The exact exponent of the base scale in P_* / kappa, when learnable and every scale is tied. */
  public Optional<BigFraction> pstarExponent() {
    if (!learnable || winner.size() != 1 || !winner.get(0).exponent().isConstant()) return Optional.empty();
    return Optional.of(winner.get(0).exponent().constant().toBigFraction());
  }
}
