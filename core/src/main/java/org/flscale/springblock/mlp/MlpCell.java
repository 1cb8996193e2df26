package org.flscale.springblock.mlp;

import java.util.List;
import java.util.Locale;

/** One finished MLP run as stored in a line of cells.jsonl. */
public record MlpCell(String key, String settings, double nonlinearity, String noiseKind, double noise, int seed,
    List<Double> logSeparation, double curvature, double nonUniformity, double trainAccuracy, double testAccuracy,
    double finalLoss, double seconds) {

  /** The identity of a cell: non-linearity, noise and seed. */
  public static String key(double nonlinearity, NoiseKind kind, double noise, int seed) {
    return String.format(Locale.ROOT, "nl=%.4f %s=%.4f seed=%d", nonlinearity, kind.label, noise, seed);
  }
}
