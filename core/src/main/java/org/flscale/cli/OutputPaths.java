package org.flscale.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Output paths checked before anything is written, and a failed write said in one line: which path,
 * and why (no such directory, permission denied, read-only file system).
 */
final class OutputPaths {
  private OutputPaths() {}

  /** A file to write: its directory must exist and the file, if there, must not be a directory. */
  static Path file(Path file, String option) {
    Path dir = file.toAbsolutePath().getParent();
    if (Files.isDirectory(file)) throw new UserError(option + " " + file + " is a directory; name a file, e.g. " + file.resolve("report.html"));
    if (dir != null && !Files.isDirectory(dir)) {
      throw new UserError("cannot write " + file + ": the directory " + dir + " does not exist (create it first)");
    }
    return file;
  }

  /** A directory to write into, created when missing. */
  static Path directory(Path dir, String option) {
    if (Files.exists(dir) && !Files.isDirectory(dir)) throw new UserError(option + " " + dir + " is a file, not a directory");
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UserError("cannot create the directory " + dir + ": " + reason(e));
    }
    if (!Files.isWritable(dir)) throw new UserError("cannot write into " + dir + ": permission denied");
    return dir;
  }

  /** Writes text to a file checked by {@link #file}, saying which file when the write fails. */
  static void writeString(Path file, String text) {
    try {
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UserError("cannot write " + file + ": " + reason(e));
    }
  }

  /** The one line for an input/output failure that reached the command line, or null for other faults. */
  static String userMistake(Throwable ex) {
    Throwable t = ex instanceof UncheckedIOException u ? u.getCause() : ex;
    if (!(t instanceof IOException io)) return null;
    String where = io instanceof FileSystemException fs && fs.getFile() != null ? " " + fs.getFile() : "";
    return "cannot read or write" + where + ": " + reason(io);
  }

  static String reason(IOException e) {
    if (e instanceof NoSuchFileException) return "no such file or directory";
    if (e instanceof AccessDeniedException) return "permission denied";
    if (e instanceof FileSystemException fs && fs.getReason() != null) return fs.getReason();
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
