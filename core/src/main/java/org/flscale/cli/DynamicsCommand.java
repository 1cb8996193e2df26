package org.flscale.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.flscale.dynamics.DynamicsReport;
import org.flscale.dynamics.DynamicsVerify;
import org.flscale.model.DynamicsSpec;
import org.flscale.parse.DynamicsFileParser;
import org.flscale.report.JsonReport;
import org.flscale.rules.RuleBook;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** flscale dynamics FILE: the exactly solvable training dynamics (exact linear model, unbalanced initialisation). */
@Command(name = "dynamics", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Derives a 'dynamics' file from the rules (rules/exact_linear.m, rules/unbalanced.m): phases, mechanisms and "
        + "exponents as exact rationals. --verify integrates the dynamics over sizes and fits the exponents (docs/exact-linear.md, "
        + "docs/unbalanced-init.md).")
public final class DynamicsCommand implements Callable<Integer> {
  @Parameters(paramLabel = "FILE", description = "A .arch file with a 'dynamics' block ('-' reads standard input).")
  Path file;

  @Option(names = "--format", description = "text (default) or json.")
  String format = "text";

  @Option(names = "--verify", description = "Run the numeric check (resumable; results in --out).")
  boolean verify;

  @Option(names = "--quick", description = "With --verify: a small grid and few sizes (seconds).")
  boolean quick;

  @Option(names = "--out", paramLabel = "DIR", description = "Results directory (default dynamics-results/<model>/).")
  Path out;

  @Option(names = "--resume", description = "Keep the finished cells of an earlier run in --out; run only the rest.")
  boolean resume;

  @Option(names = "--student", description = "With --verify on an 'unbalanced' file: also the two-layer ReLU student's (tau, delta) phase portrait.")
  boolean student;

  @Mixin RulesOption rules;

  @Override
  public Integer call() throws Exception {
    if (!format.equals("text") && !format.equals("json")) throw new UserError("--format must be text or json");
    if ((quick || resume || student || out != null) && !verify) throw new UserError("--quick, --resume, --student and --out go with --verify");
    ArchInput in = ArchInput.read(file);
    DynamicsSpec spec = new DynamicsFileParser().parse(in.text(), in.name());
    RuleBook book = rules.load();
    if (format.equals("json")) System.out.println(JsonReport.write(DynamicsReport.json(spec, book)));
    else System.out.print(DynamicsReport.text(spec, book));
    book.saveCache();
    if (verify) {
      Path dir = out != null ? out : Path.of("dynamics-results", spec.name());
      try {
        System.out.print(DynamicsVerify.run(spec, book, new DynamicsVerify.Options(dir, resume, quick, student), System.err));
      } catch (IllegalArgumentException e) { // a file the check cannot sweep (too many free scales)
        throw new UserError(in.name() + ": " + e.getMessage());
      } catch (java.io.UncheckedIOException e) {
        throw new UserError("cannot write the results in " + dir + ": " + e.getCause().getMessage());
      }
    }
    return 0;
  }
}
