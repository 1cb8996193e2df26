package org.flscale.cli.verify;

import org.flscale.verify.Budget;
import picocli.CommandLine.Option;

/** --quick or --full (exclusive); neither is the default budget. */
public final class BudgetOptions {
  @Option(names = "--quick", description = "Smoke run (seconds): d=8,12,16, P/d=4,16,64, one aligned chain each, T=1.5. Shows that training runs; decides nothing.")
  boolean quick;

  @Option(names = "--full", description = "Full run, the one meant to decide: BAOAB over d=16..128 as far as its cost cap reaches (the two-layer erf net: all of it, 4 min on two cores), 8 P/d from 4 to 48, 4 seeds, both starts.")
  boolean full;

  /** The budget of the group (null when neither option is given). */
  public static Budget of(BudgetOptions o) {
    return o == null ? Budget.DEFAULT : o.quick ? Budget.QUICK : o.full ? Budget.FULL : Budget.DEFAULT;
  }
}
