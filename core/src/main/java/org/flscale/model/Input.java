package org.flscale.model;

/**
 * The input {@code name : distribution(dimension)}, optionally of {@code tokens} vectors per sample
 * ({@code input x : gaussian(d) tokens L}; null for one vector). Only isotropic gaussian inputs exist.
 */
public record Input(String name, String distribution, String dimension, String tokens, SourcePos pos) {
  public boolean hasTokens() {
    return tokens != null;
  }
}
