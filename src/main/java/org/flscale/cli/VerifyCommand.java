package org.flscale.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.commons.math3.fraction.BigFraction;
import org.flscale.derive.Deriver;
import org.flscale.model.ArchModel;
import org.flscale.parse.ArchFileParser;
import org.flscale.rules.RuleBook;
import org.flscale.derive.Derivation;
import org.flscale.report.DerivationView;
import org.flscale.verify.ChainStart;
import org.flscale.verify.CollapseReport;
import org.flscale.verify.PredictedScaling;
import org.flscale.verify.SizeSeries;
import org.flscale.verify.ExponentFitter;
import org.flscale.verify.ModelInstance;
import org.flscale.verify.Plots;
import org.flscale.verify.ResultStore;
import org.flscale.verify.SamplerSettings;
import org.flscale.verify.SweepPlan;
import org.flscale.verify.SweepRunner;
import org.flscale.verify.VerifyReport;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** flscale verify FILE: train the networks of a .arch file over a sweep of sizes and fit the exponent of P_*. */
@Command(name = "verify", sortOptions = false,
    description = "Train the network a .arch file describes (Bayesian posterior by full-batch Langevin dynamics) on "
        + "synthetic data over a sweep of d and P, find P_*(d) where the alignment of the averaged predictor crosses a "
        + "threshold, fit its exponent with a bootstrap 95%% interval and compare with the derived exponent.")
