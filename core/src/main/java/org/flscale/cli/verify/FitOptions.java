package org.flscale.cli.verify;

import java.util.List;
import org.flscale.math.Q;
import picocli.CommandLine.Option;

/** What P_* is read at, how the exponent is fitted and decided, and what it is compared with. */
public final class FitOptions {
  @Option(names = "--thresholds", split = ",", defaultValue = "0.3,0.4,0.5", description = "Alignment thresholds for P_* (default ${DEFAULT-VALUE}).")
  List<Double> thresholds;

  @Option(names = "--primary", defaultValue = "0.4", description = "Threshold that decides the verdict (default ${DEFAULT-VALUE}).")
  double primary;

  @Option(names = "--bootstrap", defaultValue = "2000", description = "Bootstrap replicates (default ${DEFAULT-VALUE}).")
  int bootstrap;

  @Option(names = "--max-width", defaultValue = "1.0", description = "Widest 95%% interval that still decides (default ${DEFAULT-VALUE}).")
  double maxWidth;

  @Option(names = "--min-range", defaultValue = "2.0", description = "Smallest d_max/d_min that decides (default ${DEFAULT-VALUE}).")
  double minRange;

  @Option(names = "--min-chains", defaultValue = "4", description = "Fewest chains (seeds x starts) at every size that still decide (default ${DEFAULT-VALUE}).")
  int minChains;

  @Option(names = "--predicted", paramLabel = "EXP", converter = ExactRational.class,
      description = "Exponent of d in P_* to compare with, e.g. 1 or 3/2 (overrides the derivation).")
  Q predicted;

  /** --predicted (null: the derivation's closed form). */
  public Q predicted() {
    return predicted;
  }
}
