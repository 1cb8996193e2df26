package org.flscale.verify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * Turns cell results into P_*(d) and a fitted exponent. For each d the alignment curves of the
 * chains (one chain = a seed and a start, across the P ladder) are averaged; P_*(d) is where the
 * mean curve crosses the threshold (log-P interpolation); the slope of log P_* against log d is
 * fitted by least squares. The 95% interval comes from a bootstrap that resamples whole chains
 * within each d. Verdicts: inconclusive when fewer than three sizes cross, a size does not cross
 * inside its P ladder (its P_* is censored, and leaving it out would bias the slope), a size has fewer than
 * {@code minChains} chains (a single one gives no interval at all), the d range is under a factor {@code minRange}, or P_* moves against the prediction's
 * direction beyond the chains' noise; then inconsistent when the prediction lies outside the
 * interval; inconclusive when over 20% of bootstrap replicates fail to cross or the interval is
 * wider than {@code maxWidth}; consistent otherwise. A smoke run reports the fits and decides nothing.
 */
public final class ExponentFitter {
  private final int bootstrap;
  private final double maxWidth;
  private final double minRange;
  private final long seed;
  private final boolean smoke;
  private final int minChains;

  static final String INCONCLUSIVE = "inconclusive";
  /** The verdict of every fit of a smoke run. */
  public static final String SMOKE = "smoke run";

  /** The chains per size a verdict needs by default (the default budget's 2 seeds x 2 starts). */
  public static final int MIN_CHAINS = 4;

  public ExponentFitter(int bootstrap, double maxWidth, double minRange, long seed) {
    this(bootstrap, maxWidth, minRange, seed, false, MIN_CHAINS);
  }

  /**
   * smoke: a quick run, whose fits are reported but decide nothing. minChains: fewer chains at a
   * size leave no verdict, because resampling n chains gives a bootstrap variance (n-1)/n of the
   * true one and only n(n+1)/2 distinct means: with 2 chains the interval is about 30% too narrow.
   */
  public ExponentFitter(int bootstrap, double maxWidth, double minRange, long seed, boolean smoke, int minChains) {
    this.bootstrap = bootstrap;
    this.minChains = minChains;
    this.maxWidth = maxWidth;
    this.minRange = minRange;
    this.seed = seed;
    this.smoke = smoke;
  }

  /** Curves per d: chain id -> (P -> alignment). */
  public static TreeMap<Integer, Map<String, TreeMap<Integer, Double>>> curves(List<CellRecord> records, Predicate<CellRecord> keep) {
    TreeMap<Integer, Map<String, TreeMap<Integer, Double>>> out = new TreeMap<>();
    for (CellRecord r : records) {
      if (!keep.test(r) || r.diverged() || !Double.isFinite(r.alignment())) continue;
      out.computeIfAbsent(r.d(), k -> new TreeMap<>()).computeIfAbsent(r.chain(), k -> new TreeMap<>()).put(r.p(), r.alignment());
    }
    return out;
  }

  /** The P ladder of one d and the mean alignment at each P over the given chains. */
  static double[][] meanCurve(List<TreeMap<Integer, Double>> chains) {
    TreeMap<Integer, double[]> acc = new TreeMap<>();
    for (TreeMap<Integer, Double> c : chains) {
      for (Map.Entry<Integer, Double> e : c.entrySet()) {
        double[] s = acc.computeIfAbsent(e.getKey(), k -> new double[2]);
        s[0] += e.getValue();
        s[1]++;
      }
    }
    double[] ps = new double[acc.size()], a = new double[acc.size()];
    int j = 0;
    for (Map.Entry<Integer, double[]> e : acc.entrySet()) {
      ps[j] = e.getKey();
      a[j++] = e.getValue()[0] / e.getValue()[1];
    }
    return new double[][] {ps, a};
  }

  public FitResult fit(TreeMap<Integer, Map<String, TreeMap<Integer, Double>>> curves, double threshold, Double predicted) {
    List<Integer> dims = new ArrayList<>();
    List<List<TreeMap<Integer, Double>>> chainsPerD = new ArrayList<>();
    for (Map.Entry<Integer, Map<String, TreeMap<Integer, Double>>> e : curves.entrySet()) {
      dims.add(e.getKey());
      chainsPerD.add(new ArrayList<>(e.getValue().values()));
    }
    return fit("d", dims.stream().map(Integer::doubleValue).toList(), dims, chainsPerD, threshold, predicted);
  }

