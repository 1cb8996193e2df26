package org.flscale.verify;

/** One independent unit of work: a chain at input dimension d, P training samples, a seed and a start. */
public record Cell(int d, int p, double ratio, int seed, ChainStart start) implements java.io.Serializable {
  public String key() {
    return d + "/" + p + "/" + seed + "/" + start.label;
  }
}
