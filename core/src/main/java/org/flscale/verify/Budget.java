package org.flscale.verify;

import java.util.List;

/**
 * The sweep sizes of a run: a smoke run (seconds, decides nothing), the default, and the full run.
 * Every size can be overridden ({@link SweepPlan#with}); the budget's name stays on the report.
 * The full run is the one meant to decide: BAOAB (a fraction of Euler's gradient evaluations for the
 * same alignment, docs/verify.md) over d = 16..128, as far up that ladder as its cost cap reaches.
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

  /**
   * The full run's cap in the cost model's units ({@link SweepPlan#cost}, multiply-adds of the chains,
   * every series together): its ladder stops at the largest d under it. 1.5e13 is 25 minutes on two
   * threads at {@link Feasibility#UNITS_PER_SECOND}; the two-layer erf net's whole ladder costs
   * 1.2e13 and ran in 7.5 minutes of chains. A fixed number of units, not a time measured on the
   * machine, so that the same file and options always sweep the same sizes.
   */
  static final double FULL_COST_CAP = 1.5e13;

  /** The most this budget's ladder may cost (infinite for the quick and default budgets, whose ladders are small). */
  public double costCap() {
    return this == FULL ? FULL_COST_CAP : Double.POSITIVE_INFINITY;
  }

  public SweepPlan plan(SamplerSettings.Mode mode, double kappa) {
    return switch (this) {
      case QUICK -> new SweepPlan(this, List.of(8, 12, 16), SweepPlan.geometric(4, 64, 3), 1, List.of(ChainStart.ALIGNED),
          new SamplerSettings(mode, kappa, 0.1, 1.5, 0.5, 50, 1000, 0.8));
      case DEFAULT -> new SweepPlan(this, List.of(12, 16, 24, 32), SweepPlan.geometric(4, 48, 6), 2, List.of(ChainStart.RANDOM, ChainStart.ALIGNED),
          new SamplerSettings(mode, kappa, 0.1, 3, 0.5, 100, 2000, 0.8));
      case FULL -> new SweepPlan(this, List.of(16, 24, 32, 48, 64, 96, 128), SweepPlan.geometric(4, 48, 8), 4, List.of(ChainStart.RANDOM, ChainStart.ALIGNED),
          new SamplerSettings(mode, kappa, 0.1, 3, 0.5, 100, 4000, 0.8).withIntegrator(mode == SamplerSettings.Mode.GD ? Integrator.EULER : Integrator.BAOAB));
    };
  }
}
