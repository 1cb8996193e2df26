package org.flscale.model;


/** A mistake in a .arch file: where it is and what was expected. Never carries a stack trace to the user. */
public class ArchError extends RuntimeException {
  private final SourcePos pos;

  public ArchError(SourcePos pos, String message) {
    super(message, null, false, false);
    this.pos = pos;
  }

  public SourcePos pos() {
    return pos;
  }

  /** The one-paragraph form printed by the CLI: {@code file:line:col: error: message}. */
  public String format() {
    return pos + ": error: " + getMessage();
  }
}
