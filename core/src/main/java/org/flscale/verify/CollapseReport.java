package org.flscale.verify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The collapse over every size point of several series (each a d and the free scales' sizes at
 * it): P_* measured at each point against P_* predicted there by the derivation's closed form. If
 * the prediction is right, log P_* = const + 1 log P_pred: the fitted slope (bootstrap over chains
 * within each point) is compared with 1, with the fitter's rules for "inconclusive".
 */
public final class CollapseReport {
  /** One (series, d) cell of the sweep: its sizes, predicted P_*, and its chains' alignment curves. */
  public record Point(String series, int d, Map<String, Integer> sizes, double predictedPstar, List<TreeMap<Integer, Double>> chains) {
    public String label() {
      StringBuilder sb = new StringBuilder("d=" + d);
      sizes.forEach((k, v) -> sb.append(' ').append(k).append('=').append(v));
      return sb.toString();
    }
  }

  public final List<Point> points = new ArrayList<>();
  public final List<FitResult> fits = new ArrayList<>();
  public final FitResult main;
  public final Map<String, Object> json = new LinkedHashMap<>();
  private final StringBuilder text = new StringBuilder();

  /** records per series label; free scales' names pick the sizes shown for each point. */
  public CollapseReport(Map<String, List<CellRecord>> seriesRecords, List<String> freeScales, PredictedScaling prediction,
      List<Double> thresholds, double primary, ExponentFitter fitter) {
    for (Map.Entry<String, List<CellRecord>> s : seriesRecords.entrySet()) {
      TreeMap<Integer, Map<String, TreeMap<Integer, Double>>> curves = ExponentFitter.curves(s.getValue(), r -> true);
      for (Map.Entry<Integer, Map<String, TreeMap<Integer, Double>>> e : curves.entrySet()) {
        int d = e.getKey();
        Map<String, Integer> all = s.getValue().stream().filter(r -> r.d() == d && r.scales() != null).findFirst().map(CellRecord::scales).orElse(Map.of());
        Map<String, Integer> shown = new LinkedHashMap<>();
        for (String f : freeScales) if (all.containsKey(f)) shown.put(f, all.get(f));
        points.add(new Point(s.getKey(), d, shown, Math.exp(prediction.logPstar(d, all)), new ArrayList<>(e.getValue().values())));
      }
    }
    List<Double> xs = points.stream().map(Point::predictedPstar).toList();
    List<Integer> dims = points.stream().map(Point::d).toList();
    List<List<TreeMap<Integer, Double>>> chains = points.stream().map(Point::chains).toList();
    Double one = prediction.known() ? 1.0 : null;
    for (double t : thresholds) fits.add(fitter.fit("P_pred", xs, dims, chains, t, one));
    main = fits.stream().filter(f -> f.threshold() == primary).findFirst().orElse(fits.get(0));

    json.put("prediction", prediction.description());
    json.put("predicted_slope", one);
    List<Object> pts = new ArrayList<>();
    for (int i = 0; i < points.size(); i++) {
      Point p = points.get(i);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("series", p.series());
      m.put("d", p.d());
      m.put("sizes", p.sizes());
      m.put("predicted_pstar", VerifyReport.nan(p.predictedPstar()));
      Map<String, Object> measured = new LinkedHashMap<>();
      for (FitResult f : fits) measured.put(String.valueOf(f.threshold()), VerifyReport.nan(f.pstar().get(i)));
      m.put("pstar", measured);
      m.put("chains", p.chains().size());
      pts.add(m);
    }
    json.put("points", pts);
    List<Object> th = new ArrayList<>();
    for (FitResult f : fits) th.add(VerifyReport.fitSummary(f));
    json.put("thresholds", th);
    json.put("verdict", main.verdict());
    json.put("reason", main.reason());

    line("COLLAPSE over %d (series, d) points: log P_* against log P_pred, P_pred = the derivation's closed form at each point's sizes", points.size());
    line("prediction %s; slope 1 expected", prediction.description());
    double lo = xs.stream().filter(Double::isFinite).mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    double hi = xs.stream().filter(Double::isFinite).mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    line("P_pred spans %s .. %s (a factor %s)", VerifyReport.g(lo), VerifyReport.g(hi), VerifyReport.g(hi / lo));
    line("%-26s %-12s %s", "point", "P_pred", "P_* at A = " + thresholds);
    for (int i = 0; i < points.size(); i++) {
      StringBuilder ps = new StringBuilder();
      for (FitResult f : fits) ps.append(Double.isFinite(f.pstar().get(i)) ? String.format(Locale.ROOT, "%.0f", f.pstar().get(i)) : "-").append("  ");
      line("%-26s %-12s %s", points.get(i).label(), VerifyReport.g(points.get(i).predictedPstar()), ps.toString().trim());
    }
    for (FitResult f : fits) {
      line("A=%-6s slope %s [%s, %s]  %s: %s", VerifyReport.g(f.threshold()), VerifyReport.g(f.slope()), VerifyReport.g(f.lo()), VerifyReport.g(f.hi()),
          f.verdict(), f.reason());
    }
    line("");
    line("VERDICT (collapse, A=%s): %s: %s", VerifyReport.g(main.threshold()), main.verdict().toUpperCase(Locale.ROOT), main.reason());
  }

  private void line(String fmt, Object... args) {
    text.append(String.format(Locale.ROOT, fmt, args)).append('\n');
  }

  public String text() {
    return text.toString();
  }
}
