package org.flscale.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.flscale.derive.Derivation;
import org.flscale.derive.Deriver;
import org.flscale.parse.ArchFileParser;
import org.flscale.rules.RuleBook;

/** The derivation of one file, for the commands that draw or write it up (phase, report). */
final class DerivedFile {
  private DerivedFile() {}

  static Derivation derive(RulesOption rules, Path file) {
    if (!Files.isRegularFile(file)) throw new UserError("no such file: " + file);
    RuleBook book = rules.load();
    Derivation d = new Deriver(book).derive(new ArchFileParser(book.knownNames()).parse(file));
    book.saveCache();
    return d;
  }
}
