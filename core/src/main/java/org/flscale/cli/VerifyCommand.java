package org.flscale.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.flscale.cli.verify.BudgetOptions;
import org.flscale.cli.verify.EngineOptions;
import org.flscale.cli.verify.FitOptions;
import org.flscale.cli.verify.OutputFormat;
import org.flscale.cli.verify.OutputOptions;
import org.flscale.cli.verify.SamplerOptions;
import org.flscale.cli.verify.SizeOptions;
import org.flscale.model.ArchModel;
import org.flscale.parse.ArchFileParser;
import org.flscale.rules.RuleBook;
import org.flscale.verify.SweepPlan;
import org.flscale.verify.Verification;
import org.flscale.verify.VerifyException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** flscale verify FILE: train the networks of a .arch file over a sweep of sizes and fit the exponent of P_* ({@link Verification}). */
@Command(name = "verify", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Train the network a .arch file describes (Bayesian posterior by full-batch Langevin dynamics) on "
        + "synthetic data over a sweep of d and P, find P_*(d) where the alignment of the averaged predictor crosses a "
        + "threshold, fit its exponent with a bootstrap 95%% interval and compare with the derived exponent.")
public final class VerifyCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "The .arch file (- for standard input).")
  Path file;

  @Mixin RulesOption rulesOption;
  @ArgGroup(exclusive = true) BudgetOptions budget;
  @Mixin SizeOptions sizes;
  @Mixin SamplerOptions sampler;
  @Mixin FitOptions fit;
  @Mixin OutputOptions output;
  @Mixin EngineOptions engine;

  @Override
  public Integer call() {
    ArchInput input = ArchInput.read(file);
    RuleBook rules = rulesOption.load();
    ArchModel model = input.parse(new ArchFileParser(rules.knownNames()));
    SweepPlan plan = sizes.applyTo(sampler.applyTo(BudgetOptions.of(budget).plan(sampler.mode(), sampler.kappa())));
    Verification.Outcome o;
    try {
      Verification.Options options = output.options(fit, engine, model);
      Verification v = new Verification(model, input.text(), rules, sizes.values(model.baseScale()), plan, sizes.dimsGiven(), fit.predicted(), options);
      OutputPaths.directory(options.out(), "--out"); // after the sizes are accepted, before anything runs
      // the progress bar and the headers go to the real stderr, unbuffered
      o = v.run(new PrintStream(new FileOutputStream(FileDescriptor.err), true));
    } catch (VerifyException e) {
      throw new UserError(e.getMessage());
    }
    PrintWriter out = spec.commandLine().getOut();
    if (output.format() == OutputFormat.JSON) out.println(o.json());
    else out.print(o.text() + "results: " + o.files() + "\n");
    out.flush();
    return 0;
  }
}
