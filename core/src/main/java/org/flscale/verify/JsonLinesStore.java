package org.flscale.verify;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A run's cells.jsonl: one JSON line per finished cell, appended and flushed as each cell finishes,
 * so an interrupted run loses only the cells in flight. With resume, the lines whose model and
 * settings match are kept and their cells skipped (a line cut short by a kill is dropped: that cell
 * runs again); otherwise an existing file is set aside (renamed with a time stamp), never silently
 * overwritten. The verifier's cells ({@link ResultStore}) and the reproductions' width sweeps keep
 * their results this way.
 *
 * @param <R> a record type Jackson reads and writes, one per line
 */
public class JsonLinesStore<R extends JsonLinesStore.Line> implements AutoCloseable {
  /** What a stored line must say: the model and settings it belongs to, and its cell. */
  public interface Line {
    String model();

    String settings();

    String key();
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private final Path file;
  private final List<R> records = new ArrayList<>();
  private final BufferedWriter out;
  private Path setAside;

  /** The matching lines of dir/cells.jsonl, the file left as it is (for reading while a run may still append to it). */
  public static <R extends Line> List<R> read(Path dir, Class<R> type, String model, String settings) {
    Path file = dir.resolve("cells.jsonl");
    try {
      return Files.exists(file) ? matching(file, type, model, settings) : new ArrayList<>();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static <R extends Line> List<R> matching(Path file, Class<R> type, String model, String settings) throws IOException {
    List<R> out = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.isBlank()) continue;
      try {
        R r = JSON.readValue(line, type);
        if (r.model().equals(model) && r.settings().equals(settings)) out.add(r);
      } catch (IOException e) {
        // a line cut short by a kill, or being written
      }
    }
    return out;
  }

  public JsonLinesStore(Path dir, Class<R> type, String model, String settings, boolean resume) {
    try {
      Files.createDirectories(dir);
      file = dir.resolve("cells.jsonl");
      if (Files.exists(file)) {
        if (resume) {
          records.addAll(matching(file, type, model, settings));
          // rewrite without partial or foreign lines, then append
          Path tmp = dir.resolve("cells.jsonl.tmp");
          try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            for (R r : records) w.write(JSON.writeValueAsString(r) + "\n");
          }
          Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } else {
          setAside = dir.resolve("cells-" + System.currentTimeMillis() / 1000 + ".jsonl.old");
          Files.move(file, setAside);
        }
      }
      out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Path file() {
    return file;
  }

  /** Where a previous cells.jsonl was moved (without resume), or null. */
  public Path setAside() {
    return setAside;
  }

  public synchronized List<R> records() {
    return new ArrayList<>(records);
  }

  public synchronized boolean has(String key) {
    for (R r : records) if (r.key().equals(key)) return true;
    return false;
  }

  public synchronized void append(R r) {
    try {
      out.write(JSON.writeValueAsString(r));
      out.write('\n');
      out.flush();
      records.add(r);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public synchronized void close() {
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
