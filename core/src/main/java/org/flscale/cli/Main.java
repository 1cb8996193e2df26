package org.flscale.cli;

import java.util.concurrent.Callable;
import org.flscale.derive.TimeLimit;
import org.flscale.model.ArchError;
import org.flscale.rules.RuleError;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The flscale command line: derive, check, test, verify, phase, report, springblock, reproduce. */
@Command(
    name = "flscale",
    mixinStandardHelpOptions = true,
    version = "flscale 0.1.0",
    description = "Scale analysis of feature learning: derive critical scalings from rules, and verify them numerically.",
    subcommands = {DeriveCommand.class, CheckCommand.class, TestCommand.class, VerifyCommand.class, PhaseCommand.class,
        ReportCommand.class, SpringBlockCommand.class, AdaptiveCommand.class, DynamicsCommand.class, ReproduceCommand.class,
        CommandLine.HelpCommand.class})
public final class Main implements Callable<Integer> {
  /** Exit status for mistakes in the user's input (a .arch file, a rule file, an option, a path). */
  public static final int USER_ERROR = 2;
  /** Exit status for a fault of flscale itself: one line, never a stack trace (FLSCALE_DEBUG=1 shows it). */
  public static final int INTERNAL_ERROR = 70;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** No command: the usage, and a status that tells a script nothing was done. */
  @Override
  public Integer call() {
    spec.commandLine().usage(System.err);
    return USER_ERROR;
  }

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Exit status of a derivation stopped at its time limit. */
  static final int TIME_LIMIT = 3;

  /** Runs the command line and returns the exit status (used by tests without exiting the JVM). */
  public static int run(String... args) {
    CommandLine cl = new CommandLine(new Main());
    // --help and -h on every command, whether or not its class asks for them
    for (CommandLine sub : cl.getSubcommands().values()) {
      if (sub.getCommandSpec().optionsMap().get("--help") == null) sub.getCommandSpec().mixinStandardHelpOptions(true);
    }
    cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
      cmd.getErr().println(oneLine(ex));
      if (ex instanceof TimeLimit.Exceeded) return TIME_LIMIT;
      if (ex instanceof ArchError || ex instanceof RuleError || ex instanceof UserError
          || OutputPaths.userMistake(ex) != null) {
        return USER_ERROR;
      }
      if (System.getenv("FLSCALE_DEBUG") != null) ex.printStackTrace(cmd.getErr());
      return INTERNAL_ERROR;
    });
    cl.setParameterExceptionHandler((ex, a) -> {
      // one line for the mistake, one for where to look: the whole usage would bury the message
      CommandLine c = ex.getCommandLine();
      c.getErr().println("error: " + ex.getMessage());
      c.getErr().println("  (" + c.getCommandSpec().qualifiedName() + " --help lists the options)");
      return USER_ERROR;
    });
    return cl.execute(args);
  }

  /** What the user reads about an exception: the file position for a file's mistake, one line for anything else. */
  static String oneLine(Throwable ex) {
    if (ex instanceof ArchError ae) return ae.format();
    if (ex instanceof RuleError || ex instanceof UserError || ex instanceof TimeLimit.Exceeded) return "error: " + ex.getMessage();
    String io = OutputPaths.userMistake(ex);
    if (io != null) return "error: " + io;
    return "error: internal error (" + ex.getClass().getSimpleName() + (ex.getMessage() == null ? "" : ": " + ex.getMessage())
        + "); please report it with the file that caused it (FLSCALE_DEBUG=1 prints the stack trace)";
  }
}
