package org.flscale.cli;

/** A mistake in how the command was called (missing file, bad option value): printed, exit 2. */
public class UserError extends RuntimeException {
  public UserError(String message) {
    super(message, null, false, false);
  }
}
