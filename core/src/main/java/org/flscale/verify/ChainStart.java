package org.flscale.verify;

/** How a chain starts: a prior draw, or a prior draw with a few first-layer units set onto the teacher (each kind says which). */
public enum ChainStart {
  RANDOM("random"),
  ALIGNED("aligned");

  /** Neurons of the first layer set to w_i = u in an aligned start (as in the reference protocol). */
  public static final int ALIGNED_NEURONS = 3;
  public final String label;

  ChainStart(String label) {
    this.label = label;
  }

  public static ChainStart parse(String s) {
    for (ChainStart c : values()) if (c.label.equals(s)) return c;
    throw new IllegalArgumentException("unknown start " + s);
  }
}
