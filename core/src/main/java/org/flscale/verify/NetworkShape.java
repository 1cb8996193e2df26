package org.flscale.verify;

/**
 * A dense network in preconditioned variables: widths n[0] = d (input), n[1..L] hidden, a linear
 * readout. Layer l computes h_l = act_l(V_l h_{l-1} / sqrt(n[l-1])) with V_l ~ N(0, 1) under the
 * prior (so W_l = V_l / sqrt(fan-in)), and f = readoutScale * b . h_L with b ~ N(0, 1):
 * readoutScale = 1/sqrt(N_L) in standard and 1/N_L in mean-field parametrization. L = 0 is a
 * linear model f = readoutScale * b . x (used to test the sampler on an exact Gaussian posterior).
 */
public record NetworkShape(int[] widths, ActivationKernel[] activations, double readoutScale) {
  public int depth() {
    return widths.length - 1;
  }

  public int inputDim() {
    return widths[0];
  }

  public int outputWidth() {
    return widths[depth()];
  }

  /** Number of parameters: every V_l plus the readout b. */
  public int parameterCount() {
    int n = 0;
    for (int l = 1; l <= depth(); l++) n += widths[l - 1] * widths[l];
    return n + outputWidth();
  }

  /** Offset in the flat parameter vector of V_l, stored row-major: V_l[i][k] at offset + i * n[l-1] + k. */
  public int weightOffset(int l) {
    int off = 0;
    for (int m = 1; m < l; m++) off += widths[m - 1] * widths[m];
    return off;
  }

  public int readoutOffset() {
    return weightOffset(depth() + 1);
  }

  /** Multiply-adds of one forward pass per sample. */
  public long macsPerSample() {
    long m = outputWidth();
    for (int l = 1; l <= depth(); l++) m += (long) widths[l - 1] * widths[l];
    return m;
  }

  public static double readoutScale(String parametrization, int width) {
    return switch (parametrization) {
      case "standard" -> 1 / Math.sqrt(width);
      case "mean_field" -> 1.0 / width;
      default -> throw new IllegalArgumentException("the verifier knows the parametrizations standard and mean_field, not " + parametrization);
    };
  }
}
