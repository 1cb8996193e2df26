package org.flscale.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder: the numeric verifier (issue 3) replaces this class. */
@Command(name = "verify", description = "Train the networks of a .arch file over a sweep of sizes and fit the exponent.")
public final class VerifyCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new UserError("verify is not implemented yet");
  }
}
