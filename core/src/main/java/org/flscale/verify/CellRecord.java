package org.flscale.verify;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Map;

/**
 * A finished cell as stored in cells.jsonl: the cell, the network widths, what the chain measured, and
 * the sizes of the model's other scales at this d (what the prediction is evaluated at; absent in older files)
 * and the gradient evaluations the chain cost (0 in files written before it was recorded).
 * Keys are snake_case; the camelCase keys of files written before are still read, so --resume keeps them.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CellRecord(
    String model, String settings, int d, int p, double ratio, int seed, String start, List<Integer> widths,
    double alignment, @JsonAlias("testMse") double testMse, List<Double> specialised, @JsonAlias("trainLoss") double trainLoss, long steps, double dt,
    @JsonAlias("dtFactor") double dtFactor, double seconds, boolean diverged, Map<String, Integer> scales,
    long gradientEvaluations) implements java.io.Serializable, JsonLinesStore.Line {

  /** A record without the gradient count (as files written before it was recorded). */
  public CellRecord(String model, String settings, int d, int p, double ratio, int seed, String start, List<Integer> widths,
      double alignment, double testMse, List<Double> specialised, double trainLoss, long steps, double dt,
      double dtFactor, double seconds, boolean diverged, Map<String, Integer> scales) {
    this(model, settings, d, p, ratio, seed, start, widths, alignment, testMse, specialised, trainLoss, steps, dt, dtFactor,
        seconds, diverged, scales, 0);
  }

  @Override public String key() {
    return d + "/" + p + "/" + seed + "/" + start;
  }

  /** The chain identity across the P ladder (for bootstrap resampling). */
  public String chain() {
    return seed + "/" + start;
  }
}
