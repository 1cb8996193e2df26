package org.flscale.reproduce;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.math3.special.Erf;
import org.flscale.math.Q;
import org.flscale.math.Rationals;

/**
 * Reads a width sweep: per hidden layer the mean counts against the width, the fitted exponent of
 * each observable named by the preset (the first decides the verdict) over the preset's fit range,
 * compared with the derivation's exponent of its parameter (winner and named pattern) and, as data
 * about the paper, with the paper's claim; and where the sweep switches (the width of the largest
 * first-layer count, the first width where a deeper layer has a specialised neuron on average).
 */
final class WidthAnalysis {
  /** Fraction of N(0, 1) beyond 3 sigma: the prior's expected share of 3-sigma outliers. */
  static final double PRIOR_OUTLIER_SHARE = Erf.erfc(OverlapObservables.OUTLIER_SIGMAS / Math.sqrt(2));

  final Map<String, Object> json = new LinkedHashMap<>();
  final StringBuilder text = new StringBuilder();

  WidthAnalysis(Preset preset, List<WidthRecord> records, List<DerivedWidth.Point> derived, List<String> regions, Path dir) {
    Preset.Analysis a = preset.analysis();
    Preset.Width w = preset.width();
    int layer = a.layer() == null ? 1 : a.layer();
    List<String> observables = List.of(a.observable().split(",\\s*"));
    int depth = records.isEmpty() ? 0 : records.get(0).outliers().size();
    json.put("title", preset.title());
    json.put("paper", preset.paper());
    json.put("sizes", String.format(Locale.ROOT, "d = %d, P = %d (P/d = %s), kappa = %s, %s = %s, %d seeds x %s, T = %s prior times", w.d(),
        Math.round(w.ratio() * w.d()), fmt(w.ratio()), fmt(w.kappa()), w.scale(), w.values(), w.seeds(), w.starts(), fmt(w.time())));
    json.put("chains", records.size());
    text.append(preset.title()).append('\n').append("  sizes    ").append(json.get("sizes")).append('\n');
    text.append("  paper    ").append(preset.paper().claim()).append(" (").append(preset.paper().source()).append(")\n");
    text.append("  derived  ").append(String.join("; ", regions)).append('\n');

    // the table of means per width and layer
    List<Map<String, Object>> rows = new ArrayList<>();
    text.append(String.format(Locale.ROOT, "  %-6s %-8s %-6s %-6s", w.scale(), "winner", "A", "mse"));
    for (int l = 1; l <= depth; l++) text.append(String.format(Locale.ROOT, " out%d  spec%d", l, l) + (l >= 2 ? " chains" + l : ""));
    text.append('\n');
    for (DerivedWidth.Point p : derived) {
      List<WidthRecord> at = records.stream().filter(r -> r.width() == p.width() && !r.diverged()).toList();
      if (at.isEmpty()) continue;
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("width", p.width());
      row.put("derived", DerivedWidth.json(p));
      row.put("chains", at.size());
      row.put("alignment", mean(at.stream().map(WidthRecord::alignment).toList()));
      row.put("test_mse", mean(at.stream().map(WidthRecord::testMse).toList()));
      text.append(String.format(Locale.ROOT, "  %-6d %-8s %-6.3f %-6.3f", p.width(), p.winner(), row.get("alignment"), row.get("test_mse")));
      for (int l = 1; l <= depth; l++) {
        int li = l - 1;
        double out = mean(at.stream().map(r -> r.outliers().get(li)).toList());
        double spec = mean(at.stream().map(r -> r.specialised().get(li)).toList());
        row.put("outliers_layer" + l, out);
        row.put("specialised_layer" + l, spec);
        text.append(String.format(Locale.ROOT, " %-5.2f %-5.2f", out, spec));
        if (l >= 2) {
          // chains in which this layer holds a neuron specialised on u.x for at least half the samples (a GP-Spec-like state)
          long with = at.stream().filter(r -> r.specialised().get(li) >= 0.5).count();
          row.put("chains_with_layer" + l + "_specialist", with);
          text.append(String.format(Locale.ROOT, " %d/%-4d", with, at.size()));
        }
      }
      text.append('\n');
      rows.add(row);
    }
    json.put("widths", rows);

    // the fit range: from fit_from x d, up to the largest first-layer count when fit_to is "peak"
    int from = (int) Math.ceil((a.fitFrom() == null ? 0 : a.fitFrom()) * w.d());
    int to = Integer.MAX_VALUE;
    TreeMap<Integer, List<Double>> primary = counts(records, observables.get(0), layer);
    if ("peak".equals(a.fitTo())) {
      double best = -1;
      for (Map.Entry<Integer, List<Double>> e : primary.entrySet()) {
        if (e.getKey() >= from && CountFit.mean(e.getValue()) > best) {
          best = CountFit.mean(e.getValue());
          to = e.getKey();
        }
      }
      json.put("peak_width", to);
      text.append("  switch   the first-layer count peaks at ").append(w.scale()).append(" = ").append(to).append('\n');
    }
    for (int l = 2; l <= depth; l++) {
      int li = l - 1;
      Integer first = null;
      for (DerivedWidth.Point p : derived) {
        double m = mean(records.stream().filter(r -> r.width() == p.width()).map(r -> r.specialised().get(li)).toList());
        if (first == null && m >= 1) first = p.width();
      }
      json.put("first_width_with_layer" + l + "_specialist", first);
      text.append("  layer ").append(l).append("  first ").append(w.scale()).append(" with >= 1 neuron specialised on u.x (mean): ")
          .append(first == null ? "none" : first).append('\n');
    }
    List<Q> winnerValues = derivedAt(derived, from, to, -1);
    Q derivedExponent = winnerValues.size() == 1 ? winnerValues.get(0) : null;
    boolean lazy = winnerValues.isEmpty();
    json.put("derived_exponent", lazy ? "none: the winner leaves layer " + layer + " lazy (no " + a.parameter() + ")"
        : winnerValues.size() > 1 ? "varies over the range: " + winnerValues : Rationals.format(derivedExponent));
    text.append("  derived  exponent of ").append(a.parameter()).append(" in ").append(w.scale()).append(" over the fit range: winner ")
        .append(json.get("derived_exponent"));
    List<String> patterns = a.pattern() == null ? List.of() : List.of(a.pattern().split(",\\s*"));
    Map<String, String> patternExponents = new LinkedHashMap<>();
    for (int i = 0; i < patterns.size(); i++) {
      List<Q> v = derivedAt(derived, from, to, i);
      patternExponents.put(patterns.get(i), v.isEmpty() ? "-" : v.size() > 1 ? "varies: " + v : Rationals.format(v.get(0)));
      text.append("; ").append(patterns.get(i)).append(": ").append(patternExponents.get(patterns.get(i)));
    }
    text.append('\n');
    json.put("pattern_exponents", patternExponents);
    CountFit fitter = new CountFit(2000, 2.0, 1.0, 4);
    // the winner's exponent; a winner that leaves the layer lazy has no specialised neurons to grow: exponent 0
    Double expected = derivedExponent != null ? derivedExponent.doubleValue() : lazy ? 0.0 : null;
    json.put("expected_exponent", expected);
    Double claim = parse(preset.paper().exponent());
    List<Map<String, Object>> fits = new ArrayList<>();
    List<ReproducePlots.Fit> plotted = new ArrayList<>();
    for (String obs : observables) {
      TreeMap<Integer, List<Double>> c = counts(records, obs, layer);
      final int lo = from, hi = to;
      c.keySet().removeIf(k -> k < lo || k > hi);
      CountFit.Result r = fitter.fit(c, expected);
      Map<String, Object> f = CountFit.json(r);
      f.put("observable", obs + " (layer " + layer + ")");
      f.put("paper_claim_inside_interval", claim != null && Double.isFinite(r.lo()) && claim >= r.lo() && claim <= r.hi());
      fits.add(f);
      plotted.add(new ReproducePlots.Fit(obs, counts(records, obs, layer), r));
      List<String> local = localSlopes(counts(records, obs, layer));
      f.put("local_slopes", local);
      text.append(String.format(Locale.ROOT, "  fit      %-16s exponent in %s %s [%s, %s] over %s = %s..%s: %s (%s)%n", obs, w.scale(), fmt(r.slope()),
          fmt(r.lo()), fmt(r.hi()), w.scale(), r.widths().isEmpty() ? "-" : r.widths().get(0), r.widths().isEmpty() ? "-" : r.widths().get(r.widths().size() - 1),
          r.verdict(), r.reason()));
      text.append("           local slopes between neighbouring widths: ").append(String.join(", ", local)).append('\n');
    }
    json.put("fits", fits);
    json.put("verdict", fits.get(0).get("verdict"));
    ReproducePlots.counts(dir, preset.title(), w.scale(), layer, plotted, claim, expected);
    ReproducePlots.histograms(dir, preset.title(), records, w.scale());
    ReproducePlots.mseAgainstAlignment(dir, preset.title(), records.stream().map(r -> new double[] {r.alignment(), r.testMse(), r.width()}).toList(),
        w.scale());
  }

