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
}
