package org.flscale.reproduce;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.flscale.derive.Derivation;
import org.flscale.derive.Deriver;
import org.flscale.derive.Piece;
import org.flscale.math.Affine;
import org.flscale.model.ArchModel;
import org.flscale.rules.RuleBook;
import org.flscale.verify.CellRecord;
import org.flscale.verify.ExponentFitter;
import org.flscale.verify.FitResult;
import org.flscale.verify.PredictedScaling;

/**
 * Reads the verify runs of a preset from their cells.jsonl (every series directory under each
 * run) and fits what the paper claims, with the verifier's fitter (P_* where the chain-averaged
 * alignment crosses each threshold, chains bootstrapped within each point). Kind "pstar": P_*
 * against d. Kind "attention": P_* against L at each d (the exponent of L), and the collapse of
 * every (d, L) point against the derivation's closed form evaluated at its sizes (slope 1 expected).
 * The derived exponents come from the preset's .arch file; the paper's claim is drawn beside them.
 */
final class VerifyAnalysis {
  private static final ObjectMapper JSON = new ObjectMapper();
  final Map<String, Object> json = new LinkedHashMap<>();
  final StringBuilder text = new StringBuilder();

  VerifyAnalysis(Preset preset, ArchModel model, RuleBook rules, Path out) {
    Preset.Analysis a = preset.analysis();
    List<CellRecord> records = new ArrayList<>();
    for (Preset.VerifyRun run : preset.verify()) records.addAll(read(runDirectory(out, run)));
    ExponentFitter fitter = new ExponentFitter(2000, 1.0, 2.0, 12345, false, 4);
    List<Double> thresholds = a.thresholds() == null ? List.of(0.3, 0.4, 0.5) : a.thresholds();
    json.put("title", preset.title());
    json.put("paper", preset.paper());
    json.put("scaled", preset.scaled());
    json.put("chains", records.size());
    text.append(preset.title()).append('\n');
    text.append("  paper    ").append(preset.paper().claim()).append(" (").append(preset.paper().source()).append(")\n");
    text.append("  chains   ").append(records.size()).append(" from ").append(preset.verify().size()).append(" verify run(s) in ").append(out).append('\n');
    Double claim = WidthAnalysis.parse(preset.paper().exponent());
    if ("attention".equals(a.kind())) attention(model, rules, records, thresholds, fitter, claim, out);
    else pstar(model, rules, records, thresholds, fitter, claim, out, a);
    ReproducePlots.mseAgainstAlignment(out, preset.title(), records.stream().map(r -> new double[] {r.alignment(), r.testMse(), r.d()}).toList(), "d");
  }

  static Path runDirectory(Path out, Preset.VerifyRun run) {
    return run.label() == null || run.label().isEmpty() ? out : out.resolve(run.label());
  }

  private void pstar(ArchModel model, RuleBook rules, List<CellRecord> records, List<Double> thresholds, ExponentFitter fitter, Double claim, Path out,
      Preset.Analysis a) {
    PredictedScaling prediction = PredictedScaling.derive(rules, model);
    Double derived = prediction.exponent(Map.of()).map(q -> q.doubleValue()).orElse(null);
    json.put("derived", prediction.description());
    text.append("  derived  ").append(prediction.description()).append('\n');
    var curves = ExponentFitter.curves(records, r -> true);
    List<FitResult> fits = new ArrayList<>();
    for (double t : thresholds) fits.add(fitter.fit(curves, t, derived));
    report(fits, "d");
    ReproducePlots.pstar(out, json.get("title") + "", "d", fits, claim, derived);
    if (a.postHocMinD() != null) {
      int min = a.postHocMinD();
      text.append("  post hoc (chosen after seeing the data): d >= ").append(min).append(", because ").append(a.postHocWhy()).append('\n');
      var kept = ExponentFitter.curves(records, r -> r.d() >= min);
      List<FitResult> post = new ArrayList<>();
      for (double t : thresholds) post.add(fitter.fit(kept, t, derived));
      json.put("post_hoc", Map.of("min_d", min, "why", a.postHocWhy(), "fits", fitsJson(post)));
      int before = ((List<?>) json.get("fits")).size();
      report(post, "d");
      ((List<?>) json.get("fits")).subList(before, ((List<?>) json.get("fits")).size()).clear();
      ReproducePlots.pstar(out.resolve("post-hoc"), json.get("title") + ", d >= " + min + " (post hoc)", "d", post, claim, derived);
    }
  }