  /** The distinct exponents over the fit range: the winner's (which -1) or the named pattern's (its index); empty when it has none. */
  private static List<Q> derivedAt(List<DerivedWidth.Point> derived, int from, int to, int which) {
    List<Q> out = new ArrayList<>();
    for (DerivedWidth.Point p : derived) {
      if (p.width() < from || p.width() > to) continue;
      Q e = which < 0 ? p.winnerExponent() : which < p.patternExponents().size() ? p.patternExponents().get(which) : null;
      if (e != null && !out.contains(e)) out.add(e);
    }
    return out;
  }

  /** Per width the chains' values of an observable of a layer: outliers, outliers_excess (minus the prior's 0.27% of the width), specialised. */
  static TreeMap<Integer, List<Double>> counts(List<WidthRecord> records, String observable, int layer) {
    TreeMap<Integer, List<Double>> out = new TreeMap<>();
    for (WidthRecord r : records) {
      if (r.diverged()) continue;
      int width = r.widths().get(layer);
      double v = switch (observable) {
        case "outliers" -> r.outliers().get(layer - 1);
        case "outliers_excess" -> r.outliers().get(layer - 1) - PRIOR_OUTLIER_SHARE * width;
        case "specialised" -> r.specialised().get(layer - 1);
        default -> throw new IllegalArgumentException("unknown observable " + observable + " (outliers, outliers_excess, specialised)");
      };
      out.computeIfAbsent(r.width(), k -> new ArrayList<>()).add(v);
    }
    return out;
  }

  /** The slope of log(mean count) between each pair of neighbouring widths ("20-40: 0.62"), where both means are positive. */
  static List<String> localSlopes(TreeMap<Integer, List<Double>> counts) {
    List<String> out = new ArrayList<>();
    Integer prev = null;
    for (int w : counts.keySet()) {
      if (prev != null) {
        double a = CountFit.mean(counts.get(prev)), b = CountFit.mean(counts.get(w));
        out.add(prev + "-" + w + ": " + (a > 0 && b > 0 ? fmt(Math.log(b / a) / Math.log(w / (double) prev)) : "-"));
      }
      prev = w;
    }
    return out;
  }

  static Double parse(String exponent) {
    if (exponent == null) return null;
    String[] f = exponent.split("/");
    return f.length == 2 ? Double.parseDouble(f[0].trim()) / Double.parseDouble(f[1].trim()) : Double.parseDouble(exponent.trim());
  }

  private static double mean(List<Double> v) {
    return CountFit.mean(v);
  }

  static String fmt(double v) {
    return String.format(Locale.ROOT, "%.3g", v);
  }
}