  /**
   * The general fit: points at sizes x (d, or the predicted P_* of a collapse over several scales),
   * each with its chains; the slope of log P_* against log x, bootstrapped over chains within each
   * point. {@code dims} is the d of each point, kept for the report.
   */
  public FitResult fit(String variable, List<Double> xs, List<Integer> dims, List<List<TreeMap<Integer, Double>>> chainsPerD,
      double threshold, Double predicted) {
    List<Double> pstar = new ArrayList<>();
    for (List<TreeMap<Integer, Double>> chains : chainsPerD) {
      double[][] m = meanCurve(chains);
      pstar.add(Crossing.of(m[0], m[1], threshold));
    }
    double[] lin = fitLine(xs, pstar, false);
    double[] log = fitLine(xs, pstar, true);
    int crossed = (int) pstar.stream().filter(Double::isFinite).count();
    // bootstrap over chains within each point; each point's replicates kept for the monotonicity check
    SplittableRandom rng = new SplittableRandom(seed + Double.doubleToLongBits(threshold));
    List<Double> slopes = new ArrayList<>(), logSlopes = new ArrayList<>();
    List<List<Double>> perPoint = new ArrayList<>();
    for (int i = 0; i < chainsPerD.size(); i++) perPoint.add(new ArrayList<>());
    int failed = 0;
    for (int b = 0; b < bootstrap; b++) {
      List<Double> bp = new ArrayList<>();
      boolean ok = true;
      for (int i = 0; i < chainsPerD.size(); i++) {
        List<TreeMap<Integer, Double>> chains = chainsPerD.get(i);
        List<TreeMap<Integer, Double>> sample = new ArrayList<>();
        for (int c = 0; c < chains.size(); c++) sample.add(chains.get(rng.nextInt(chains.size())));
        double[][] m = meanCurve(sample);
        double ps = Crossing.of(m[0], m[1], threshold);
        if (!Double.isFinite(ps)) ok = false;
        else perPoint.get(i).add(ps);
        bp.add(ps);
      }
      double[] f = fitLine(xs, bp, false);
      double[] g = fitLine(xs, bp, true);
      if (!ok || !Double.isFinite(f[0])) failed++;
      if (Double.isFinite(f[0])) slopes.add(f[0]);
      if (Double.isFinite(g[0])) logSlopes.add(g[0]);
    }
    boolean singleChain = chainsPerD.stream().anyMatch(c -> c.size() < 2);
    // with a single chain the bootstrap only repeats the point estimate: no interval, not a zero-width one
    double[] ci = singleChain ? new double[] {Double.NaN, Double.NaN} : percentiles(slopes);
    double[] logCi = singleChain ? new double[] {Double.NaN, Double.NaN} : percentiles(logSlopes);
    double failedFraction = bootstrap > 0 ? failed / (double) bootstrap : 0;
    double dmin = xs.stream().mapToDouble(Double::doubleValue).min().orElse(0), dmax = xs.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    String reversal = predicted == null ? null : reversal(xs, pstar, perPoint, Math.signum(predicted), variable);
    String verdict, reason;
    String censored = censored(xs, chainsPerD, pstar, threshold, variable);
    if (crossed < 3) {
      verdict = INCONCLUSIVE;
      reason = "the mean alignment crosses " + threshold + " at only " + crossed + " of " + dims.size() + " sizes";
    } else if (censored != null) {
      verdict = INCONCLUSIVE;
      reason = censored;
    } else if (singleChain) {
      verdict = INCONCLUSIVE;
      reason = "a size has a single chain: the bootstrap cannot estimate an interval (use more seeds or both starts)";
    } else if (chainsPerD.stream().anyMatch(c -> c.size() < minChains)) {
      verdict = INCONCLUSIVE;
      reason = String.format(Locale.ROOT, "a size has only %d chains; a verdict needs %d at every size (--min-chains: with fewer the bootstrap interval is too narrow)",
          chainsPerD.stream().mapToInt(List::size).min().orElse(0), minChains);
    } else if (dmax < minRange * dmin) {
      verdict = INCONCLUSIVE;
      reason = String.format(Locale.ROOT, "range too narrow: %s spans a factor %.2f < %.1f", variable, dmax / dmin, minRange);
    } else if (predicted == null) {
      verdict = "no prediction";
      reason = "no derived exponent to compare with (pass --predicted)";
    } else if (reversal != null) {
      verdict = INCONCLUSIVE;
      reason = reversal;
    } else if (predicted < ci[0] || predicted > ci[1]) {
      verdict = "inconsistent";
      reason = String.format(Locale.ROOT, "predicted %.3g lies outside the 95%% interval [%.3g, %.3g]", predicted, ci[0], ci[1]);
    } else if (failedFraction > 0.2) {
      verdict = INCONCLUSIVE;
      reason = String.format(Locale.ROOT, "%.0f%% of bootstrap replicates have a size that does not cross", 100 * failedFraction);
    } else if (ci[1] - ci[0] > maxWidth) {
      verdict = INCONCLUSIVE;
      reason = String.format(Locale.ROOT, "interval too wide (%.2f > %.2f)", ci[1] - ci[0], maxWidth);
    } else {
      verdict = "consistent";
      reason = String.format(Locale.ROOT, "predicted %.3g lies inside the 95%% interval [%.3g, %.3g]", predicted, ci[0], ci[1]);
    }
    if (smoke && !verdict.equals("no prediction")) {
      reason = "a smoke run (the quick budget) checks that the chains run and decides nothing; the fit alone would say " + verdict + ": " + reason;
      verdict = SMOKE;
    }
    return new FitResult(threshold, dims, pstar, lin[0], ci[0], ci[1], lin[1], failedFraction, log[0], logCi[0], logCi[1], lin[2], log[2], verdict, reason, variable, xs);
  }

