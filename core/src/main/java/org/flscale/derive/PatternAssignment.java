package org.flscale.derive;

import java.util.List;

/**
 * A pattern for every hidden layer, in order. {@code lazy} is the rules' lazy pattern (the first
 * of their Patterns, GP in the shipped rules).
 */
public record PatternAssignment(List<String> layers, String lazy) {
  /**
   * "GP-Spec", "Spec-Mag"; a single layer gives its pattern alone, and so does a network whose
   * layers are all lazy ("GP", as the JSON contract says).
   */
  public String label() {
    if (layers.stream().allMatch(lazy::equals)) return lazy;
    return String.join("-", layers);
  }

  public int nonLazyCount() {
    return (int) layers.stream().filter(p -> !p.equals(lazy)).count();
  }

  @Override
  public String toString() {
    return label();
  }
}
