package org.flscale.verify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The outcome of a verification: fits at every threshold (both starts pooled), per-start fits at
 * the primary threshold, hysteresis between starts, specialised neurons, and the verdict; as text
 * or as one JSON object.
 */
public final class VerifyReport {
  public final Map<String, Object> json = new LinkedHashMap<>();
  private final StringBuilder text = new StringBuilder();

  public VerifyReport(ModelInstance model, SweepPlan plan, List<CellRecord> records, List<Double> thresholds, double primary,
      Double predicted, String predictedSource, ExponentFitter fitter, Map<String, Object> extra) {
    SamplerSettings s = plan.sampler();
    TreeMap<Integer, Map<String, TreeMap<Integer, Double>>> pooled = ExponentFitter.curves(records, r -> true);
    List<FitResult> fits = new ArrayList<>();
    for (double t : thresholds) fits.add(fitter.fit(pooled, t, predicted));
    FitResult main = fits.stream().filter(f -> f.threshold() == primary).findFirst().orElse(fits.get(0));

    json.put("model", model.name());
    json.put("network", model.describe());
    json.put("method", s.mode().description);
    json.put("budget", plan.budget().label);
    json.put("predicted", predicted == null ? null : predicted);
    json.put("predicted_source", predictedSource);
    Map<String, Object> sizes = new LinkedHashMap<>();
    sizes.put("d", plan.dims());
    sizes.put("p_over_d", plan.ratios());
    sizes.put("seeds", plan.seeds());
    sizes.put("starts", plan.starts().stream().map(c -> c.label).toList());
    Map<String, List<Integer>> widths = new LinkedHashMap<>();
    for (int d : plan.dims()) {
      widths.put(String.valueOf(d), model.hiddenWidths(d));
    }
    sizes.put("widths", widths);
    json.put("sizes", sizes);
    Map<String, Object> sampler = new LinkedHashMap<>();
    sampler.put("kappa", s.kappa());
    sampler.put("integrator", s.effectiveIntegrator().label);
    if (s.effectiveIntegrator().underdamped()) sampler.put("friction", s.friction());
    sampler.put("precision", s.precision().label);
    sampler.put("dt_factor", s.dtFactor());
    sampler.put("prior_time", s.priorTime());
    sampler.put("burn_in", s.burnIn());
    sampler.put("test_size", s.testSize());
    sampler.put("specialisation_threshold", s.specialisationThreshold());
    json.put("sampler", sampler);
    json.put("primary_threshold", main.threshold());
    json.put("fitted_slope", nan(main.slope()));
    json.put("interval", java.util.Arrays.asList(nan(main.lo()), nan(main.hi())));
    json.put("verdict", main.verdict());
    json.put("reason", main.reason());
    List<Object> th = new ArrayList<>();
    for (FitResult f : fits) th.add(fitJson(f));
    json.put("thresholds", th);
    Map<String, Object> perStart = new LinkedHashMap<>();
    for (ChainStart st : plan.starts()) {
      var c = ExponentFitter.curves(records, r -> r.start().equals(st.label));
      perStart.put(st.label, fitJson(fitter.fit(c, main.threshold(), predicted)));
    }
    json.put("per_start", perStart);
    List<Object> hyst = hysteresis(records);
    json.put("hysteresis", hyst);
    json.put("specialised", specialised(records));
    json.put("test_mse", testMse(records));
    double chainSeconds = records.stream().mapToDouble(CellRecord::seconds).sum();
    json.put("cells", records.size());
    json.put("diverged", records.stream().filter(CellRecord::diverged).count());
    json.put("chain_seconds", chainSeconds);
    json.put("gradient_evaluations", records.stream().mapToLong(CellRecord::gradientEvaluations).sum());
    json.putAll(extra);

    // text
    line("model      %s", model.name());
    line("network    %s", model.describe());
    line("method     %s", s.mode().description);
    line("sampler    kappa=%s  %s  T=%s prior times (burn-in %s)  test set %d%s", g(s.kappa()), stepText(s), g(s.priorTime()), g(s.burnIn()), s.testSize(),
        s.precision() == Precision.FP64 ? "" : "  passes in " + s.precision().label);
    line("sizes      d=%s  P/d=%s  seeds=%d  starts=%s  (%s budget, %d cells, %.0f s of chains, %.3g gradient evaluations)", plan.dims(), plan.ratios(), plan.seeds(),
        plan.starts().stream().map(c -> c.label).toList(), plan.budget().label, records.size(), chainSeconds,
        (double) records.stream().mapToLong(CellRecord::gradientEvaluations).sum());
    line("predicted  %s", predicted == null ? "unknown (" + predictedSource + ")" : g(predicted) + " (" + predictedSource + ")");
    line("");
    line("threshold  P_*(d)                                  slope   95%% interval     d^a log d: slope [interval]  verdict");
    for (FitResult f : fits) {
      StringBuilder ps = new StringBuilder();
      for (int i = 0; i < f.dims().size(); i++) ps.append(f.dims().get(i)).append(':').append(Double.isFinite(f.pstar().get(i)) ? String.format(Locale.ROOT, "%.0f", f.pstar().get(i)) : "-").append(' ');
      line("A=%-7s  %-38s  %6s  [%5s, %5s]   %5s [%5s, %5s]%s  %s", g(f.threshold()), ps.toString().trim(), g(f.slope()), g(f.lo()), g(f.hi()),
          g(f.logSlope()), g(f.logLo()), g(f.logHi()), f.sseLog() < f.sseLinear() ? " (fits better)" : "", f.verdict());
    }
    for (ChainStart st : plan.starts()) {
      @SuppressWarnings("unchecked")
      Map<String, Object> ps = (Map<String, Object>) perStart.get(st.label);
      line("  %-7s starts only, A=%s: slope %s [%s, %s]", st.label, g(main.threshold()), g((Double) ps.get("slope")),
          g(((List<Double>) ps.get("interval")).get(0)), g(((List<Double>) ps.get("interval")).get(1)));
    }
    String noHysteresis = plan.starts().size() < 2 ? "not checked (one kind of start)"
        : "none flagged (random and aligned starts agree within 0.1 or their noise)";
    line("hysteresis %s", hyst.isEmpty() ? noHysteresis : hyst.size() + " (d, P) cells where starts disagree: " + hyst);
    line("test MSE of the averaged predictor (<y^2> = 1), mean over chains at the largest P: %s", json.get("test_mse"));
    line("%s, mean over chains at the largest P: %s", model.kind().specialised(g(s.specialisationThreshold())), json.get("specialised"));
    line("");
    line("VERDICT (A=%s): %s: %s", g(main.threshold()), main.verdict().toUpperCase(Locale.ROOT), main.reason());
    this.fits = fits;
    this.pooled = pooled;
    this.predicted = predicted;
    this.main = main;
  }

