package org.flscale.verify;

import java.util.List;

/**
 * The sweep sizes of a run: a smoke run (seconds, decides nothing), the default, and the full run.
 * Every size can be overridden ({@link SweepPlan#with}); the budget's name stays on the report.
 */
public enum Budget {
  QUICK("quick"),
  DEFAULT("default"),
  FULL("full");

  public final String label;

  Budget(String label) {
    this.label = label;
  }

  /** A quick run only shows that the chains run: its fits are reported, its verdict is "smoke run". */
  public boolean smoke() {
    return this == QUICK;
  }

  public SweepPlan plan(SamplerSettings.Mode mode, double kappa) {
    return switch (this) {
      case QUICK -> new SweepPlan(this, List.of(8, 12, 16), SweepPlan.geometric(4, 64, 3), 1, List.of(ChainStart.ALIGNED),
          new SamplerSettings(mode, kappa, 0.1, 1.5, 0.5, 50, 1000, 0.8));
      case DEFAULT -> new SweepPlan(this, List.of(12, 16, 24, 32), SweepPlan.geometric(4, 48, 6), 2, List.of(ChainStart.RANDOM, ChainStart.ALIGNED),
          new SamplerSettings(mode, kappa, 0.1, 3, 0.5, 100, 2000, 0.8));
      case FULL -> new SweepPlan(this, List.of(16, 24, 32, 48), SweepPlan.geometric(4, 48, 8), 4, List.of(ChainStart.RANDOM, ChainStart.ALIGNED),
          new SamplerSettings(mode, kappa, 0.1, 3, 0.5, 100, 4000, 0.8));
    };
  }
}
