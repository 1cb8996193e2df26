package org.flscale.adaptive.check;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.flscale.adaptive.AdaptiveDerivation;

/**
 * summary.txt and summary.json of the check: per cell the exact prediction beside the measurement
 * with its 95% interval, the coverage count, and per chi the N-slopes against the rules' exponents.
 */
final class CheckSummary {
  private final AdaptiveDerivation derivation;
  private final CheckPlan plan;
  private final List<CellResult> cells;
  private final List<ChainRun> runs;
  private final org.flscale.adaptive.exact.LinearTask task;

  CheckSummary(AdaptiveDerivation derivation, CheckPlan plan, org.flscale.adaptive.exact.LinearTask task, List<CellResult> cells, List<ChainRun> runs) {
    this.task = task;
    this.derivation = derivation;
    this.plan = plan;
    this.cells = cells;
    this.runs = runs;
  }

  /**
   * One chi's slopes: the observable, the rules' exponent, the chains' fit over the sampled widths
   * (judged against the exact posterior's slope there), that exact slope, and the exact posterior's
   * local slope at N = 2^18..2^20 (judged against the rules' exponent).
   */
  record Slope(String what, String derived, SlopeFit measured, double exact, String widths, double asymptotic, String verdict) {}

  List<Slope> slopes(double power) {
    DerivedSlopes ds = DerivedSlopes.of(derivation.balance(), power);
    List<CellResult> mine = cells.stream().filter(c -> c.chiPower() == power).toList();
    boolean lazy = ds.lazy(ExactScaling.TO, plan.samples(), plan.dim());
    List<CellResult> fit = mine.stream().filter(c -> ds.lazy(c.width(), plan.samples(), plan.dim()) == lazy).toList();
    if (fit.size() < 3) fit = mine.subList(Math.max(0, mine.size() - 3), mine.size());
    int[] w = fit.stream().mapToInt(CellResult::width).toArray();
    String range = "N = " + w[0] + ".." + w[w.length - 1];
    List<double[]> qs = new ArrayList<>(), ss = new ArrayList<>();
    double[] eq = new double[w.length], es = new double[w.length], et = new double[w.length];
    double shift = lazy ? 1 : 0;
    for (int i = 0; i < w.length; i++) {
      final int n = w[i];
      qs.add(runs.stream().filter(r -> r.chiPower() == power && r.width() == n).mapToDouble(r -> r.q() - shift).toArray());
      ss.add(runs.stream().filter(r -> r.chiPower() == power && r.width() == n).mapToDouble(ChainRun::spike).toArray());
      eq[i] = fit.get(i).exact().meanQ() - shift;
      es[i] = fit.get(i).exact().spike();
      et[i] = ExactScaling.tree(fit.get(i).exact());
    }
    ExactScaling far = ExactScaling.of(plan, task, power, lazy);
    List<Slope> out = new ArrayList<>();
    double xq = SlopeFit.exactSlope(w, eq), xs = SlopeFit.exactSlope(w, es);
    out.add(slope(lazy ? "Q - 1" : "Q", ds.shift(lazy), SlopeFit.fit(w, qs, xq), xq, range, far.shiftSlope()));
    out.add(slope("spike S", ds.spike(lazy), SlopeFit.fit(w, ss, xs), xs, range, far.spikeSlope()));
    out.add(slope("tree error/effect", ds.treeError(), null, SlopeFit.exactSlope(w, et), range, far.treeSlope()));
    return out;
  }

  private static Slope slope(String what, org.flscale.math.Q derived, SlopeFit fit, double exact, String range, double far) {
    String verdict = Math.abs(far - derived.doubleValue()) <= 0.02 ? "consistent" : "inconsistent";
    return new Slope(what, DerivedSlopes.show(derived), fit, exact, range, far, verdict);
  }

  /** The exact side of a cell, with tree level's relative error |Q_tree - <Q>|/|<Q> - 1|. */
  record ExactView(CellResult c) {
    double meanQ() {
      return c.exact().meanQ();
    }

    double spike() {
      return c.exact().spike();
    }

    double treeRatio() {
      return Math.abs(c.exact().treeQ() - meanQ()) / Math.abs(meanQ() - 1);
    }
  }

