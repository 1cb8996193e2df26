package org.flscale.cli;

import java.nio.file.Path;
import org.flscale.derive.Derivation;
import org.flscale.derive.Deriver;
import org.flscale.derive.TimeLimit;
import org.flscale.model.ArchModel;
import org.flscale.parse.ArchFileParser;
import org.flscale.progress.ProgressBar;
import org.flscale.rules.RuleBook;

/** The derivation of one file, for the commands that draw or write it up (phase, report). */
final class DerivedFile {
  private DerivedFile() {}

  /** Seconds a derivation of phase and report may take (derive sets its own with --time-limit). */
  static final long DEFAULT_TIME_LIMIT = 300;

  static Derivation derive(RulesOption rules, Path file) {
    return derive(rules, ArchInput.read(file));
  }

  static Derivation derive(RulesOption rules, ArchInput input) {
    RuleBook book = rules.load();
    Derivation d = withProgressBar(new Deriver(book).withTimeLimit(TimeLimit.ofSeconds(DEFAULT_TIME_LIMIT)),
        input.parse(new ArchFileParser(book.knownNames())));
    book.saveCache();
    return d;
  }

  /** Derives with a progress bar on stderr that appears only if the derivation takes over two seconds. */
  static Derivation withProgressBar(Deriver deriver, ArchModel model) {
    try (ProgressBar bar = new ProgressBar(System.err, "steps of " + model.name() + " (pattern assignments built, then solved)", 1, 1, 2.0)) {
      return deriver.withProgress(new Deriver.Progress() {
        public void total(int patterns) {
          bar.total(patterns, patterns);
        }

        public void solved() {
          bar.done(1);
        }
      }).derive(model);
    }
  }
}
