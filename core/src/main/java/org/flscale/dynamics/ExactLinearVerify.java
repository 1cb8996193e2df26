package org.flscale.dynamics;

import java.awt.Color;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.flscale.math.Q;
import org.flscale.model.DynamicsSpec;
import org.flscale.progress.ProgressBar;
import org.flscale.report.HeatMaps;

/**
 * The exact linear model's check: at every grid point of the free exponents, gradient flow of the
 * full network over a range of widths and seeds; the fitted exponent of the NTK's relative change
 * beside the rules' one, and the measured phase beside the derived one (a PNG/SVG of both).
 */
final class ExactLinearVerify {
  /** Relative changes below this are the integrator's noise, not a measurement. */
  static final double FLOOR = 1e-9;

  private ExactLinearVerify() {}

  static String run(DynamicsSpec spec, ExactLinearTheory theory, DynamicsVerify.Options o, PrintStream err) throws Exception {
    double[] bases = o.quick() ? new double[] {16, 32, 64, 128} : new double[] {32, 64, 128, 256, 512, 1024, 2048};
    int seeds = o.quick() ? 3 : 5;
    Grid grid = o.quick() ? Grid.of(spec.freeScales(), Q.of(-1), Q.ONE, Q.ONE) : Grid.of(spec.freeScales(), Q.of(-3, 2), Q.of(3, 2), Q.of(1, 2));
    String settings = "exact_linear bases=" + java.util.Arrays.toString(bases) + " seeds=" + seeds + " grid=" + grid.values();
    List<Runnable> jobs = new ArrayList<>();
    List<Double> costs = new ArrayList<>();
    double cost = 0;
    try (CellLog log = new CellLog(o.dir().resolve("cells.tsv"), settings, o.resume())) {
      for (int r = 0; r < grid.rows(); r++) for (int c = 0; c < grid.columns(); c++) for (double b : bases) for (int s = 0; s < seeds; s++) {
        Map<String, Q> p = grid.point(c, r);
        String key = Grid.key(p) + "B=" + (int) b + ",seed=" + s;
        if (log.get(key) != null) continue;
        int n = (int) Math.round(Math.pow(b, spec.entry("width").exponent().constant().doubleValue()));
        long seed = 1000L * s + (long) b;
        cost += n;
        costs.add((double) n);
        jobs.add(() -> {
          ExactLinearFlow.Outcome out = ExactLinearFlow.run(n, spec.numeric("init u", b, p), spec.numeric("init w", b, p),
              spec.numeric("output_scale", b, p), spec.numeric("lr_ratio", b, p), target(spec, b, p), seed);
          log.put(key, out.relativeChange(), out.k0(), out.kEnd(), out.v0(), out.vEnd(), out.conservationDrift());
        });
      }
      runAll(jobs, costs, err);
      return report(spec, theory, grid, bases, seeds, log, o.dir());
    }
  }

  private static double target(DynamicsSpec spec, double b, Map<String, Q> p) {
    return spec.entry("beta") == null ? 1 : spec.numeric("beta", b, p);
  }

