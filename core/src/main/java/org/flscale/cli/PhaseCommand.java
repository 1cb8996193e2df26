package org.flscale.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.flscale.derive.Derivation;
import org.flscale.report.PhaseDiagram;
import org.flscale.report.PhaseLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * flscale phase FILE: the phase diagram over the plane of two free width exponents, or along the
 * exponent of one free scale.
 */
@Command(name = "phase", mixinStandardHelpOptions = true,
    description = "Draw the phase diagram of a file with free scales (SVG and PNG). Two free scales: which pattern "
        + "wins where in the plane of their exponents, P_* in each region, the boundaries with their equations and "
        + "contours of the P_* exponent. One free scale: the P_* exponent along it, shaded by the winning pattern.")
public final class PhaseCommand implements Callable<Integer> {
  @Parameters(paramLabel = "FILE", description = "an .arch file with one or two free scales")
  Path file;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = ".", description = "Output directory (default: ${DEFAULT-VALUE})")
  Path out;

  @Mixin RulesOption rules;

  @Override
  public Integer call() {
    OutputPaths.directory(out, "--out"); // before the derivation: a wrong path fails at once
    Derivation d = DerivedFile.derive(rules, file);
    int free = d.model().freeScales().size();
    if (free != 1 && free != 2) {
      throw new UserError(file + ": a phase diagram needs one or two free scales (this file has " + free
          + (free == 0 ? "" : ": " + String.join(", ", d.model().freeScales())) + ")");
    }
    org.flscale.report.Figure diagram;
    try {
      diagram = free == 2 ? new PhaseDiagram(d) : new PhaseLine(d);
    } catch (IllegalArgumentException e) {
      throw new UserError(file + ": " + e.getMessage());
    }
    List<Path> written;
    try {
      written = diagram.write(out, "phase-" + d.model().name());
    } catch (IOException e) {
      throw new UserError("cannot write the diagram into " + out + ": " + OutputPaths.reason(e));
    }
    for (Path p : written) System.out.println("wrote " + p);
    return 0;
  }
}
