package org.flscale.verify;

/** A data set as the shared network skeleton sees it: the targets of {@code count} samples. Each kind's data add their inputs. */
public abstract class Samples {
  public final double[] y;
  public final int count;

  protected Samples(double[] y, int count) {
    this.y = y;
    this.count = count;
  }
}
