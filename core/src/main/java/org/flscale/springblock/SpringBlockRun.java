package org.flscale.springblock;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flscale.rules.RuleBook;
import org.flscale.springblock.mlp.CellStore;
import org.flscale.springblock.mlp.MlpDiagram;
import org.flscale.springblock.mlp.MlpSweep;

/**
 * One `flscale springblock` run: the chain study (seconds), the MLP sweep (resumable, on a thread
 * pool; skipped with chainOnly), the figures, and summary.txt / summary.json in the output directory.
 */
public final class SpringBlockRun {
  public record Options(Path out, boolean resume, int threads, boolean chainOnly, boolean progress) {}

  private SpringBlockRun() {}

  /** Runs everything and returns the summary text (also written to summary.txt). */
  public static String run(SpringBlockSpec spec, String file, RuleBook rules, Options o, PrintStream err) {
    try {
      Files.createDirectories(o.out());
      long start = System.nanoTime();
      ChainStudy chain = ChainStudy.run(spec, rules);
      double chainSeconds = (System.nanoTime() - start) * 1e-9;
      MlpDiagram mlp = null;
      int ran = 0;
      if (!o.chainOnly()) {
        try (CellStore store = new CellStore(o.out().resolve("mlp"), spec.mlpSettingsKey(), o.resume())) {
          ran = new MlpSweep(spec.task(), spec.mlp(), spec.mlpSettingsKey()).run(runs(spec), store, o.threads(), err, o.progress());
          mlp = new MlpDiagram(store.cells());
        }
      }
      List<Path> written = new ArrayList<>(Figures.write(o.out(), chain, spec, mlp));
      written.addAll(CurvePlots.write(o.out(), chain, spec, mlp));
      String text = Summary.text(spec, file, chain, chainSeconds, mlp, ran);
      Files.writeString(o.out().resolve("summary.txt"), text);
      ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
      Map<String, Object> root = new LinkedHashMap<>(Summary.json(spec, chain, mlp));
      json.writeValue(o.out().resolve("summary.json").toFile(), root);
      StringBuilder sb = new StringBuilder(text);
      for (Path p : written) sb.append("wrote ").append(p).append('\n');
      sb.append("wrote ").append(o.out().resolve("summary.txt")).append(", ").append(o.out().resolve("summary.json")).append('\n');
      return sb.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every run of the sweep, seed by seed (so that an interrupted sweep has whole seeds of every cell). */
  public static List<MlpSweep.Run> runs(SpringBlockSpec spec) {
    List<MlpSweep.Run> runs = new ArrayList<>();
    for (int seed = 0; seed < spec.integer("mlp.seeds"); seed++) {
      for (double nl : spec.list("mlp.nonlinearity")) {
        for (SpringBlockSpec.Noise n : spec.noises()) runs.add(new MlpSweep.Run(nl, n.kind(), n.level(), seed));
      }
    }
    return runs;
  }
}