  /** Runs the jobs on two threads (the machine's two cores) with a progress bar weighted by each job's cost. */
  static void runAll(List<Runnable> jobs, List<Double> costs, PrintStream err) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    double total = costs == null ? jobs.size() : costs.stream().mapToDouble(Double::doubleValue).sum();
    try (ProgressBar bar = new ProgressBar(err, jobs.size(), total)) {
      List<Future<?>> fs = new ArrayList<>();
      for (int i = 0; i < jobs.size(); i++) {
        Runnable j = jobs.get(i);
        double c = costs == null ? 1 : costs.get(i);
        fs.add(pool.submit(() -> {
          j.run();
          bar.done(c);
        }));
      }
      for (Future<?> f : fs) f.get();
    } finally {
      pool.shutdown();
    }
  }

  private static String report(DynamicsSpec spec, ExactLinearTheory theory, Grid grid, double[] bases, int seeds, CellLog log, Path dir)
      throws IOException {
    int rows = grid.rows(), cols = grid.columns();
    double[][] derived = new double[rows][cols], measured = new double[rows][cols];
    String[][] dText = new String[rows][cols], mText = new String[rows][cols];
    StringBuilder table = new StringBuilder();
    int consistent = 0, inconsistent = 0, inconclusive = 0, phaseAgree = 0, phaseCells = 0;
    double worstDrift = 0;
    table.append(String.format(Locale.ROOT, "  %-24s %-16s %-10s %-26s %-10s %-16s %s%n", "point", "derived", "regime", "measured (95%)",
        "phase", "mechanisms", "verdict"));
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        Map<String, Q> p = grid.point(c, r);
        double[][] y = new double[bases.length][seeds];
        for (int i = 0; i < bases.length; i++) for (int s = 0; s < seeds; s++) {
          double[] v = log.get(Grid.key(p) + "B=" + (int) bases[i] + ",seed=" + s);
          y[i][s] = v[0];
          worstDrift = Math.max(worstDrift, v[5]);
        }
        // sizes on the width's axis: the fit is in the base, the width is base^q
        SlopeFit fit = SlopeFit.fit(bases, y, FLOOR, 7 + r * 31L + c);
        Q predicted = theory.change().at(p);
        String regime = theory.regime(p);
        String phase = !fit.conclusive() ? "-" : fit.hi() < 0 ? "kernel" : fit.lo() > 0 ? "feature_learning" : "critical";
        String verdict = fit.verdict(predicted.doubleValue());
        switch (verdict) {
          case "consistent" -> consistent++;
          case "inconsistent" -> inconsistent++;
          default -> inconclusive++;
        }
        if (fit.conclusive()) {
          phaseCells++;
          if (phase.equals(regime)) phaseAgree++;
        }
        List<String> mech = theory.mechanisms(p);
        derived[r][c] = predicted.doubleValue();
        measured[r][c] = fit.conclusive() ? fit.slope() : Double.NaN;
        dText[r][c] = regime.substring(0, 1).toUpperCase(Locale.ROOT) + " " + predicted;
        mText[r][c] = fit.conclusive() ? String.format(Locale.ROOT, "%s %.2f%s", phase.substring(0, 1).toUpperCase(Locale.ROOT), fit.slope(),
            verdict.equals("consistent") ? "" : "*") : "?";
        table.append(String.format(Locale.ROOT, "  %-24s %-16s %-10s %-26s %-10s %-16s %s%n", Grid.key(p).isEmpty() ? "(tied)" : Grid.key(p),
            predicted, short_(regime), fit.show(), short_(phase), String.join("+", mech), verdict));
      }
    }
    Path figures = dir.resolve("figures");
    Files.createDirectories(figures);
    String xl = grid.axes().isEmpty() ? "" : "exponent of " + grid.axes().get(0);
    String yl = grid.axes().size() < 2 ? "" : "exponent of " + grid.axes().get(1);
    List<String> rowLabels = grid.axes().size() < 2 ? List.of("") : grid.labels();
    List<String> colLabels = grid.axes().isEmpty() ? List.of("") : grid.labels();
    List<HeatMaps.Line> none = List.of();
    new HeatMaps(spec.name() + ": exponent of the NTK's relative change |K_end - K_0|/K_0 in " + spec.base(),
        "left: derived (rules/exact_linear.m); right: fitted, " + spec.base() + " = " + (int) bases[0] + ".." + (int) bases[bases.length - 1] + ", "
            + seeds + " seeds; K kernel, F feature learning, C critical; * outside the 95% interval, ? below precision",
        List.of(new HeatMaps.Panel("derived", xl, yl, colLabels, rowLabels, derived, dText, true, none),
            new HeatMaps.Panel("measured", xl, yl, colLabels, rowLabels, measured, mText, true, none))).write(figures, "exact-linear-phase");
    return String.format(Locale.ROOT, "%nexact linear model: gradient flow of all 2N weights (Dormand-Prince 8(5,3), rtol 1e-12), %s = %d..%d, "
        + "%d seeds a size; the largest drift of a conserved eta_w u_i^2 - eta_u w_i^2 was %.1e (relative)%n%s"
        + "  %d consistent, %d inconsistent, %d inconclusive; measured phase = derived phase at %d of %d fitted points%n"
        + "  figures: %s%n", spec.base(), (int) bases[0], (int) bases[bases.length - 1], seeds, worstDrift, table, consistent, inconsistent,
        inconclusive, phaseAgree, phaseCells, figures.resolve("exact-linear-phase.png"));
  }

  private static String short_(String regime) {
    return regime.equals("feature_learning") ? "feature" : regime;
  }
}