  /**
   * Where P_* moves against the predicted direction (sign +1: it should grow with x) by more than
   * the chains' noise: two points whose bootstrap 95% ranges of P_* do not overlap, the larger x
   * having the smaller P_*. A fit through such points says more about pre-asymptotic or unequilibrated
   * chains than about the exponent, so it decides nothing. Null when there is none.
   */
  /**
   * A size whose mean curve does not cross inside its P ladder: its P_* lies beyond the ladder (or
   * below it), so a fit through the sizes that cross would be biased by leaving it out. Null when
   * every size crosses.
   */
  static String censored(List<Double> xs, List<List<TreeMap<Integer, Double>>> chainsPerD, List<Double> pstar, double threshold,
      String variable) {
    for (int i = 0; i < pstar.size(); i++) {
      if (Double.isFinite(pstar.get(i))) continue;
      double[][] m = meanCurve(chainsPerD.get(i));
      if (m[0].length == 0) continue;
      boolean below = m[1][0] >= threshold;
      return String.format(Locale.ROOT, "at %s = %s the mean alignment %s %s over the whole ladder (P = %d..%d): its P_* lies %s it, and "
          + "a fit without it would be biased; %s", variable, size(xs.get(i)), below ? "is already above" : "stays below", threshold,
          (long) m[0][0], (long) m[0][m[0].length - 1], below ? "below" : "beyond", below ? "start the ladder lower (--ratios)" : "raise the ladder (--ratios)");
    }
    return null;
  }

  /** A size as the report writes it: 12, or 3.2e+03 for a predicted P_*. */
  private static String size(double x) {
    return x == Math.rint(x) && Math.abs(x) < 1e6 ? String.valueOf((long) x) : VerifyReport.g(x);
  }

  static String reversal(List<Double> xs, List<Double> pstar, List<List<Double>> replicates, double sign, String variable) {
    if (sign == 0) return null;
    for (int i = 0; i < xs.size(); i++) {
      for (int j = 0; j < xs.size(); j++) {
        if (!(xs.get(j) > xs.get(i)) || !Double.isFinite(pstar.get(i)) || !Double.isFinite(pstar.get(j))) continue;
        double[] ri = percentiles(replicates.get(i)), rj = percentiles(replicates.get(j));
        boolean against = sign > 0 ? rj[1] < ri[0] : rj[0] > ri[1];
        if (against) {
          return String.format(Locale.ROOT, "P_* is not monotone in %s beyond the chains' noise: %.0f [%.0f, %.0f] at %s = %s but %.0f [%.0f, %.0f] at %s = %s",
              variable, pstar.get(i), ri[0], ri[1], variable, size(xs.get(i)), pstar.get(j), rj[0], rj[1], variable, size(xs.get(j)));
        }
      }
    }
    return null;
  }

  /**
   * Least squares of log P_* (or log(P_* / log d) for the d^a log d model) against log d over the
   * finite points: {slope, intercept, residual sum of squares}; NaNs with fewer than 2 points.
   */
  static double[] fitLine(List<Double> dims, List<Double> pstar, boolean logCorrection) {
    SimpleRegression reg = new SimpleRegression();
    int n = 0;
    for (int i = 0; i < dims.size(); i++) {
      double p = pstar.get(i);
      if (!Double.isFinite(p) || p <= 0) continue;
      double ld = Math.log(dims.get(i));
      reg.addData(ld, Math.log(p) - (logCorrection ? Math.log(ld) : 0));
      n++;
    }
    if (n < 2) return new double[] {Double.NaN, Double.NaN, Double.NaN};
    return new double[] {reg.getSlope(), reg.getIntercept(), reg.getSumSquaredErrors()};
  }

  static double[] percentiles(List<Double> v) {
    if (v.isEmpty()) return new double[] {Double.NaN, Double.NaN};
    double[] a = v.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(a);
    return new double[] {a[(int) Math.floor(0.025 * (a.length - 1))], a[(int) Math.ceil(0.975 * (a.length - 1))]};
  }
}
