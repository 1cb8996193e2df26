package org.flscale.model;

/** A single-index target y = He_degree(direction . input). */
public record Target(String name, int degree, String direction, String input, SourcePos pos) {
  public String display() {
    return "He" + degree + "(" + direction + "." + input + ")";
  }
}
