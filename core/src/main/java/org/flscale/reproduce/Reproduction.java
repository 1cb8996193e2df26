package org.flscale.reproduce;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.flscale.derive.Derivation;
import org.flscale.derive.Deriver;
import org.flscale.model.ArchModel;
import org.flscale.rules.RuleBook;
import org.flscale.verify.ChainStart;
import org.flscale.verify.SamplerSettings;

/**
 * Runs and reads one preset. Width sweeps run here (resumable, a progress bar, each chain stored as
 * it finishes); verify runs are run by the command line (they are `flscale verify` itself) and read
 * here from their cells.jsonl. Each writes summary.json, summary.txt and its plots into the
 * preset's output directory.
 */
public final class Reproduction {
  private final Preset preset;
  private final ArchModel model;
  private final RuleBook rules;
  private final Path out;

  public Reproduction(Preset preset, ArchModel model, RuleBook rules, Path out) {
    this.preset = preset;
    this.model = model;
    this.rules = rules;
    this.out = out;
  }

  public Preset preset() {
    return preset;
  }

  /** The width sweep: runs what the store lacks (resume keeps the finished chains) and analyses every chain; returns the report's text. */
  public String runWidth(PrintStream err, int threads, boolean progress, boolean resume, boolean analyseOnly) {
    Preset.Width w = preset.width();
    Preset.Analysis a = preset.analysis();
    List<ChainStart> starts = w.starts().stream().map(ChainStart::parse).toList();
    SamplerSettings sampler = new SamplerSettings(SamplerSettings.Mode.LANGEVIN, w.kappa(), 0.1, w.time(), 0.5, 100, w.testSize(), 0.8);
    int p = (int) Math.round(w.ratio() * w.d());
    WidthSweep sweep = new WidthSweep(model, rules, w.scale(), w.values(), w.d(), p, w.seeds(), starts, sampler, w.probe());
    List<WidthRecord> records;
    if (analyseOnly) {
      records = WidthStore.read(out, model.name(), sweep.settingsKey());
    } else {
      try (WidthStore store = new WidthStore(out, model.name(), sweep.settingsKey(), resume)) {
        long todo = sweep.cells().stream().filter(c -> !store.has(c.key())).count();
        err.printf(java.util.Locale.ROOT, "reproduce %s: %d chains (%d already done), results in %s%n", preset.title(), sweep.cells().size(),
            sweep.cells().size() - todo, store.file());
        sweep.run(store, err, threads, progress);
        records = store.records();
      }
    }
    Derivation der = new Deriver(rules).derive(model);
    DerivedWidth derived = new DerivedWidth(der, w.scale(), a.parameter(), a.pattern() == null ? List.of() : List.of(a.pattern().split(",\\s*")));
    WidthAnalysis analysis = new WidthAnalysis(preset, records, derived.along(w.d(), w.values()),
        DerivedWidth.regions(der, model.baseScale(), w.scale()), out);
    write(analysis.json, analysis.text.toString());
    return analysis.text.toString();
  }

  /** Reads the verify runs (their directories under out) and writes the comparison; returns its text. */
  public String analyseVerify() {
    VerifyAnalysis analysis = new VerifyAnalysis(preset, model, rules, out);
    write(analysis.json, analysis.text.toString());
    return analysis.text.toString();
  }

  private void write(Map<String, Object> json, String text) {
    try {
      Files.createDirectories(out);
      Files.writeString(out.resolve("summary.json"), new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json));
      Files.writeString(out.resolve("summary.txt"), text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
