package org.flscale.cli;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.flscale.rules.RuleBook;
import org.flscale.springblock.SpringBlockRun;
import org.flscale.springblock.SpringBlockSpec;
import org.flscale.springblock.SweepFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** flscale springblock FILE.sweep: the spring-block chain and the deep network's noise-non-linearity phase diagrams. */
@Command(name = "springblock", mixinStandardHelpOptions = true, sortOptions = false,
    description = "The spring-block theory of layer-wise feature learning: simulate the chain (closed-form frictional profile, "
        + "noise-friction phase diagram, the rules' boundary against the simulation, the second-order chain), train the deep MLP "
        + "over non-linearity x noise (label noise, dropout), and draw both phase diagrams side by side (SVG and PNG).")
public final class SpringBlockCommand implements Callable<Integer> {
  @Parameters(paramLabel = "FILE", description = "A .sweep file of 'key = value' lines (docs/spring-block.md).")
  Path file;

  @Option(names = "--out", paramLabel = "DIR", description = "Results directory (default springblock-results/<name>/).")
  Path out;

  @Option(names = "--resume", description = "Keep the finished MLP runs of an earlier run with the same settings; run only the rest.")
  boolean resume;

  @Option(names = "--threads", description = "Parallel MLP runs (default: all cores).")
  Integer threads;

  @Option(names = "--chain-only", description = "Only the chain (seconds); no network is trained.")
  boolean chainOnly;

  @Option(names = "--no-progress", description = "No progress bar.")
  boolean noProgress;

  @Mixin RulesOption rules;

  @Override
  public Integer call() {
    if (!Files.isRegularFile(file)) throw new UserError("cannot read " + file + ": no such file");
    if (threads != null && threads < 1) throw new UserError("--threads must be at least 1");
    SpringBlockSpec spec = SweepFile.read(file);
    RuleBook book = rules.load();
    Path dir = out != null ? out : Path.of("springblock-results", spec.name());
    int t = threads != null ? threads : Runtime.getRuntime().availableProcessors();
    String summary;
    try {
      summary = SpringBlockRun.run(spec, file.toString(), book, new SpringBlockRun.Options(dir, resume, t, chainOnly, !noProgress), System.err);
    } catch (UncheckedIOException e) {
      throw new UserError("cannot write the results in " + dir + ": " + e.getCause().getMessage());
    }
    System.out.print(summary);
    book.saveCache();
    return 0;
  }
}