public final class VerifyCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "The .arch file.")
  Path file;

  @Mixin RulesOption rulesOption;

  static final class Budget {
    @Option(names = "--quick", description = "Smoke run (seconds): d=8,12,16, P/d=4,16,64, one aligned chain each, T=1.5.") boolean quick;
    @Option(names = "--full", description = "Full run (under 20 min on two cores): d=16..48, 8 P/d from 4 to 48, 4 seeds, both starts.") boolean full;
  }

  @ArgGroup(exclusive = true) Budget budget;

  @Option(names = "--d", split = ",", paramLabel = "D", description = "Input dimensions (overrides the budget's ladder).") List<Integer> dims;
  @Option(names = "--ratios", split = ",", paramLabel = "R", description = "Values of P/d (overrides the budget's ladder).") List<Double> ratios;
  @Option(names = "--seeds", description = "Seeds (data, teacher and chain) per cell.") Integer seeds;
  @Option(names = "--starts", split = ",", description = "Chain starts: random, aligned.") List<String> starts;
  @Option(names = "--set", paramLabel = "SCALE=d^q", description = "Tie a free scale to the base scale, e.g. --set N=d^1. Several values (repeated, or d^(1/2),d^1) "
      + "give one series of d per combination, and a collapse of all their points against the derivation's closed form.") List<String> sets = new ArrayList<>();
  @Option(names = "--kappa", description = "Ridge/temperature kappa of the posterior (default ${DEFAULT-VALUE}; the reference protocol's best compromise).", defaultValue = "0.1") double kappa;
  @Option(names = "--dt-factor", description = "Step size dt = c kappa d / P (default per budget, 0.1).") Double dtFactor;
  @Option(names = "--time", description = "Run length in prior relaxation times (default per budget).") Double priorTime;
  @Option(names = "--test-size", description = "Test points for the alignment (default per budget).") Integer testSize;
  @Option(names = "--mode", description = "langevin (default) or gd: gradient descent with weight decay, a fast APPROXIMATION (no noise).", defaultValue = "langevin") String mode;
  @Option(names = "--thresholds", split = ",", description = "Alignment thresholds for P_* (default ${DEFAULT-VALUE}).", defaultValue = "0.3,0.4,0.5") List<Double> thresholds;
  @Option(names = "--primary", description = "Threshold that decides the verdict (default ${DEFAULT-VALUE}).", defaultValue = "0.4") double primary;
  @Option(names = "--bootstrap", description = "Bootstrap replicates (default ${DEFAULT-VALUE}).", defaultValue = "2000") int bootstrap;
  @Option(names = "--max-width", description = "Widest 95%% interval that still decides (default ${DEFAULT-VALUE}).", defaultValue = "1.0") double maxWidth;
  @Option(names = "--min-range", description = "Smallest d_max/d_min that decides (default ${DEFAULT-VALUE}).", defaultValue = "2.0") double minRange;
  @Option(names = "--predicted", paramLabel = "EXP", description = "Exponent of d in P_* to compare with, e.g. 1 or 3/2 (overrides the derivation).") String predicted;
  @Option(names = "--threads", description = "Parallel chains (default: all cores).") Integer threads;
  @Option(names = "--out", paramLabel = "DIR", description = "Results directory (default verify-results/<model>/).") Path out;
  @Option(names = "--resume", description = "Keep the finished cells of an earlier run with the same settings and run only the rest.") boolean resume;
  @Option(names = "--format", description = "text (default) or json.", defaultValue = "text") String format;
  @Option(names = "--no-progress", description = "No progress bar.") boolean noProgress;
  @Option(names = "--no-plots", description = "Do not write PNG plots.") boolean noPlots;

  @Override
  public Integer call() throws Exception {
    PrintStream err = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true);
    if (!Files.isRegularFile(file)) throw new UserError("no such file: " + file);
    if (!format.equals("text") && !format.equals("json")) throw new UserError("--format is text or json, not " + format);
    SamplerSettings.Mode m = switch (mode) {
      case "langevin" -> SamplerSettings.Mode.LANGEVIN;
      case "gd" -> SamplerSettings.Mode.GD;
      default -> throw new UserError("--mode is langevin or gd, not " + mode);
    };
    if (!(kappa > 0)) throw new UserError("--kappa must be positive");
    if (!thresholds.contains(primary)) throw new UserError("--primary " + primary + " is not one of --thresholds " + thresholds);
    RuleBook rules = rulesOption.load();
    ArchModel model = new ArchFileParser(rules.knownNames()).parse(file);

    // --set SCALE=d^q, repeated or comma-separated for several values: one series per combination
    Map<String, List<BigFraction>> values = new LinkedHashMap<>();
    for (String s : sets) {
      String name = parseSetName(s, model.baseScale());
      for (String v : s.substring(s.indexOf('=') + 1).split(",")) {
        BigFraction q = parseSetExponent(name + "=" + v, model.baseScale());
        List<BigFraction> l = values.computeIfAbsent(name, k -> new ArrayList<>());
        if (!l.contains(q)) l.add(q);
      }
    }
    List<SizeSeries> series = SizeSeries.combinations(values, model.baseScale());
    List<ModelInstance> instances = new ArrayList<>();
    try {
      for (SizeSeries ss : series) instances.add(new ModelInstance(model, rules, ss.settings()));
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage());
    }

    String budgetName = budget == null ? "default" : budget.quick ? "quick" : budget.full ? "full" : "default";
    SweepPlan plan = SweepPlan.budget(budgetName, m, kappa);
    SamplerSettings st = plan.sampler();
    st = new SamplerSettings(m, kappa, dtFactor != null ? dtFactor : st.dtFactor(), priorTime != null ? priorTime : st.priorTime(),
        st.burnIn(), st.samples(), testSize != null ? testSize : st.testSize(), st.specialisationThreshold());
    List<ChainStart> startList = null;
    if (starts != null) {
      startList = new ArrayList<>();
      for (String s : starts) {
        try {
          startList.add(ChainStart.parse(s));
        } catch (IllegalArgumentException e) {
          throw new UserError("--starts takes random and/or aligned, not " + s);
        }
      }
    }
    if (dims != null && dims.stream().anyMatch(d -> d < 2)) throw new UserError("--d values must be at least 2");
    if (ratios != null && ratios.stream().anyMatch(r -> !(r > 0))) throw new UserError("--ratios must be positive");
    if (seeds != null && seeds < 1) throw new UserError("--seeds must be at least 1");
    List<Integer> ladder = dims == null ? admissible(plan.dims(), instances) : dims.stream().sorted().distinct().toList();
    for (ModelInstance inst : instances) {
      for (int d : ladder) if (inst.sizeProblem(d) != null) throw new UserError("--d: " + inst.sizeProblem(d));
    }
    plan = plan.with(ladder, ratios == null ? null : ratios.stream().sorted().distinct().toList(), seeds, startList, st);

    // the prediction: --predicted, else the derivation's closed form (piecewise in the free scales), else unknown
    PredictedScaling prediction;
    if (predicted != null) {
      prediction = PredictedScaling.constant(parseRational(predicted), "--predicted " + predicted);
    } else {
      try {
        Derivation der = new Deriver(rules).derive(model);
        prediction = der.learnable() ? PredictedScaling.derived(der, new DerivationView(der).piecewise(der.winner()))
            : PredictedScaling.none("the derivation finds the target not learnable" + (der.reason() == null ? "" : ": " + der.reason()));
      } catch (RuntimeException | Error ex) {
        prediction = PredictedScaling.none("the derivation failed: " + ex.getClass().getSimpleName() + (ex.getMessage() == null ? "" : ": " + ex.getMessage()));
      }
    }

    Path dir = out != null ? out : Path.of("verify-results", model.name());
    int nThreads = threads != null ? Math.max(1, threads) : Runtime.getRuntime().availableProcessors();
    long t0 = System.nanoTime();
    ExponentFitter fitter = new ExponentFitter(bootstrap, maxWidth, minRange, 12345);
    List<VerifyReport> reports = new ArrayList<>();
    Map<String, List<org.flscale.verify.CellRecord>> seriesRecords = new LinkedHashMap<>();
    for (int i = 0; i < series.size(); i++) {
      SizeSeries ss = series.get(i);
      ModelInstance instance = instances.get(i);
      Path sdir = series.size() == 1 ? dir : dir.resolve(ss.directoryName());
      Optional<BigFraction> e = prediction.exponent(ss.settings());
      Double pred = e.map(BigFraction::doubleValue).orElse(null);
      String source = !prediction.known() ? prediction.description()
          : e.isEmpty() ? prediction.description() + " (no region holds at " + ss.label() + ")"
          : ss.settings().isEmpty() ? prediction.description()
          : prediction.description() + "; at " + ss.label() + ": d^" + SizeSeries.fraction(e.get());
      long ts = System.nanoTime();
      int ran;
      List<org.flscale.verify.CellRecord> records;
      SweepRunner runner = new SweepRunner(instance, plan, nThreads);
      try (ResultStore store = new ResultStore(sdir, model.name(), runner.settingsKey(), resume)) {
        int planned = plan.cells().size();
        err.printf(Locale.ROOT, "verify %s: %s%n  %s, %d cells on %d threads%s; results in %s%n", model.name(), instance.describe(),
            plan.sampler().mode().description, planned, nThreads,
            resume ? " (" + store.records().size() + " already done)" : "", store.file());
        if (store.setAside() != null) err.println("  (the previous results were moved to " + store.setAside() + "; use --resume to keep them)");
        ran = runner.run(store, err, !noProgress);
        records = store.records();
      }
      // only the cells of this plan enter the fit
      java.util.Set<String> keys = new java.util.HashSet<>();
      for (var c : plan.cells()) keys.add(c.key());
      records.removeIf(r -> !keys.contains(r.key()));
      seriesRecords.put(ss.label(), records);

      Map<String, Object> extra = new LinkedHashMap<>();
      if (series.size() > 1) extra.put("series", ss.label());
      extra.put("cellsRunNow", ran);
      extra.put("wallSeconds", (System.nanoTime() - (series.size() == 1 ? t0 : ts)) * 1e-9);
      extra.put("threads", nThreads);
      extra.put("results", sdir.resolve("cells.jsonl").toString());
      VerifyReport report = new VerifyReport(instance, plan, records, thresholds, primary, pred, source, fitter, extra);
      if (!noPlots) {
        double s = pred != null ? pred : report.fits.stream().filter(f -> f.threshold() == primary).findFirst().map(f -> f.slope()).orElse(1.0);
        if (!Double.isFinite(s)) s = 1;
        List<Path> plots = Plots.write(sdir, model.name(), report.pooled, report.fits, s, pred != null ? "P / P_*(predicted)" : "P / d^(fitted slope)");
        report.json.put("plots", plots.stream().filter(java.util.Objects::nonNull).map(Path::toString).toList());
      }
      Files.writeString(sdir.resolve("summary.json"), report.toJson());
      Files.writeString(sdir.resolve("summary.txt"), report.text());
      reports.add(report);
    }

    String text, json;
    if (series.size() == 1) {
      text = reports.get(0).text();
      json = reports.get(0).toJson();
    } else {
      CollapseReport collapse = new CollapseReport(seriesRecords, model.freeScales(), prediction, thresholds, primary, fitter);
      Map<String, Object> all = new LinkedHashMap<>();
      all.put("model", model.name());
      all.put("series", reports.stream().map(r -> r.json).toList());
      all.put("collapse", collapse.json);
      all.put("verdict", collapse.main.verdict());
      all.put("reason", collapse.main.reason());
      all.put("wallSeconds", (System.nanoTime() - t0) * 1e-9);
      if (!noPlots) {
        Path plot = Plots.writeCollapse(dir, model.name(), collapse.points);
        if (plot != null) all.put("collapsePlot", plot.toString());
      }
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < series.size(); i++) {
        sb.append("=== series ").append(series.get(i).label()).append(" (").append(dir.resolve(series.get(i).directoryName())).append(")\n");
        sb.append(reports.get(i).text()).append('\n');
      }
      sb.append("=== all series\n").append(collapse.text());
      text = sb.toString();
      json = new com.fasterxml.jackson.databind.ObjectMapper().enable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT).writeValueAsString(all);
      Files.createDirectories(dir);
      Files.writeString(dir.resolve("summary.json"), json);
      Files.writeString(dir.resolve("summary.txt"), text);
    }
    if (format.equals("json")) spec.commandLine().getOut().println(json);
    else {
      spec.commandLine().getOut().print(text);
      spec.commandLine().getOut().println("results: " + (series.size() == 1 ? dir.resolve("cells.jsonl") + ", summary.json, plots in " + dir
          : "one directory per series under " + dir + ", collapse in " + dir.resolve("summary.json") + " and collapse_all.png"));
    }
    spec.commandLine().getOut().flush();
    return 0;
  }

  /**
   * The budget's d ladder moved, where a kind needs it, to the nearest d every series can use (a
   * conv input must be whole patches: squares when patch = patches = d^(1/2)).
   */
  private static List<Integer> admissible(List<Integer> ladder, List<ModelInstance> instances) {
    java.util.TreeSet<Integer> out = new java.util.TreeSet<>();
    for (int d : ladder) {
      for (int k = 0; k <= d; k++) {
        int found = ok(d - k, instances) ? d - k : ok(d + k, instances) ? d + k : -1;
        if (found > 0) {
          out.add(found);
          break;
        }
      }
    }
    return new ArrayList<>(out);
  }

  private static boolean ok(int d, List<ModelInstance> instances) {
    return d >= 2 && instances.stream().allMatch(i -> i.sizeProblem(d) == null);
  }

  private static String parseSetName(String s, String base) {
    int eq = s.indexOf('=');
    if (eq <= 0) throw new UserError("--set takes SCALE=" + base + "^q, e.g. N=" + base + "^1, not " + s);
    return s.substring(0, eq).trim();
  }

  private static BigFraction parseSetExponent(String s, String base) {
    String rhs = s.substring(s.indexOf('=') + 1).trim().replace("(", "").replace(")", "");
    if (rhs.equals(base)) return BigFraction.ONE;
    if (!rhs.startsWith(base + "^")) throw new UserError("--set takes SCALE=" + base + "^q, e.g. N=" + base + "^1, not " + s);
    return parseRational(rhs.substring(base.length() + 1));
  }

  static BigFraction parseRational(String s) {
    try {
      String t = s.trim();
      int slash = t.indexOf('/');
      if (slash >= 0) {
        return new BigFraction(new java.math.BigDecimal(t.substring(0, slash).trim()).doubleValue())
            .divide(new BigFraction(new java.math.BigDecimal(t.substring(slash + 1).trim()).doubleValue()));
      }
      java.math.BigDecimal d = new java.math.BigDecimal(t);
      return new BigFraction(d.unscaledValue(), java.math.BigInteger.TEN.pow(Math.max(0, d.scale())))
          .multiply(d.scale() < 0 ? new BigFraction(java.math.BigInteger.TEN.pow(-d.scale())) : BigFraction.ONE);
    } catch (NumberFormatException | ArithmeticException e) {
      throw new UserError("not a number or fraction: " + s);
    }
  }
}
