package org.flscale.derive;

import org.flscale.model.ArchModel;
import org.flscale.rules.RuleBook;

/** Derives the critical scaling of a model from the rules. (Being written.) */
public final class Deriver {
  private final RuleBook rules;

  public Deriver(RuleBook rules) {
    this.rules = rules;
  }

  public Derivation derive(ArchModel model) {
    throw new UnsupportedOperationException("not yet");
  }
}
