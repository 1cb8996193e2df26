package org.flscale.derive;

import java.util.Optional;
import org.apache.commons.math3.fraction.BigFraction;

/** The result of a derivation. (Being written.) */
public interface Derivation {
  /** The exact exponent of the base scale in P_*, present when the target is learnable and every scale is tied. */
  Optional<BigFraction> pstarExponent();
}
