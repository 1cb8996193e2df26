package org.flscale.reproduce;

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
 * A width sweep's cells.jsonl, as the verifier's store keeps its own: one line per finished chain,
 * flushed as it finishes. With resume the lines of the same model and settings are kept (a line cut
 * short by a kill is dropped and its chain runs again); otherwise an existing file is renamed, never
 * overwritten.
 */
final class WidthStore implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Path file;
  private final List<WidthRecord> records = new ArrayList<>();
  private final BufferedWriter out;

  /** The finished chains only, the file left as it is (for --analyse while a run may still be appending to it). */
  static List<WidthRecord> read(Path dir, String model, String settings) {
    List<WidthRecord> out = new ArrayList<>();
    Path file = dir.resolve("cells.jsonl");
    if (!Files.exists(file)) return out;
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (line.isBlank()) continue;
        try {
          WidthRecord r = JSON.readValue(line, WidthRecord.class);
          if (r.model().equals(model) && r.settings().equals(settings)) out.add(r);
        } catch (IOException e) {
          // cut short, or being written
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  WidthStore(Path dir, String model, String settings, boolean resume) {
    try {
      Files.createDirectories(dir);
      file = dir.resolve("cells.jsonl");
      if (Files.exists(file)) {
        if (resume) {
          for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank()) continue;
            try {
              WidthRecord r = JSON.readValue(line, WidthRecord.class);
              if (r.model().equals(model) && r.settings().equals(settings)) records.add(r);
            } catch (IOException e) {
              // cut short: runs again
            }
          }
          Path tmp = dir.resolve("cells.jsonl.tmp");
          try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            for (WidthRecord r : records) w.write(JSON.writeValueAsString(r) + "\n");
          }
          Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } else {
          Files.move(file, dir.resolve("cells-" + System.currentTimeMillis() / 1000 + ".jsonl.old"));
        }
      }
      out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Path file() {
    return file;
  }

  synchronized List<WidthRecord> records() {
    return new ArrayList<>(records);
  }

  synchronized boolean has(String key) {
    return records.stream().anyMatch(r -> r.key().equals(key));
  }

  synchronized void append(WidthRecord r) {
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