  private void attention(ArchModel model, RuleBook rules, List<CellRecord> records, List<Double> thresholds, ExponentFitter fitter, Double claim,
      Path out) {
    Derivation der = new Deriver(rules).derive(model);
    PredictedScaling prediction = PredictedScaling.derived(der, "the winner");
    json.put("derived", new org.flscale.report.DerivationView(der).piecewise(der.winner()));
    text.append("  derived  P_*/kappa ~ ").append(json.get("derived")).append('\n');
    // points: (d, L) -> chain -> (P -> alignment)
    TreeMap<Integer, TreeMap<Integer, Map<String, TreeMap<Integer, Double>>>> points = new TreeMap<>();
    Map<String, Map<String, Integer>> sizes = new LinkedHashMap<>();
    for (CellRecord r : records) {
      if (r.diverged() || !Double.isFinite(r.alignment())) continue;
      int l = r.scales().get("L");
      points.computeIfAbsent(r.d(), k -> new TreeMap<>()).computeIfAbsent(l, k -> new TreeMap<>()).computeIfAbsent(r.chain(), k -> new TreeMap<>())
          .put(r.p(), r.alignment());
      sizes.put(r.d() + "/" + l, r.scales());
    }
    Map<String, Object> perD = new LinkedHashMap<>();
    List<Double> collapseX = new ArrayList<>();
    List<Integer> collapseD = new ArrayList<>();
    List<List<TreeMap<Integer, Double>>> collapseChains = new ArrayList<>();
    List<FitResult> lastFits = new ArrayList<>();
    for (var e : points.entrySet()) {
      int d = e.getKey();
      List<Double> ls = new ArrayList<>();
      List<Integer> dims = new ArrayList<>();
      List<List<TreeMap<Integer, Double>>> chains = new ArrayList<>();
      Double derivedL = null;
      for (var p : e.getValue().entrySet()) {
        ls.add((double) p.getKey());
        dims.add(d);
        chains.add(new ArrayList<>(p.getValue().values()));
        Map<String, Integer> s = sizes.get(d + "/" + p.getKey());
        collapseX.add(Math.exp(prediction.logPstar(d, s)));
        collapseD.add(d);
        collapseChains.add(new ArrayList<>(p.getValue().values()));
        derivedL = coefficient(der, "L", d, s);
      }
      text.append("  d = ").append(d).append(": P_* against L = ").append(ls).append(", derived exponent of L ").append(fmt(derivedL)).append('\n');
      List<FitResult> fits = new ArrayList<>();
      for (double t : thresholds) fits.add(fitter.fit("L", ls, dims, chains, t, derivedL));
      perD.put("d=" + d, fitsJson(fits));
      report(fits, "L");
      ReproducePlots.pstar(out.resolve("d" + d), json.get("title") + ", d = " + d, "L", fits, claim, derivedL);
      lastFits = fits;
    }
    json.put("exponent_of_L", perD);
    text.append("  collapse: P_* of every (d, L) point against P_pred = the derived closed form at its sizes (slope 1 expected)\n");
    List<FitResult> collapse = new ArrayList<>();
    for (double t : thresholds) collapse.add(fitter.fit("P_pred", collapseX, collapseD, collapseChains, t, 1.0));
    json.put("collapse", fitsJson(collapse));
    report(collapse, "P_pred");
    ReproducePlots.pstar(out, json.get("title") + ": collapse", "P_pred", collapse, 1.0, 1.0);
  }

  /** The coefficient of a scale in the exponent of the winning piece at a point's sizes (each read as d^q). */
  private static Double coefficient(Derivation der, String scale, int d, Map<String, Integer> sizes) {
    Piece best = null;
    double bestViolation = Double.POSITIVE_INFINITY;
    for (Piece p : der.winner()) {
      double worst = 0;
      for (Affine c : p.conditions()) {
        double v = c.constant().doubleValue();
        for (var k : c.coeffs().entrySet()) v += k.getValue().doubleValue() * Math.log(sizes.get(k.getKey())) / Math.log(d);
        worst = Math.max(worst, -v);
      }
      if (worst < bestViolation) {
        best = p;
        bestViolation = worst;
      }
    }
    return best == null ? null : best.exponent().coeff(scale).doubleValue();
  }

  private void report(List<FitResult> fits, String variable) {
    for (FitResult f : fits) {
      StringBuilder ps = new StringBuilder();
      for (int i = 0; i < f.x().size(); i++) {
        ps.append(String.format(Locale.ROOT, "%s:%s ", fmt(f.x().get(i)), Double.isFinite(f.pstar().get(i)) ? String.valueOf(Math.round(f.pstar().get(i))) : "-"));
      }
      text.append(String.format(Locale.ROOT, "    A=%.2f  P_*(%s) %s  slope %s [%s, %s] (with a log: %s)  %s (%s)%n", f.threshold(), variable,
          ps.toString().trim(), fmt(f.slope()), fmt(f.lo()), fmt(f.hi()), fmt(f.logSlope()), f.verdict(), f.reason()));
    }
    json.computeIfAbsent("fits", k -> new ArrayList<Object>());
    @SuppressWarnings("unchecked") List<Object> all = (List<Object>) json.get("fits");
    all.addAll(fitsJson(fits));
  }

  private static List<Map<String, Object>> fitsJson(List<FitResult> fits) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (FitResult f : fits) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("variable", f.variable());
      m.put("threshold", f.threshold());
      m.put("x", f.x());
      m.put("pstar", f.pstar());
      m.put("slope", f.slope());
      m.put("interval", List.of(f.lo(), f.hi()));
      m.put("log_corrected_slope", f.logSlope());
      m.put("verdict", f.verdict());
      m.put("reason", f.reason());
      out.add(m);
    }
    return out;
  }

  /** Every cells.jsonl under dir (the run's own and its series'). */
  static List<CellRecord> read(Path dir) {
    List<CellRecord> out = new ArrayList<>();
    if (!Files.isDirectory(dir)) return out;
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(p -> p.getFileName().toString().equals("cells.jsonl")).sorted().toList()) {
        for (String line : Files.readAllLines(f)) {
          if (line.isBlank()) continue;
          try {
            out.add(JSON.readValue(line, CellRecord.class));
          } catch (IOException e) {
            // a line cut short by a kill
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  static String fmt(Double v) {
    return v == null ? "-" : String.format(Locale.ROOT, "%.3g", v);
  }
}
