package org.flscale.derive;

import java.util.List;

/**
 * A pattern for every hidden layer, in order, and the Hermite degree of the feature each non-lazy
 * layer acts on (0 for a lazy layer).
 */
public record PatternAssignment(List<String> layers) {
  /**
   * "GP-Spec", "Spec-Mag"; a single layer gives its pattern alone, and so does a network whose
   * layers are all lazy ("GP", as the JSON contract says).
   */
  public String label() {
    if (layers.size() > 1 && layers.stream().distinct().count() == 1 && layers.get(0).equals(LAZY)) return LAZY;
    return String.join("-", layers);
  }

  /** The lazy pattern's name (the first of the rules' Patterns; GP in the shipped rules). */
  static final String LAZY = "GP";

  public int nonLazyCount(String lazy) {
    return (int) layers.stream().filter(p -> !p.equals(lazy)).count();
  }

  @Override
  public String toString() {
    return label();
  }
}
