package org.flscale.rules;

import java.util.BitSet;
import java.util.function.DoubleUnaryOperator;

/**
 * An activation as the rules define it: its formula, fast numeric value and derivative, and its
 * Hermite content: the degrees k <= {@link RuleBook#MAX_DEGREE} with an He_k component.
 * {@code polynomial} means the content is finite (no degrees above the polynomial's degree).
 */
public record Activation(
    String name, String formula, DoubleUnaryOperator value, DoubleUnaryOperator derivative, BitSet degrees, boolean polynomial) {

  public boolean hasDegree(int k) {
    return degrees.get(k);
  }

  /** "odd degrees 1, 3, 5, ...", "degrees 0, 2", "degrees 0, 1, 2, 4, 6, ..." */
  public String describeDegrees() {
    return DegreeSets.describe(degrees, polynomial);
  }
}
