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
import org.flscale.verify.ChainStart;
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
  @Option(names = "--set", paramLabel = "SCALE=d^q", description = "Tie a free scale to the base scale, e.g. --set N=d^1.") List<String> sets = new ArrayList<>();
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

    Map<String, BigFraction> set = new LinkedHashMap<>();
    for (String s : sets) set.put(parseSetName(s, model.baseScale()), parseSetExponent(s, model.baseScale()));
    ModelInstance instance;
    try {
      instance = new ModelInstance(model, rules, set);
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
    plan = plan.with(dims == null ? null : dims.stream().sorted().distinct().toList(),
        ratios == null ? null : ratios.stream().sorted().distinct().toList(), seeds, startList, st);

    // the prediction: --predicted, else the derivation, else unknown
    Double pred = null;
    String source;
    if (predicted != null) {
      pred = parseRational(predicted).doubleValue();
      source = "--predicted " + predicted;
    } else {
      try {
        Optional<BigFraction> e = new Deriver(rules).derive(model).pstarExponent();
        if (e.isPresent()) {
          pred = e.get().doubleValue();
          source = "derived: P_* ~ d^" + fraction(e.get());
        } else {
          source = "the derivation gives no exponent of d (target not learnable, or free scales)";
        }
      } catch (RuntimeException | Error ex) {
        source = "the derivation failed: " + ex.getClass().getSimpleName() + (ex.getMessage() == null ? "" : ": " + ex.getMessage());
      }
    }

    Path dir = out != null ? out : Path.of("verify-results", model.name());
    int nThreads = threads != null ? Math.max(1, threads) : Runtime.getRuntime().availableProcessors();
    long t0 = System.nanoTime();
    int ran;
    List<org.flscale.verify.CellRecord> records;
    SweepRunner runner = new SweepRunner(instance, plan, nThreads);
    try (ResultStore store = new ResultStore(dir, model.name(), runner.settingsKey(), resume)) {
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

    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("cellsRunNow", ran);
    extra.put("wallSeconds", (System.nanoTime() - t0) * 1e-9);
    extra.put("threads", nThreads);
    extra.put("results", dir.resolve("cells.jsonl").toString());
    VerifyReport report = new VerifyReport(instance, plan, records, thresholds, primary, pred,
        source, new ExponentFitter(bootstrap, maxWidth, minRange, 12345), extra);
    if (!noPlots) {
      double s = pred != null ? pred : report.fits.stream().filter(f -> f.threshold() == primary).findFirst().map(f -> f.slope()).orElse(1.0);
      if (!Double.isFinite(s)) s = 1;
      List<Path> plots = Plots.write(dir, model.name(), report.pooled, report.fits, s, pred != null ? "P / P_*(predicted)" : "P / d^(fitted slope)");
      report.json.put("plots", plots.stream().filter(java.util.Objects::nonNull).map(Path::toString).toList());
    }
    Files.writeString(dir.resolve("summary.json"), report.toJson());
    Files.writeString(dir.resolve("summary.txt"), report.text());
    if (format.equals("json")) spec.commandLine().getOut().println(report.toJson());
    else {
      spec.commandLine().getOut().print(report.text());
      spec.commandLine().getOut().println("results: " + dir.resolve("cells.jsonl") + ", summary.json, plots in " + dir);
    }
    spec.commandLine().getOut().flush();
    return 0;
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

  private static String fraction(BigFraction f) {
    return f.getDenominator().equals(java.math.BigInteger.ONE) ? f.getNumerator().toString() : f.getNumerator() + "/" + f.getDenominator();
  }
}
