package org.flscale.reproduce;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * The exponent of a count in a width: the mean count over chains at each width, the least-squares
 * slope of log(mean) on log(width), and a 95% interval from a bootstrap that resamples the chains
 * within each width (the verifier's procedure for P_*, applied to a count). Inconclusive when fewer
 * than three widths have a positive mean, the widths span less than a factor {@code minRange}, a
 * width has fewer than {@code minChains} chains, over 20% of replicates lose a width, or the interval
 * is wider than {@code maxWidth}; otherwise consistent or inconsistent with the expected exponent.
 */
final class CountFit {
  record Result(List<Integer> widths, List<Double> means, double slope, double intercept, double lo, double hi, String verdict, String reason) {}

  private final int bootstrap;
  private final double minRange, maxWidth;
  private final int minChains;

  CountFit(int bootstrap, double minRange, double maxWidth, int minChains) {
    this.bootstrap = bootstrap;
    this.minRange = minRange;
    this.maxWidth = maxWidth;
    this.minChains = minChains;
  }

  /** counts: width -> the chains' values; expected may be null (then no verdict beyond the fit's own quality). */
  Result fit(TreeMap<Integer, List<Double>> counts, Double expected) {
    List<Integer> widths = new ArrayList<>(counts.keySet());
    List<Double> means = new ArrayList<>();
    for (List<Double> c : counts.values()) means.add(mean(c));
    double[] line = line(widths, means);
    if (widths.size() < 3 || line == null) return new Result(widths, means, Double.NaN, Double.NaN, Double.NaN, Double.NaN, "inconclusive",
        "fewer than three widths with a positive count");
    SplittableRandom rng = new SplittableRandom(4242);
    double[] slopes = new double[bootstrap];
    int ok = 0, failed = 0;
    for (int b = 0; b < bootstrap; b++) {
      List<Double> m = new ArrayList<>();
      for (List<Double> c : counts.values()) {
        double s = 0;
        for (int i = 0; i < c.size(); i++) s += c.get(rng.nextInt(c.size()));
        m.add(s / c.size());
      }
      double[] l = line(widths, m);
      if (l == null || l[2] < widths.size()) failed++;
      else slopes[ok++] = l[0];
    }
    double[] sorted = Arrays.copyOf(slopes, ok);
    Arrays.sort(sorted);
    double lo = ok > 0 ? sorted[(int) Math.floor(0.025 * (ok - 1))] : Double.NaN;
    double hi = ok > 0 ? sorted[(int) Math.ceil(0.975 * (ok - 1))] : Double.NaN;
    String verdict, reason;
    int fewest = counts.values().stream().mapToInt(List::size).min().orElse(0);
    double range = widths.get(widths.size() - 1) / (double) widths.get(0);
    if (line[2] < 3) {
      verdict = "inconclusive";
      reason = "fewer than three widths with a positive count";
    } else if (range < minRange) {
      verdict = "inconclusive";
      reason = String.format(java.util.Locale.ROOT, "the widths span a factor %.2g only (< %.2g)", range, minRange);
    } else if (fewest < minChains) {
      verdict = "inconclusive";
      reason = "a width has " + fewest + " chain(s), fewer than " + minChains;
    } else if (failed > 0.2 * bootstrap) {
      verdict = "inconclusive";
      reason = "over 20% of bootstrap replicates lose a width (a mean count of zero)";
    } else if (expected != null && (expected < lo || expected > hi)) {
      verdict = "inconsistent";
      reason = "the expected exponent " + fmt(expected) + " lies outside [" + fmt(lo) + ", " + fmt(hi) + "]";
    } else if (hi - lo > maxWidth) {
      verdict = "inconclusive";
      reason = "the interval is wider than " + fmt(maxWidth);
    } else {
      verdict = expected == null ? "measured" : "consistent";
      reason = expected == null ? "no expected exponent" : "the expected exponent " + fmt(expected) + " lies inside [" + fmt(lo) + ", " + fmt(hi) + "]";
    }
    return new Result(widths, means, line[0], line[1], lo, hi, verdict, reason);
  }

  /** slope, intercept of ln mean on ln width over the positive means, and how many there were; null when fewer than two. */
  private static double[] line(List<Integer> widths, List<Double> means) {
    SimpleRegression r = new SimpleRegression();
    int n = 0;
    for (int i = 0; i < widths.size(); i++) {
      if (means.get(i) > 0) {
        r.addData(Math.log(widths.get(i)), Math.log(means.get(i)));
        n++;
      }
    }
    return n < 2 ? null : new double[] {r.getSlope(), r.getIntercept(), n};
  }

  static double mean(List<Double> v) {
    return v.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
  }

  static String fmt(double v) {
    return String.format(java.util.Locale.ROOT, "%.3g", v);
  }

  static Map<String, Object> json(Result r) {
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put("widths", r.widths());
    m.put("mean_counts", r.means());
    m.put("slope", r.slope());
    m.put("interval", List.of(r.lo(), r.hi()));
    m.put("verdict", r.verdict());
    m.put("reason", r.reason());
    return m;
  }
}
