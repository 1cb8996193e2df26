package org.flscale.adaptive.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * chains.jsonl: one JSON line per finished chain, written and flushed as it ends. With --resume the
 * lines written under the same settings (CheckPlan.key) are kept and those chains are not rerun; a
 * line cut short by a kill is dropped. Without --resume an existing file is renamed *.old.
 */
final class ChainLog implements AutoCloseable {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final BufferedWriter out;
  private final List<ChainRun> kept;

  ChainLog(Path file, String key, boolean resume) {
    try {
      Files.createDirectories(file.getParent());
      kept = new ArrayList<>();
      if (Files.exists(file)) {
        if (resume) {
          for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            ChainRun r = parse(line, key);
            if (r != null) kept.add(r);
          }
        } else {
          String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
          Files.move(file, file.resolveSibling("chains-" + stamp + ".jsonl.old"), StandardCopyOption.REPLACE_EXISTING);
        }
      }
      // rewrite the kept lines only, so a half-written last line does not stay in the file
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      List<String> lines = new ArrayList<>();
      for (ChainRun r : kept) lines.add(line(r, key));
      Files.write(tmp, lines, StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  List<ChainRun> kept() {
    return kept;
  }

  synchronized void append(ChainRun r, String key) {
    try {
      out.write(line(r, key));
      out.newLine();
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String line(ChainRun r, String key) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("key", key);
    o.put("chi_power", r.chiPower());
    o.put("width", r.width());
    o.put("chain", r.chain());
    o.put("q", r.q());
    o.put("spike", r.spike());
    var f = o.putArray("outputs");
    for (double v : r.outputs()) f.add(v);
    o.put("acceptance", r.acceptance());
    o.put("step", r.step());
    o.put("seconds", r.seconds());
    return o.toString();
  }

  static ChainRun parse(String line, String key) {
    try {
      JsonNode n = MAPPER.readTree(line);
      if (n == null || !key.equals(n.path("key").asText())) return null;
      double[] f = new double[n.get("outputs").size()];
      for (int i = 0; i < f.length; i++) f[i] = n.get("outputs").get(i).asDouble();
      return new ChainRun(n.get("chi_power").asDouble(), n.get("width").asInt(), n.get("chain").asInt(), n.get("q").asDouble(),
          n.get("spike").asDouble(), f, n.get("acceptance").asDouble(), n.get("step").asDouble(), n.get("seconds").asDouble());
    } catch (IOException | RuntimeException e) {
      return null; // a line cut short by a kill
    }
  }

  @Override
  public void close() {
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
