package org.flscale.verify;

import java.util.ArrayList;
import java.util.List;

/**
 * The sizes of a sweep: a geometric ladder of d, a geometric ladder of P/d, seeds and chain starts,
 * and the sampler settings. {@link #cells()} lists every independent chain.
 */
public record SweepPlan(String budget, List<Integer> dims, List<Double> ratios, int seeds, List<ChainStart> starts, SamplerSettings sampler) {

  public static SweepPlan budget(String name, SamplerSettings.Mode mode, double kappa) {
    return switch (name) {
      case "quick" -> new SweepPlan(name, List.of(8, 12, 16), geometric(4, 64, 3), 1, List.of(ChainStart.ALIGNED),
          new SamplerSettings(mode, kappa, 0.1, 1.5, 0.5, 50, 1000, 0.8));
      case "default" -> new SweepPlan(name, List.of(12, 16, 24, 32), geometric(4, 48, 6), 2, List.of(ChainStart.RANDOM, ChainStart.ALIGNED),
          new SamplerSettings(mode, kappa, 0.1, 3, 0.5, 100, 2000, 0.8));
      case "full" -> new SweepPlan(name, List.of(16, 24, 32, 48), geometric(4, 48, 8), 4, List.of(ChainStart.RANDOM, ChainStart.ALIGNED),
          new SamplerSettings(mode, kappa, 0.1, 3, 0.5, 100, 4000, 0.8));
      default -> throw new IllegalArgumentException("unknown budget " + name);
    };
  }

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
    long macs = m.macsPerSample(c.d());
    double perStep = 3.0 * c.p() * macs + 8.0 * c.p() * m.readoutWidth(c.d());
    double tests = (double) sampler.samples() * sampler.testSize() * macs;
    return steps * perStep + tests;
  }
}
