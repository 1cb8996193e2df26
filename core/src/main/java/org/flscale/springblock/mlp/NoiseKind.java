package org.flscale.springblock.mlp;

/** How training is shaken: not at all, by label noise, or by dropout. */
public enum NoiseKind {
  /** No noise (the noise-free edge shared by both diagrams). */
  NONE("none"),
  /** Each step a fraction of the training labels is replaced by a uniformly random class. */
  LABEL("label_noise"),
  /** Dropout of that rate after every hidden activation. */
  DROPOUT("dropout");

  public final String label;

  NoiseKind(String label) {
    this.label = label;
  }

  public static NoiseKind of(String label) {
    for (NoiseKind k : values()) if (k.label.equals(label)) return k;
    throw new IllegalArgumentException("unknown noise kind " + label);
  }
}
