package org.flscale.derive;

import java.util.List;

/**
 * A pattern for every hidden layer, in order, and the Hermite degree of the feature each non-lazy
 * layer acts on (0 for a lazy layer).
 */
public record PatternAssignment(List<String> layers) {
  /** "GP-Spec", "Spec-Mag"; a single layer gives its pattern alone. */
  public String label() {
    return String.join("-", layers);
  }

  public int nonLazyCount(String lazy) {
    return (int) layers.stream().filter(p -> !p.equals(lazy)).count();
  }

  @Override
  public String toString() {
    return label();
  }
}
