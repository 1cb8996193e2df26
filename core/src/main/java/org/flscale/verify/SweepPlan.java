package org.flscale.verify;

import java.util.ArrayList;
import java.util.List;

/**
 * The sizes of a sweep: a geometric ladder of d, a geometric ladder of P/d, seeds and chain starts,
 * and the sampler settings. {@link #cells()} lists every independent chain.
 */
public record SweepPlan(Budget budget, List<Integer> dims, List<Double> ratios, int seeds, List<ChainStart> starts, SamplerSettings sampler) implements java.io.Serializable {

  /** {@code count} values from lo to hi, equally spaced in log. */
  public static List<Double> geometric(double lo, double hi, int count) {
    List<Double> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      double v = count == 1 ? lo : lo * Math.pow(hi / lo, i / (double) (count - 1));
      out.add(Math.round(v * 100) / 100.0);
    }
    return out;
  }

  public SweepPlan with(List<Integer> dims, List<Double> ratios, Integer seeds, List<ChainStart> starts, SamplerSettings sampler) {
    return new SweepPlan(budget, dims != null ? dims : this.dims, ratios != null ? ratios : this.ratios,
        seeds != null ? seeds : this.seeds, starts != null ? starts : this.starts, sampler != null ? sampler : this.sampler);
  }

  public List<Cell> cells() {
    List<Cell> out = new ArrayList<>();
    for (int d : dims) {
      for (double r : ratios) {
        int p = (int) Math.max(2, Math.round(r * d));
        for (int s = 1; s <= seeds; s++) {
          for (ChainStart st : starts) out.add(new Cell(d, p, r, s, st));
        }
      }
    }
    return out;
  }

  /** Relative cost of a cell (multiply-adds of the whole chain, with the test-set evaluations). */
  public double cost(Cell c, ModelInstance m) {
    long steps = sampler.steps(c.d(), c.p());
    double macs = m.macsPerSample(c.d());
    double perStep = 3.0 * c.p() * macs + 8.0 * c.p() * m.readoutWidth(c.d());
    double tests = (double) sampler.samples() * sampler.testSize() * macs;
    return steps * perStep + tests;
  }
}
