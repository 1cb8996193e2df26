package org.flscale.dynamics;

import java.io.PrintStream;
import java.nio.file.Path;
import org.flscale.model.DynamicsSpec;
import org.flscale.rules.RuleBook;

/** The numeric check of a dynamics file: which study runs depends on the kind. */
public final class DynamicsVerify {
  /** @param student also the two-layer ReLU student's phase portrait (unbalanced only) */
  public record Options(Path dir, boolean resume, boolean quick, boolean student) {}

  private DynamicsVerify() {}

  public static String run(DynamicsSpec spec, RuleBook rules, Options o, PrintStream err) throws Exception {
    if (spec.kind().equals("exact_linear")) return ExactLinearVerify.run(spec, ExactLinearTheory.derive(spec, rules), o, err);
    return UnbalancedVerify.run(spec, UnbalancedTheory.derive(spec, rules), o, err);
  }
}
