package org.flscale.model;

import org.flscale.math.Affine;

/**
 * A declared scale. {@code exponent} is its exponent in the base scale as an affine form over the
 * free scales: the base itself is the constant 1, a free scale N is the variable "N", and
 * {@code scale N = d^(3/2)} is the constant 3/2.
 */
public record Scale(String name, Affine exponent, Kind kind, SourcePos pos) {
  public enum Kind { BASE, FREE, TIED }

  public boolean isFree() {
    return kind == Kind.FREE;
  }
}
