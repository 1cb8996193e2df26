package org.flscale.verify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.flscale.math.Q;
import org.flscale.model.ArchModel;
import org.flscale.rules.RuleBook;

/**
 * One verification of a model: every series of sizes (one per combination of --set values) run
 * over the d ladder into its own results directory, each fitted against the derivation's exponent
 * at its q, and with two or more series the collapse of all their points against the derivation's
 * closed form. Refuses up front sizes too large to allocate or to finish ({@link Feasibility}); the
 * caller checks the output directory. Writes summary.json and summary.txt as it goes.
 */
public final class Verification {
  /** How to fit and where to write; the sizes are in the plan. */
  public record Options(List<Double> thresholds, double primary, int bootstrap, double maxWidth, double minRange, int minChains,
      int threads, Path out, boolean resume, boolean progress, boolean plots, SweepEngine.Settings engine) {}

  /** The run's report as text and as JSON, and a line saying where the files are. */
  public record Outcome(String text, String json, String verdict, String files) {}

  private final ArchModel model;
  private final List<SizeSeries> series;
  private final List<ModelInstance> instances = new ArrayList<>();
  /** Each series as text, for an engine that runs cells in other JVMs. */
  private final List<SweepJob> jobs = new ArrayList<>();
  private final SweepPlan plan;
  private final PredictedScaling prediction;
  private final Options options;
  /** The file's ties that --set replaces ("" when none), said on the report. */
  private final String overridden;
  /** The sizes of the budget's ladder its cost cap left out (said on the header; --d runs them). */
  private final List<Integer> leftOut;

  /**
   * @param values the --set values per scale (several give several series; a tied scale is swept as if free)
   * @param plan the budget's plan with the user's overrides; its d ladder is moved where a kind needs it
   * @param text the file's text (what an engine ships to rebuild the model elsewhere)
   */
  public Verification(ArchModel file, String text, RuleBook rules, Map<String, List<SizeSeries.Size>> values, SweepPlan plan, boolean ladderGiven,
      Q predicted, Options options) {
    KernelWarmup.start(plan.sampler().precision()); // compiles the kernels while the prediction is derived
    this.model = FreedScales.free(file, values.keySet());
    this.overridden = FreedScales.tied(file, values.keySet());
    this.series = SizeSeries.combinations(values, model.baseScale());
    try {
      for (SizeSeries s : series) instances.add(new ModelInstance(model, rules, s.settings(), s.fixed()));
    } catch (IllegalArgumentException e) {
      throw new VerifyException(e.getMessage());
    }
    for (ModelInstance m : instances) {
      String why = plan.sampler().precision().unsupported(m.kind().name());
      if (why != null) throw new VerifyException(why);
    }
    if (!options.thresholds().contains(options.primary())) {
      throw new VerifyException("--primary " + options.primary() + " is not one of --thresholds " + options.thresholds());
    }
    if (ladderGiven) {
      for (ModelInstance m : instances) for (int d : plan.dims()) if (m.kindProblem(d) != null) throw new VerifyException("--d: " + m.kindProblem(d));
      this.plan = plan;
      this.leftOut = List.of();
    } else {
      SweepPlan moved = plan.with(admissible(plan.dims(), instances), null, null, null, null);
      this.plan = Feasibility.affordable(instances, moved, plan.budget().costCap());
      this.leftOut = List.copyOf(moved.dims().subList(this.plan.dims().size(), moved.dims().size()));
    }
    this.prediction = predicted != null ? PredictedScaling.constant(predicted, "--predicted " + predicted) : PredictedScaling.derive(rules, model);
    this.options = options;
    Feasibility.check(instances, series.stream().map(SizeSeries::label).toList(), this.plan, options.threads());
    for (int i = 0; i < series.size(); i++) {
      SizeSeries s = series.get(i);
      SweepRunner local = new SweepRunner(instances.get(i), this.plan, options.threads());
      jobs.add(new SweepJob(file.file(), text, rules.directory(), List.copyOf(values.keySet()), s.settings(), s.fixed(), this.plan, local.settingsKey()));
    }
  }

  /** The budget's d ladder moved to the nearest d every series can use (a conv input must be whole patches). */
  static List<Integer> admissible(List<Integer> ladder, List<ModelInstance> instances) {
    java.util.TreeSet<Integer> out = new java.util.TreeSet<>();
    for (int d : ladder) {
      for (int k = 0; k <= d; k++) {
        if (usable(d - k, instances)) {
          out.add(d - k);
          break;
        }
        if (usable(d + k, instances)) {
          out.add(d + k);
          break;
        }
      }
    }
    return new ArrayList<>(out);
  }

  private static boolean usable(int d, List<ModelInstance> instances) {
    return d >= 2 && instances.stream().allMatch(i -> i.kindProblem(d) == null);
  }

  public Outcome run(PrintStream err) {
    try (SweepEngine engine = SweepEngines.open(options.engine())) {
      return run(engine, err);
    }
  }

