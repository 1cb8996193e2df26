package org.flscale.verify;

/**
 * The arithmetic of a chain's forward and backward passes. FP64 throughout by default; FP32 runs
 * the passes in float (weights rounded to a float copy each step, activations, products and erf in
 * float, the weight gradient accumulated in float over a block of samples) while the parameters,
 * the gradient they are added into, the noise and the update stay double ({@link FloatDenseNetwork};
 * docs/verify.md measures what it changes). Only the kinds listed in {@link #FLOAT_KINDS} have float passes.
 */
public enum Precision {
  FP64("fp64", "double precision throughout"),
  FP32("fp32", "forward and backward passes in float; parameters, gradient, noise and update in double");

  /** The layer kinds whose passes run in float. */
  static final java.util.List<String> FLOAT_KINDS = java.util.List.of("dense");

  public final String label;
  public final String description;

  Precision(String label, String description) {
    this.label = label;
    this.description = description;
  }

  /** Why this precision cannot train a kind (one line), or null. */
  public String unsupported(String kind) {
    if (this == FP64 || FLOAT_KINDS.contains(kind)) return null;
    return "--precision fp32 runs the " + String.join(", ", FLOAT_KINDS) + " kind only, not " + kind + " (use --precision fp64)";
  }
}
