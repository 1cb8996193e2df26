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
 * cells.jsonl: one JSON line per finished cell, appended and flushed as each cell finishes, so an
 * interrupted run loses only the cells in flight. With resume, the lines whose model and sampler
 * settings match are kept and their cells skipped; otherwise an existing file is set aside
 * (renamed with a time stamp), never silently overwritten.
 */
public final class ResultStore implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Path file;
  private final List<CellRecord> records = new ArrayList<>();
  private final BufferedWriter out;
  private Path setAside;

  public ResultStore(Path dir, String model, String settings, boolean resume) {
    try {
      Files.createDirectories(dir);
      file = dir.resolve("cells.jsonl");
      if (Files.exists(file)) {
        if (resume) {
          for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank()) continue;
            try {
              CellRecord r = JSON.readValue(line, CellRecord.class);
              if (r.model().equals(model) && r.settings().equals(settings)) records.add(r);
            } catch (IOException e) {
              // a line cut short by a kill: that cell simply runs again
            }
          }
          // rewrite without partial or foreign lines, then append
          Path tmp = dir.resolve("cells.jsonl.tmp");
          try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            for (CellRecord r : records) w.write(JSON.writeValueAsString(r) + "\n");
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

  /** Where a previous cells.jsonl was moved (without --resume), or null. */
  public Path setAside() {
    return setAside;
  }

  public synchronized List<CellRecord> records() {
    return new ArrayList<>(records);
  }

  public synchronized boolean has(String key) {
    for (CellRecord r : records) if (r.key().equals(key)) return true;
    return false;
  }

  public synchronized void append(CellRecord r) {
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