  /** The run on an engine the caller opened (and closes). */
  public Outcome run(SweepEngine engine, PrintStream err) {
    long t0 = System.nanoTime();
    ExponentFitter fitter = new ExponentFitter(options.bootstrap(), options.maxWidth(), options.minRange(), 12345, plan.budget().smoke(), options.minChains());
    List<VerifyReport> reports = new ArrayList<>();
    Map<String, List<CellRecord>> seriesRecords = new LinkedHashMap<>();
    err.printf(Locale.ROOT, "verify %s: %d series, estimated %s on %d thread(s) when nothing is done yet (%s budget%s)%s%n", model.name(), series.size(),
        Feasibility.duration(Feasibility.seconds(instances, plan.cells(), plan, options.threads())), options.threads(), plan.budget().label,
        plan.budget().smoke() ? ": a smoke run, decides nothing" : leftOut.isEmpty() ? "" : "; its cost cap leaves out d = " + leftOut
            .stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", ")) + ", which --d runs",
        overridden.isEmpty() ? "" : "; --set replaces the file's " + overridden);
    for (int i = 0; i < series.size(); i++) {
      SizeSeries ss = series.get(i);
      Path dir = series.size() == 1 ? options.out() : options.out().resolve(ss.directoryName());
      long ts = System.nanoTime();
      SweepRunner runner = new SweepRunner(instances.get(i), plan, options.threads(), jobs.get(i));
      jobs.get(i).register(runner);
      List<CellRecord> records;
      int ran;
      try (ResultStore store = new ResultStore(dir, model.name(), runner.settingsKey(), options.resume())) {
        List<Cell> todo = plan.cells().stream().filter(c -> !store.has(c.key())).toList();
        err.printf(Locale.ROOT, "  %s%s%n  %s, %d cells on %s%s, about %s; results in %s%n", series.size() > 1 ? ss.label() + ": " : "",
            instances.get(i).describe(), plan.sampler().mode().description, plan.cells().size(), engine.describe(),
            options.resume() ? " (" + (plan.cells().size() - todo.size()) + " already done)" : "",
            Feasibility.duration(Feasibility.seconds(List.of(instances.get(i)), todo, plan, options.threads())), store.file());
        if (store.setAside() != null) err.println("  (the previous results were moved to " + store.setAside() + "; use --resume to keep them)");
        KernelWarmup.await();
        ran = runner.run(engine, store, err, options.progress());
        records = store.records();
      }
      Set<String> keys = new HashSet<>();
      for (Cell c : plan.cells()) keys.add(c.key());
      records.removeIf(r -> !keys.contains(r.key())); // only the cells of this plan enter the fit
      seriesRecords.put(ss.label(), records);
      Map<String, Object> extra = new LinkedHashMap<>();
      if (series.size() > 1) extra.put("series", ss.label());
      extra.put("cells_run_now", ran);
      extra.put("wall_seconds", (System.nanoTime() - (series.size() == 1 ? t0 : ts)) * 1e-9);
      extra.put("threads", options.threads());
      if (!engine.name().equals(LocalSweepEngine.NAME)) extra.put("engine", engine.describe());
      extra.put("results", dir.resolve("cells.jsonl").toString());
      Optional<Q> e = prediction.exponent(ss.settings());
      VerifyReport report = new VerifyReport(instances.get(i), plan, records, options.thresholds(), options.primary(),
          e.map(Q::doubleValue).orElse(null), source(ss, e), fitter, extra);
      if (options.plots()) report.writePlots(dir, model.name());
      write(dir, report.toJson(), report.text());
      reports.add(report);
    }
    if (series.size() == 1) {
      VerifyReport r = reports.get(0);
      return new Outcome(r.text(), r.toJson(), (String) r.json.get("verdict"),
          options.out().resolve("cells.jsonl") + ", summary.json, plots in " + options.out());
    }
    return collapse(reports, seriesRecords, fitter, t0);
  }

  /** Where a series' predicted exponent comes from, as the report states it. */
  private String source(SizeSeries ss, Optional<Q> e) {
    if (!overridden.isEmpty() && prediction.known()) return sourceOf(ss, e) + " (derived with the file's " + overridden + " left free)";
    return sourceOf(ss, e);
  }

  private String sourceOf(SizeSeries ss, Optional<Q> e) {
    if (!prediction.known()) return prediction.description();
    if (e.isEmpty()) return prediction.description() + " (no region holds at " + ss.label() + ")";
    return ss.settings().isEmpty() ? prediction.description() : prediction.description() + "; at " + ss.label() + ": d^" + e.get();
  }

  private Outcome collapse(List<VerifyReport> reports, Map<String, List<CellRecord>> seriesRecords, ExponentFitter fitter, long t0) {
    CollapseReport collapse = new CollapseReport(seriesRecords, model.freeScales(), prediction, options.thresholds(), options.primary(), fitter);
    Map<String, Object> all = new LinkedHashMap<>();
    all.put("model", model.name());
    all.put("series", reports.stream().map(r -> r.json).toList());
    all.put("collapse", collapse.json);
    all.put("verdict", collapse.main.verdict());
    all.put("reason", collapse.main.reason());
    all.put("wall_seconds", (System.nanoTime() - t0) * 1e-9);
    if (options.plots()) {
      Path plot = Plots.writeCollapse(options.out(), model.name(), collapse.points);
      if (plot != null) all.put("collapse_plot", plot.toString());
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < series.size(); i++) {
      sb.append("=== series ").append(series.get(i).label()).append(" (").append(options.out().resolve(series.get(i).directoryName())).append(")\n");
      sb.append(reports.get(i).text()).append('\n');
    }
    sb.append("=== all series\n").append(collapse.text());
    String json = json(all);
    write(options.out(), json, sb.toString());
    return new Outcome(sb.toString(), json, collapse.main.verdict(),
        "one directory per series under " + options.out() + ", collapse in " + options.out().resolve("summary.json") + " and collapse_all.png");
  }

  static String json(Object o) {
    try {
      return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void write(Path dir, String json, String text) {
    try {
      Files.createDirectories(dir);
      Files.writeString(dir.resolve("summary.json"), json);
      Files.writeString(dir.resolve("summary.txt"), text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
