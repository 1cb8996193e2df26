package org.flscale.rules;

import java.util.BitSet;

/**
 * What the derivation needs of an activation: its formula and its Hermite content, the degrees
 * k <= {@link RuleBook#MAX_DEGREE} with an He_k component ({@code polynomial}: no degrees above the
 * polynomial's own).
 */
public record ActivationContent(String name, String formula, BitSet degrees, boolean polynomial) {
  public boolean hasDegree(int k) {
    return degrees.get(k);
  }

  /** "odd degrees 1, 3, 5, ...", "degrees 0, 2", "degrees 0, 1, 2, 4, 6, ..." */
  public String describeDegrees() {
    return DegreeSets.describe(degrees, polynomial);
  }
}
