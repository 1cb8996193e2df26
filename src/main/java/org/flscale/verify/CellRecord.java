package org.flscale.verify;

import java.util.List;
import java.util.Map;

/**
 * A finished cell as stored in cells.jsonl: the cell, the network widths, what the chain measured, and
 * the sizes of the model's other scales at this d (what the prediction is evaluated at; absent in older files).
 */
public record CellRecord(
    String model, String settings, int d, int p, double ratio, int seed, String start, List<Integer> widths,
    double alignment, double testMse, List<Double> specialised, double trainLoss, long steps, double dt,
    double dtFactor, double seconds, boolean diverged, Map<String, Integer> scales) {

  public String key() {
    return d + "/" + p + "/" + seed + "/" + start;
  }

  /** The chain identity across the P ladder (for bootstrap resampling). */
  public String chain() {
    return seed + "/" + start;
  }
}
