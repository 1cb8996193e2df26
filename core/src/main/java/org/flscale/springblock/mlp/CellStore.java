package org.flscale.springblock.mlp;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sweep's cells.jsonl: a line per finished run, written and flushed when the run ends. Resuming
 * keeps the well-formed lines of the same settings (a line cut by a kill is dropped and its run
 * repeated); a fresh start renames an existing file to cells-TIME.jsonl.old rather than lose it.
 */
public final class CellStore implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Map<String, MlpCell> done = new LinkedHashMap<>();
  private final Writer out;
  private final Path file;

  public CellStore(Path dir, String settings, boolean resume) {
    file = dir.resolve("cells.jsonl");
    try {
      Files.createDirectories(dir);
      if (Files.exists(file) && !resume) Files.move(file, dir.resolve("cells-" + System.currentTimeMillis() / 1000 + ".jsonl.old"));
      if (Files.exists(file)) {
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
          MlpCell c = parse(line);
          if (c != null && c.settings().equals(settings)) done.put(c.key(), c);
        }
      }
      StringBuilder kept = new StringBuilder();
      for (MlpCell c : done.values()) kept.append(JSON.writeValueAsString(c)).append('\n');
      Files.writeString(file, kept, StandardCharsets.UTF_8);
      out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static MlpCell parse(String line) {
    if (line.isBlank()) return null;
    try {
      return JSON.readValue(line, MlpCell.class);
    } catch (IOException e) {
      return null;
    }
  }

  public Path file() {
    return file;
  }

  public synchronized boolean has(String key) {
    return done.containsKey(key);
  }

  public synchronized List<MlpCell> cells() {
    return new ArrayList<>(done.values());
  }

  public synchronized void add(MlpCell c) {
    try {
      out.write(JSON.writeValueAsString(c) + "\n");
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    done.put(c.key(), c);
  }

  @Override
  public synchronized void close() throws IOException {
    out.close();
  }
}
