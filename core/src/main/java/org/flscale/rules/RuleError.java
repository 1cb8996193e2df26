package org.flscale.rules;

/** A rule file that cannot be loaded or that does not define what flscale needs from it. */
public class RuleError extends RuntimeException {
  public RuleError(String message) {
    super(message, null, false, false);
  }
}
