package org.flscale.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.flscale.model.ArchModel;
import org.flscale.parse.ArchFileParser;
import org.flscale.reproduce.Preset;
import org.flscale.reproduce.Presets;
import org.flscale.reproduce.Reproduction;
import org.flscale.rules.RuleBook;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * flscale reproduce PRESET: reruns a paper's experiment from its preset (presets/PAPER/NAME.json):
 * verify runs through `flscale verify` itself, width sweeps through {@link Reproduction}; always
 * resumable, then the measured exponents beside the derivation's and the paper's claim.
 */
@Command(name = "reproduce", sortOptions = false,
    description = "Rerun a paper's experiment from a preset (e.g. rubin2025/two-layer-outliers, or rubin2025 for all of them): "
        + "train the networks, fit each claimed scaling with a bootstrap 95%% interval, and put the paper's claim, "
        + "flscale's derivation and the measurement side by side. Resumes by default; results go to reproduce-results/PRESET/.")
public final class ReproduceCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "PRESET", description = "PAPER/NAME, PAPER (all its presets, smallest first) or a preset .json file.")
  String name;

  @Mixin RulesOption rulesOption;

  @Option(names = "--list", description = "List the presets and exit.")
  boolean list;

  @Option(names = "--out", paramLabel = "DIR", description = "Results root (default reproduce-results/); each preset writes into DIR/PAPER/NAME/.")
  Path out;

  @Option(names = "--threads", description = "Parallel chains (default: all cores).")
  Integer threads;

  @Option(names = "--fresh", description = "Do not resume: set the earlier results aside and run everything again.")
  boolean fresh;

  @Option(names = "--analyse", description = "Run nothing: read the results there are and write the comparison.")
  boolean analyseOnly;

  @Option(names = "--no-progress", description = "No progress bar.")
  boolean noProgress;

  @Override
  public Integer call() {
    PrintWriter stdout = spec.commandLine().getOut();
    Presets presets = Presets.installed();
    if (list || name == null) {
      for (Presets.Found f : presets.all()) stdout.printf("%-40s %s%n", f.name(), read(f).title());
      stdout.flush();
      return list ? 0 : Main.USER_ERROR;
    }
    List<Presets.Found> found;
    try {
      found = presets.resolve(name);
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage());
    }
    RuleBook rules = rulesOption.load();
    Path root = out != null ? out : Path.of("reproduce-results");
    PrintStream err = System.err;
    int threadCount = threads != null ? threads : Runtime.getRuntime().availableProcessors();
    for (Presets.Found f : found) {
      Preset p = read(f);
      Path arch = f.file().getParent().resolve(p.arch());
      Path dir = root.resolve(f.name());
      OutputPaths.directory(dir, "--out");
      ArchModel model = ArchInput.read(arch).parse(new ArchFileParser(rules.knownNames()));
      Reproduction r = new Reproduction(p, model, rules, dir);
      String text;
      if (p.width() != null) {
        text = r.runWidth(err, threadCount, !noProgress && !analyseOnly, !fresh, analyseOnly);
      } else {
        if (!analyseOnly) for (Preset.VerifyRun run : p.verify()) runVerify(arch, run, dir, threadCount);
        text = r.analyseVerify();
      }
      stdout.print("=== " + f.name() + "\n" + text + "results: " + dir + "/summary.json\n");
      stdout.flush();
    }
    return 0;
  }

  private void runVerify(Path arch, Preset.VerifyRun run, Path dir, int threadCount) {
    List<String> args = new ArrayList<>(List.of("verify", arch.toString()));
    args.addAll(run.args());
    args.addAll(List.of("--out", (run.label() == null || run.label().isEmpty() ? dir : dir.resolve(run.label())).toString(),
        "--threads", String.valueOf(threadCount)));
    if (!fresh) args.add("--resume");
    if (noProgress) args.add("--no-progress");
    int status = Main.run(args.toArray(String[]::new));
    if (status != 0) throw new UserError("the verify run " + String.join(" ", args) + " ended with status " + status);
  }

  private static Preset read(Presets.Found f) {
    try {
      return Preset.read(f.file());
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage());
    }
  }
}
