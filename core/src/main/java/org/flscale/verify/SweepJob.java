package org.flscale.verify;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.apache.commons.math3.fraction.BigFraction;
import org.flscale.math.Q;
import org.flscale.model.ArchModel;
import org.flscale.parse.ArchFileParser;
import org.flscale.rules.RuleBook;

/**
 * One series of a sweep as text another JVM can rebuild its {@link SweepRunner} from: the .arch
 * file, the rule files, the scales --set frees, the values and the plan. A distributed engine
 * ships it with the cells; each JVM rebuilds the runner once ({@link #runner()}) and checks that
 * its settings key is the driver's, so a record made there is the record made here (a cell is a
 * pure function of the job and its seed). The driver registers its own runner, so an engine that
 * runs in the driver's JVM (Spark's local mode) rebuilds nothing.
 */
public final class SweepJob implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final Map<String, SweepRunner> RUNNERS = new ConcurrentHashMap<>();

  private final String archName;
  private final String archText;
  private final TreeMap<String, String> rules;
  private final ArrayList<String> freed;
  private final LinkedHashMap<String, BigFraction> settings = new LinkedHashMap<>();
  private final LinkedHashMap<String, Integer> fixed;
  private final SweepPlan plan;
  private final String settingsKey;

  SweepJob(String archName, String archText, Path rulesDir, List<String> freed, Map<String, Q> settings, Map<String, Integer> fixed,
      SweepPlan plan, String settingsKey) {
    this.archName = archName;
    this.archText = archText;
    this.rules = readRules(rulesDir);
    this.freed = new ArrayList<>(freed);
    settings.forEach((k, v) -> this.settings.put(k, v.toBigFraction()));
    this.fixed = new LinkedHashMap<>(fixed);
    this.plan = plan;
    this.settingsKey = settingsKey;
  }

  /** The driver's runner for this job: a JVM that has it runs cells without rebuilding. */
  void register(SweepRunner runner) {
    RUNNERS.put(id(), runner);
  }

  /** This JVM's runner for the job, rebuilt from the text the first time it is asked for. */
  public SweepRunner runner() {
    return RUNNERS.computeIfAbsent(id(), k -> rebuild());
  }

  /** Rebuilds the runner from the text alone (what a remote executor does). */
  SweepRunner rebuild() {
    KernelWarmup.start(); // an executor's first cells then run compiled kernels, as the driver's do
    try {
      Path dir = Files.createTempDirectory("flscale-rules");
      for (Map.Entry<String, String> f : rules.entrySet()) Files.writeString(dir.resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8);
      RuleBook book = RuleBook.load(dir, null);
      ArchModel model = FreedScales.free(new ArchFileParser(book.knownNames()).parse(archText, archName), freed);
      Map<String, Q> set = new LinkedHashMap<>();
      settings.forEach((k, v) -> set.put(k, Q.of(v)));
      SweepRunner r = new SweepRunner(new ModelInstance(model, book, set, fixed), plan, 1, this);
      if (!r.settingsKey().equals(settingsKey)) {
        throw new IllegalStateException("the rebuilt sweep has the settings " + r.settingsKey() + ", the driver's " + settingsKey);
      }
      KernelWarmup.await();
      return r;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Identifies the job across JVMs: the settings key and a hash of all the text. */
  private String id() {
    return settingsKey + "#" + (archText + rules + freed + settings + fixed + plan).hashCode();
  }

  private static TreeMap<String, String> readRules(Path dir) {
    TreeMap<String, String> out = new TreeMap<>();
    try (Stream<Path> s = Files.list(dir)) {
      for (Path f : s.filter(p -> p.getFileName().toString().endsWith(".m")).toList()) {
        out.put(f.getFileName().toString(), Files.readString(f, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
