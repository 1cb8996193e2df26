package org.flscale.reproduce;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * One finished chain of a width sweep, as stored in cells.jsonl: the cell (swept width, seed,
 * start) at fixed d and P, the verifier's measurements, and per hidden layer (index 0 = layer 1)
 * the paper's overlap observables averaged over the chain's samples: neurons beyond the prior's
 * 3-sigma cut, specialised neurons (layer 1: weight cosine with u > 0.8, the verifier's count; deeper:
 * |corr(pre-activation, u.x)| > 0.8), the mean |overlap| in prior units, the prior's rms overlap
 * and the overlap histogram (bins of 0.25 prior units on [-10, 10], neurons per sample).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record WidthRecord(
    String model, String settings, String scale, int width, int d, int p, int seed, String start, List<Integer> widths,
    double alignment, double testMse, double trainLoss, List<Double> outliers, List<Double> specialised,
    List<Double> meanAbsOverlap, List<Double> priorRms, List<List<Double>> histogram, long steps, double dt, double dtFactor,
    double seconds, boolean diverged) implements org.flscale.verify.JsonLinesStore.Line {

  @Override public String key() {
    return width + "/" + seed + "/" + start;
  }

  public String chain() {
    return seed + "/" + start;
  }
}
