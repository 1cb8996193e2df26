package org.flscale;

import java.nio.file.Path;
import org.flscale.parse.ArchFileParser;
import org.flscale.rules.RuleBook;

/** One rule book for the whole test run: Symja takes seconds to start. */
public final class TestRules {
  private static RuleBook book;

  private TestRules() {}

  public static synchronized RuleBook get() {
    if (book == null) book = RuleBook.load(Path.of("rules"), null); // no cache: the tests see the rules themselves
    return book;
  }

  public static ArchFileParser parser() {
    return new ArchFileParser(get().knownNames());
  }

  /** Parses and derives the text of an .arch file. */
  public static org.flscale.derive.Derivation derive(String archText) {
    return new org.flscale.derive.Deriver(get()).derive(parser().parse(archText, "t.arch"));
  }

  /** A copy of the shipped rules in a temporary directory, to add a user's rule file to. */
  public static java.nio.file.Path copyOfTheRules(java.nio.file.Path dir) throws java.io.IOException {
    java.nio.file.Path rulesDir = java.nio.file.Files.createDirectory(dir.resolve("rules"));
    try (var files = java.nio.file.Files.list(java.nio.file.Path.of("rules"))) {
      for (java.nio.file.Path f : files.toList()) java.nio.file.Files.copy(f, rulesDir.resolve(f.getFileName()));
    }
    return rulesDir;
  }
}
