package org.flscale.cli.verify;

import java.nio.file.Path;
import org.flscale.model.ArchModel;
import picocli.CommandLine.Option;

/** Where results go, how the run shows itself, and how many chains run at once. */
public final class OutputOptions {
  @Option(names = "--threads", description = "Parallel chains (default: all cores).")
  Integer threads;

  @Option(names = "--out", paramLabel = "DIR", description = "Results directory (default verify-results/<model>/).")
  Path out;

  @Option(names = "--resume", description = "Keep the finished cells of an earlier run with the same settings and run only the rest.")
  boolean resume;

  @Option(names = "--format", defaultValue = "text", converter = Labelled.Format.class, description = "text (default) or json.")
  OutputFormat format;

  @Option(names = "--no-progress", description = "No progress bar.")
  boolean noProgress;

  @Option(names = "--no-plots", description = "Do not write PNG plots.")
  boolean noPlots;

  public OutputFormat format() {
    return format;
  }

  int threads() {
    return threads != null ? Math.max(1, threads) : Runtime.getRuntime().availableProcessors();
  }

  Path out(ArchModel model) {
    return out != null ? out : Path.of("verify-results", model.name());
  }

  /** The verifier's options from these and the fit's. */
  public org.flscale.verify.Verification.Options options(FitOptions fit, EngineOptions engine, ArchModel model) {
    return new org.flscale.verify.Verification.Options(fit.thresholds, fit.primary, fit.bootstrap, fit.maxWidth, fit.minRange, fit.minChains,
        threads(), out(model), resume, !noProgress, !noPlots, engine.settings(threads()));
  }
}
