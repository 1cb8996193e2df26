package org.flscale.verify;

import java.util.SplittableRandom;

/** How a chain starts: a prior draw, or a prior draw with a few first-layer neurons set onto the teacher. */
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

  public double[] initialParameters(NetworkShape shape, double[] teacher, SplittableRandom rng) {
    double[] theta = Potential.draw(shape.parameterCount(), rng);
    if (this == ALIGNED && shape.depth() >= 1) {
      int d = shape.inputDim(), n1 = shape.widths()[1];
      double s = Math.sqrt(d);
      for (int i = 0; i < Math.min(ALIGNED_NEURONS, n1); i++) {
        for (int k = 0; k < d; k++) theta[i * d + k] = s * teacher[k];
      }
    }
    return theta;
  }
}