  String text() {
    StringBuilder sb = new StringBuilder();
    double seconds = runs.stream().mapToDouble(ChainRun::seconds).sum();
    sb.append(String.format(Locale.ROOT, "%nnumeric check: MALA on the network, d = %d, P = %d, %d test points, ridge kappa = %s/chi, "
        + "g_a = g_w = 1, %d chains per cell, %d burn-in + %d steps (every %d-th kept); %d chains, %.0f s of sampling%s%n",
        plan.dim(), plan.samples(), plan.tests(), plan.kappa0(), plan.chains(), plan.burnIn(), plan.steps(), plan.thin(), runs.size(), seconds, load()));
    sb.append("intervals: 95%, Student t over the chains' means; 'in' = the exact value lies inside\n");
    sb.append(String.format(Locale.ROOT, "%-8s %5s  %-26s %-24s %-8s %-8s %-8s  %-22s %-24s %s%n", "chi", "N", "exact <Q> (sd)",
        "measured Q [95%]", "saddle", "tree", "closed", "exact spike", "measured spike [95%]", "predictor (in, max err)"));
    int covQ = 0, covS = 0, covF = 0, nF = 0;
    for (CellResult c : cells) {
      var e = c.exact();
      boolean inQ = c.q().covers(e.meanQ()), inS = c.spike().covers(e.spike());
      covQ += inQ ? 1 : 0;
      covS += inS ? 1 : 0;
      covF += c.outputsCovered();
      nF += c.outputs().length;
      sb.append(String.format(Locale.ROOT, "%-8s %5d  %-26s %-24s %-8.4f %-8.4f %-8s  %-22s %-24s %d/%d, %.1e  acc %.2f%n",
          CheckPlan.chiName(c.chiPower()), c.width(), String.format(Locale.ROOT, "%.4f (%.4f)", e.meanQ(), e.sdQ()),
          interval(c.q()) + (inQ ? " in" : " OUT"), e.saddleQ(), e.treeQ(), Double.isNaN(e.closedFormQ()) ? "-" : String.format(Locale.ROOT, "%.4f", e.closedFormQ()),
          String.format(Locale.ROOT, "%.5f", e.spike()), interval(c.spike()) + (inS ? " in" : " OUT"), c.outputsCovered(), c.outputs().length,
          c.outputsRelativeError(), c.acceptance()));
    }
    sb.append(String.format(Locale.ROOT, "coverage of the exact values by the 95%% intervals: Q %d/%d, spike %d/%d, predictor %d/%d (expected about 95%%)%n",
        covQ, cells.size(), covS, cells.size(), covF, nF));
    sb.append("\nslopes in N at fixed P and d. measured: the chains' means, 95% t interval (delta method), against the exact posterior's slope\n"
        + "over the same widths; asymptotic: the exact posterior's local slope at N = 2^18..2^20, against the exponent of rules/adaptive.m\n");
    for (double power : plan.chiPowers()) {
      for (Slope s : slopes(power)) {
        sb.append(String.format(Locale.ROOT, "  chi = %-8s %-18s %s: measured %s, exact %.3f | asymptotic %.3f, derived %s: %s%n",
            CheckPlan.chiName(power), s.what(), s.widths(),
            measured(s.measured()),
            s.exact(), s.asymptotic(), s.derived(), s.verdict()));
      }
    }
    return sb.toString();
  }

  private static String measured(SlopeFit f) {
    if (f == null) return "-";
    if (Double.isNaN(f.lo())) return f.verdict();
    return String.format(Locale.ROOT, "%.3f [%.3f, %.3f] %s", f.slope(), f.lo(), f.hi(), f.verdict());
  }

  private static String interval(CellResult.Estimate e) {
    return String.format(Locale.ROOT, "%.4f [%.4f, %.4f]", e.mean(), e.lo(), e.hi());
  }

  private static String load() {
    try {
      String l = Files.readString(Path.of("/proc/loadavg")).trim();
      return "; load average " + l.substring(0, l.indexOf(' ', l.indexOf(' ', l.indexOf(' ') + 1) + 1));
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  ObjectNode json() {
    ObjectNode root = new ObjectMapper().createObjectNode();
    root.put("settings", plan.key());
    ArrayNode a = root.putArray("cells");
    for (CellResult c : cells) {
      ObjectNode o = a.addObject();
      o.put("chi", CheckPlan.chiName(c.chiPower()));
      o.put("width", c.width());
      o.put("kappa", plan.kappa(c.width(), c.chiPower()));
      o.put("exact_mean_q", c.exact().meanQ());
      o.put("exact_sd_q", c.exact().sdQ());
      o.put("saddle_q", c.exact().saddleQ());
      o.put("tree_q", c.exact().treeQ());
      if (!Double.isNaN(c.exact().closedFormQ())) o.put("closed_form_q", c.exact().closedFormQ());
      o.put("measured_q", c.q().mean());
      o.put("measured_q_half95", c.q().half());
      o.put("exact_spike", c.exact().spike());
      o.put("measured_spike", c.spike().mean());
      o.put("measured_spike_half95", c.spike().half());
      o.put("predictor_covered", c.outputsCovered());
      o.put("predictor_max_relative_error", c.outputsRelativeError());
      o.put("acceptance", c.acceptance());
    }
    ArrayNode s = root.putArray("slopes");
    for (double power : plan.chiPowers()) {
      for (Slope sl : slopes(power)) {
        ObjectNode o = s.addObject();
        o.put("chi", CheckPlan.chiName(power));
        o.put("what", sl.what());
        o.put("derived", sl.derived());
        o.put("exact", sl.exact());
        o.put("widths", sl.widths());
        o.put("asymptotic", sl.asymptotic());
        o.put("derived_verdict", sl.verdict());
        if (sl.measured() != null) {
          o.put("measured", sl.measured().slope());
          o.put("lo", sl.measured().lo());
          o.put("hi", sl.measured().hi());
          o.put("verdict", sl.measured().verdict());
        }
      }
    }
    return root;
  }
}
