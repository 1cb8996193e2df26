package org.flscale.dynamics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The finished cells of a sweep, one tab-separated line each ("key", then numbers), appended as
 * each cell ends so that an interrupted run resumes where it stopped. The first line records the
 * settings; a resume with other settings starts afresh rather than mixing runs.
 */
final class CellLog implements AutoCloseable {
  private final Path file;
  private final Map<String, double[]> done = new LinkedHashMap<>();

  CellLog(Path file, String settings, boolean resume) {
    this.file = file;
    try {
      Files.createDirectories(file.getParent());
      if (resume && Files.exists(file)) {
        var lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (!lines.isEmpty() && lines.get(0).equals("# " + settings)) {
          for (String l : lines.subList(1, lines.size())) {
            String[] p = l.split("\t");
            if (p.length < 2) continue; // a line cut by an interruption
            double[] v = new double[p.length - 1];
            try {
              for (int i = 1; i < p.length; i++) v[i - 1] = Double.parseDouble(p[i]);
            } catch (NumberFormatException e) {
              continue;
            }
            done.put(p[0], v);
          }
          return;
        }
      }
      Files.writeString(file, "# " + settings + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  synchronized double[] get(String key) {
    return done.get(key);
  }

  synchronized void put(String key, double... values) {
    done.put(key, values);
    StringBuilder sb = new StringBuilder(key);
    for (double v : values) sb.append('\t').append(v);
    try {
      Files.writeString(file, sb.append('\n').toString(), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {}
}
