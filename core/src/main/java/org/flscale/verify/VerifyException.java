package org.flscale.verify;

/** A run the verifier refuses before it starts (sizes, output directory): one line for the user, no stack trace. */
public final class VerifyException extends RuntimeException {
  public VerifyException(String message) {
    super(message, null, false, false);
  }
}
