package org.flscale.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.flscale.derive.Derivation;
import org.flscale.report.PhaseDiagram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** flscale phase FILE: the phase diagram over the plane of two free width exponents. */
@Command(name = "phase", mixinStandardHelpOptions = true,
    description = "Draw the phase diagram of a file with two free scales: which pattern wins where, P_* in each "
        + "region, the boundaries with their equations and contours of the P_* exponent (SVG and PNG).")
public final class PhaseCommand implements Callable<Integer> {
  @Parameters(paramLabel = "FILE", description = "an .arch file with exactly two free scales")
  Path file;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = ".", description = "Output directory (default: ${DEFAULT-VALUE})")
  Path out;

  @Mixin RulesOption rules;

  @Override
  public Integer call() throws Exception {
    Derivation d = DerivedFile.derive(rules, file);
    PhaseDiagram diagram;
    try {
      diagram = new PhaseDiagram(d);
    } catch (IllegalArgumentException e) {
      throw new UserError(file + ": " + e.getMessage());
    }
    for (Path p : diagram.write(out, "phase-" + d.model().name())) System.out.println("wrote " + p);
    return 0;
  }
}
