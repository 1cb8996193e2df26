package org.flscale.cli;

import org.flscale.model.ArchError;
import org.flscale.rules.RuleError;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The flscale command line: derive, test, verify. */
@Command(
    name = "flscale",
    mixinStandardHelpOptions = true,
    version = "flscale 0.1.0",
    description = "Scale analysis of feature learning: derive critical scalings from rules, and verify them numerically.",
    subcommands = {DeriveCommand.class, TestCommand.class, VerifyCommand.class, PhaseCommand.class, ReportCommand.class, SpringBlockCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
  /** Exit status for mistakes in the user's input (a .arch file, a rule file, an option). */
  public static final int USER_ERROR = 2;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.err);
  }

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Exit status of a derivation stopped at its time limit. */
  static final int TIME_LIMIT = 3;

  /** Runs the command line and returns the exit status (used by tests without exiting the JVM). */
  public static int run(String... args) {
    CommandLine cl = new CommandLine(new Main());
    cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
      if (ex instanceof ArchError ae) {
        cmd.getErr().println(ae.format());
        return USER_ERROR;
      }
      if (ex instanceof RuleError re) {
        cmd.getErr().println("error: " + re.getMessage());
        return USER_ERROR;
      }
      if (ex instanceof UserError ue) {
        cmd.getErr().println("error: " + ue.getMessage());
        return USER_ERROR;
      }
      if (ex instanceof org.flscale.derive.TimeLimit.Exceeded te) {
        cmd.getErr().println("error: " + te.getMessage());
        return TIME_LIMIT;
      }
      throw ex;
    });
    cl.setParameterExceptionHandler((ex, a) -> {
      ex.getCommandLine().getErr().println("error: " + ex.getMessage());
      ex.getCommandLine().usage(ex.getCommandLine().getErr());
      return USER_ERROR;
    });
    return cl.execute(args);
  }
}