  public final List<FitResult> fits;
  public final TreeMap<Integer, Map<String, TreeMap<Integer, Double>>> pooled;
  private final Double predicted;
  private final FitResult main;

  /** The PNG plots into dir (the collapse in P / d^s with s predicted, else fitted), listed under "plots". */
  public void writePlots(java.nio.file.Path dir, String model) {
    double s = predicted != null ? predicted : Double.isFinite(main.slope()) ? main.slope() : 1;
    List<java.nio.file.Path> plots = Plots.write(dir, model, pooled, fits, s, predicted != null ? "P / P_*(predicted)" : "P / d^(fitted slope)");
    json.put("plots", plots.stream().filter(java.util.Objects::nonNull).map(java.nio.file.Path::toString).toList());
  }

  private void line(String fmt, Object... args) {
    text.append(String.format(Locale.ROOT, fmt, args)).append('\n');
  }

  static String g(Double v) {
    return v == null || !Double.isFinite(v) ? "-" : String.format(Locale.ROOT, "%.3g", v);
  }

  /** A fit's slope, interval, bootstrap failures and verdict (what a collapse reports per threshold too). */
  static Map<String, Object> fitSummary(FitResult f) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("threshold", f.threshold());
    m.put("slope", nan(f.slope()));
    m.put("interval", java.util.Arrays.asList(nan(f.lo()), nan(f.hi())));
    m.put("bootstrap_failed_fraction", f.failedFraction());
    m.put("verdict", f.verdict());
    m.put("reason", f.reason());
    return m;
  }

  static Map<String, Object> fitJson(FitResult f) {
    Map<String, Object> m = fitSummary(f);
    Map<String, Object> ps = new LinkedHashMap<>();
    for (int i = 0; i < f.dims().size(); i++) ps.put(String.valueOf(f.dims().get(i)), nan(f.pstar().get(i)));
    m.put("pstar", ps);
    Map<String, Object> alt = new LinkedHashMap<>();
    alt.put("slope", nan(f.logSlope()));
    alt.put("interval", java.util.Arrays.asList(nan(f.logLo()), nan(f.logHi())));
    alt.put("sse_linear", nan(f.sseLinear()));
    alt.put("sse_log", nan(f.sseLog()));
    alt.put("better", !(Double.isFinite(f.sseLog()) && Double.isFinite(f.sseLinear())) ? null : f.sseLog() < f.sseLinear() ? "d^a log d" : "d^a");
    m.put("log_alternative", alt);
    return m;
  }

  static Double nan(double v) {
    return Double.isFinite(v) ? v : null;
  }

  /** (d, P) where the random and aligned starts disagree by more than 0.1 and than twice their combined standard error. */
  static List<Object> hysteresis(List<CellRecord> records) {
    Map<String, List<Double>> rnd = new TreeMap<>(), al = new TreeMap<>();
    for (CellRecord r : records) {
      if (!Double.isFinite(r.alignment())) continue;
      String k = String.format(Locale.ROOT, "%05d/%07d", r.d(), r.p());
      (r.start().equals("random") ? rnd : al).computeIfAbsent(k, x -> new ArrayList<>()).add(r.alignment());
    }
    List<Object> out = new ArrayList<>();
    for (String k : rnd.keySet()) {
      if (!al.containsKey(k)) continue;
      double[] a = stats(rnd.get(k)), b = stats(al.get(k));
      double diff = b[0] - a[0], se = Math.sqrt(a[1] + b[1]);
      if (Math.abs(diff) > 0.1 && Math.abs(diff) > 2 * se) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("d", Integer.parseInt(k.substring(0, 5)));
        m.put("p", Integer.parseInt(k.substring(6)));
        m.put("random", Math.round(a[0] * 1000) / 1000.0);
        m.put("aligned", Math.round(b[0] * 1000) / 1000.0);
        out.add(m);
      }
    }
    return out;
  }

  /** mean and squared standard error (0 with one value). */
  private static double[] stats(List<Double> v) {
    double m = v.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    if (v.size() < 2) return new double[] {m, 0};
    double ss = 0;
    for (double x : v) ss += (x - m) * (x - m);
    return new double[] {m, ss / (v.size() - 1) / v.size()};
  }

  /** Per d: mean specialised neurons per layer over the chains at the largest P. */
  static Map<String, Object> specialised(List<CellRecord> records) {
    Map<Integer, Integer> maxP = new TreeMap<>();
    for (CellRecord r : records) maxP.merge(r.d(), r.p(), Math::max);
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<Integer, Integer> e : maxP.entrySet()) {
      double[] sum = null;
      int n = 0;
      for (CellRecord r : records) {
        if (r.d() != e.getKey() || r.p() != e.getValue() || r.specialised() == null || r.diverged()) continue;
        if (sum == null) sum = new double[r.specialised().size()];
        for (int i = 0; i < sum.length; i++) sum[i] += r.specialised().get(i);
        n++;
      }
      List<Double> m = new ArrayList<>();
      if (sum != null) for (double x : sum) m.add(Math.round(x / n * 100) / 100.0);
      out.put("d=" + e.getKey() + ",P=" + e.getValue(), m);
    }
    return out;
  }

  /** Per d: mean test MSE over the chains at the largest P. */
  static Map<String, Object> testMse(List<CellRecord> records) {
    Map<Integer, Integer> maxP = new TreeMap<>();
    for (CellRecord r : records) maxP.merge(r.d(), r.p(), Math::max);
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<Integer, Integer> e : maxP.entrySet()) {
      double m = records.stream().filter(r -> r.d() == e.getKey() && r.p() == e.getValue() && Double.isFinite(r.testMse()))
          .mapToDouble(CellRecord::testMse).average().orElse(Double.NaN);
      out.put("d=" + e.getKey() + ",P=" + e.getValue(), Double.isFinite(m) ? Math.round(m * 1000) / 1000.0 : null);
    }
    return out;
  }

  public String text() {
    return text.toString();
  }

  public String toJson() {
    return Verification.json(json);
  }

  /** The integrator and its step as the text summary shows them. */
  private static String stepText(SamplerSettings s) {
    Integrator i = s.effectiveIntegrator();
    if (i.underdamped()) return String.format(Locale.ROOT, "%s (gamma=%s): h=%s/sqrt(lambda_max)", i.label, g(s.friction()), g(s.dtFactor()));
    return (i == Integrator.EULER ? "" : i.label + ": ") + "dt=" + g(s.dtFactor()) + " kappa d/P";
  }
}
