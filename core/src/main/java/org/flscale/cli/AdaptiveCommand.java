package org.flscale.cli;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.flscale.adaptive.AdaptiveBalance;
import org.flscale.adaptive.AdaptiveDerivation;
import org.flscale.adaptive.AdaptiveReport;
import org.flscale.adaptive.check.AdaptiveCheck;
import org.flscale.model.ArchModel;
import org.flscale.parse.ArchFileParser;
import org.flscale.rules.RuleBook;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** flscale adaptive FILE: the multi-scale adaptive theory's scalings from rules/adaptive.m, and with --verify its numeric check. */
@Command(name = "adaptive", mixinStandardHelpOptions = true, sortOptions = false,
    description = "The multi-scale adaptive theory of a one-hidden-layer linear network (chi = 1 standard, chi = N mean field, "
        + "'parametrization chi = N^(1/2)' between): the kernel shift, the sample size of O(1) adaptation, the teacher spike "
        + "and tree level's accuracy, by dominant balance from rules/adaptive.m. --verify samples the real network by Langevin "
        + "and compares with the exact posterior of the kernel scale (quadrature), with plots.")
public final class AdaptiveCommand implements Callable<Integer> {
  enum Format { text, json }

  @Parameters(paramLabel = "FILE", description = "A .arch file: h1 = linear(W1 x) width N, f = a . h1, target He1(w . x); - reads standard input.")
  Path file;

  @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE})")
  Format format;

  @ArgGroup(exclusive = false, heading = "Numeric check%n")
  VerifyOptions verify;

  static final class VerifyOptions {
    @Option(names = "--verify", required = true, description = "Sample the network (Langevin) over N and chi in {1, N^(1/2), N}; compare with the exact posterior.")
    boolean on;

    @Option(names = "--quick", description = "A small sweep (about a minute): fewer widths and samples.")
    boolean quick;

    @Option(names = "--dim", paramLabel = "D", description = "The input dimension d of the check (default 16).")
    Integer dim;

    @Option(names = "--samples", paramLabel = "P", description = "The number of training samples P of the check (default 8).")
    Integer samples;

    @Option(names = "--out", paramLabel = "DIR", description = "Results directory (default verify-results/adaptive-<model>/).")
    Path out;

    @Option(names = "--resume", description = "Keep the finished chains of an earlier run with the same settings; run only the rest.")
    boolean resume;

    @Option(names = "--threads", description = "Parallel chains (default: all cores).")
    Integer threads;

    @Option(names = "--no-progress", description = "No progress bar.")
    boolean noProgress;
  }

  @Mixin RulesOption rules;

  @Override
  public Integer call() {
    RuleBook book = rules.load();
    ArchModel model = ArchInput.read(file).parse(new ArchFileParser(book.knownNames()));
    AdaptiveDerivation d = AdaptiveDerivation.of(model, AdaptiveBalance.derive(book));
    book.saveCache();
    if (verify == null) {
      System.out.print(format == Format.json ? AdaptiveReport.json(d).toPrettyString() + "\n" : AdaptiveReport.text(d));
      return 0;
    }
    if (verify.threads != null && verify.threads < 1) throw new UserError("--threads must be at least 1");
    if (verify.dim != null && (verify.dim < 1 || verify.dim > 4096)) throw new UserError("--dim must be between 1 and 4096");
    if (verify.samples != null && (verify.samples < 1 || verify.samples > 4096)) throw new UserError("--samples must be between 1 and 4096");
    Path dir = verify.out != null ? verify.out : Path.of("verify-results", "adaptive-" + model.name());
    int t = verify.threads != null ? verify.threads : Runtime.getRuntime().availableProcessors();
    try {
      String summary = AdaptiveCheck.run(d, new AdaptiveCheck.Options(dir, verify.quick, verify.resume, t, !verify.noProgress, verify.dim, verify.samples), System.err);
      System.out.print(AdaptiveReport.text(d));
      System.out.print(summary);
    } catch (UncheckedIOException e) {
      throw new UserError("cannot write the results in " + dir + ": " + e.getCause().getMessage());
    }
    return 0;
  }
}
