package org.flscale.parse;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.flscale.model.ArchError;
import org.flscale.model.SourcePos;

/** The text of an .arch file as the parser reads it: UTF-8, without a byte-order mark. */
public final class ArchSource {
  private static final char BYTE_ORDER_MARK = '\uFEFF';

  private ArchSource() {}

  public static String read(Path path) {
    SourcePos start = new SourcePos(path.toString(), 1, 1);
    if (Files.isDirectory(path)) throw new ArchError(start, "this is a directory, not an .arch file");
    try {
      return withoutByteOrderMark(Files.readString(path));
    } catch (MalformedInputException e) {
      throw new ArchError(start, "the file is not UTF-8 text (is it an .arch file?)");
    } catch (IOException e) {
      throw new ArchError(start, "cannot read the file (" + e.getMessage() + ")");
    }
  }

  /** Editors on Windows start UTF-8 files with U+FEFF; it is no part of the text. */
  public static String withoutByteOrderMark(String text) {
    return !text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK ? text.substring(1) : text;
  }

  /** The grammar's parse tree of a file, syntax errors reported as one-line ArchErrors with file, line and column. */
  static org.flscale.parse.gen.ArchParser.FileContext tree(String text, String file) {
    SyntaxErrorListener listener = new SyntaxErrorListener(file);
    var lexer = new org.flscale.parse.gen.ArchLexer(org.antlr.v4.runtime.CharStreams.fromString(withoutByteOrderMark(text), file));
    lexer.removeErrorListeners();
    lexer.addErrorListener(listener);
    var parser = new org.flscale.parse.gen.ArchParser(new org.antlr.v4.runtime.CommonTokenStream(lexer));
    parser.removeErrorListeners();
    parser.addErrorListener(listener);
    return parser.file();
  }
}
