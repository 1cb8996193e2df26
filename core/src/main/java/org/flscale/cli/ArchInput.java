package org.flscale.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.flscale.model.ArchModel;
import org.flscale.parse.ArchFileParser;
import org.flscale.parse.ArchSource;
import org.flscale.parse.UnusedScales;

/** One .arch file of a command's arguments, read once: a path, or "-" for standard input. */
record ArchInput(String name, String text) {
  static final String STDIN = "-";

  static ArchInput read(Path arg, InputStream stdin) {
    if (arg.toString().equals(STDIN)) {
      try {
        return new ArchInput("<stdin>", new String(stdin.readAllBytes(), StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UserError("cannot read standard input: " + OutputPaths.reason(e));
      }
    }
    if (!Files.exists(arg)) throw new UserError("no such file: " + arg);
    return new ArchInput(arg.toString(), ArchSource.read(arg));
  }

  static ArchInput read(Path arg) {
    return read(arg, System.in);
  }

  /** Parses and checks the file; its warnings (unused scales) go to standard error. */
  ArchModel parse(ArchFileParser parser) {
    ArchModel m = parser.parse(text, name);
    warnings(m).forEach(System.err::println);
    return m;
  }

  List<String> warnings(ArchModel m) {
    return UnusedScales.warnings(m, text);
  }
}
