package org.flscale.springblock;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.flscale.report.HeatMaps;
import org.flscale.springblock.chain.ChainPhaseDiagram;
import org.flscale.springblock.mlp.MlpDiagram;
import org.flscale.springblock.mlp.NoiseKind;

/** The heat maps of a sweep: the chain's, the network's, and the two side by side. */
final class Figures {
  static final String MAPPING = "Mapping: friction mu ~ non-linearity 1 - alpha; shaking eps ~ noise (label noise, dropout); "
      + "c = d_first - d_last < 0 (blue): deep layers / deep springs do the work (concave load curve).";

  private Figures() {}

  static List<Path> write(Path dir, ChainStudy chain, SpringBlockSpec spec, MlpDiagram mlp) throws IOException {
    List<Path> out = new ArrayList<>();
    HeatMaps.Panel chainC = chainPanel(chain, true), chainV = chainPanel(chain, false);
    out.addAll(new HeatMaps("First-order chain: curvature and non-uniformity of the time-averaged profile (L = "
        + spec.integer("chain.blocks") + ", " + spec.integer("chain.seeds") + " seeds)",
        "Rows: noise eps; columns: friction mu (k = " + SweepFile.plain(spec.number("chain.stiffness"))
            + "). Dots: eps where |c| halves; dashed: the rules' boundary eps ~ mu^" + chain.balance().noiseSlopeInFriction()
            + " (prefactor fitted); grey: mu = 2k/((L+1)(L+2)).",
        List.of(chainC, chainV)).write(dir, "chain-phase"));
    if (mlp == null || mlp.size() == 0) return out;
    List<HeatMaps.Panel> c = new ArrayList<>(), acc = new ArrayList<>(), v = new ArrayList<>();
    for (NoiseKind kind : List.of(NoiseKind.LABEL, NoiseKind.DROPOUT)) {
      c.add(mlpPanel(spec, mlp, kind, "c", true, (k) -> mlp.curvature(k.nl, k.kind, k.level)));
      v.add(mlpPanel(spec, mlp, kind, "v", false, (k) -> mlp.nonUniformity(k.nl, k.kind, k.level)));
      acc.add(mlpPanel(spec, mlp, kind, "test accuracy", false, (k) -> mlp.testAccuracy(k.nl, k.kind, k.level)));
    }
    String sizes = "depth " + spec.integer("mlp.depth") + ", width " + spec.integer("mlp.width") + ", " + spec.integer("mlp.train")
        + " training samples, " + spec.integer("mlp.steps") + " Adam steps, " + spec.integer("mlp.seeds") + " seeds";
    String cells = "Cells: mean ± sd over seeds. Non-linearity 1 - alpha: 0 linear network, 1 ReLU.";
    out.addAll(new HeatMaps("MLP: curvature c of the load curve log D_l (" + sizes + ")", cells, c).write(dir, "mlp-curvature"));
    out.addAll(new HeatMaps("MLP: non-uniformity v of the load curve (" + sizes + ")", cells, v).write(dir, "mlp-nonuniformity"));
    out.addAll(new HeatMaps("MLP: test accuracy (" + sizes + ")", cells, acc).write(dir, "mlp-accuracy"));
    List<HeatMaps.Panel> side = new ArrayList<>(List.of(chainC));
    side.addAll(c);
    out.addAll(new HeatMaps("Spring-block chain and deep network side by side: curvature c", MAPPING, side).write(dir, "side-by-side"));
    return out;
  }

  private static HeatMaps.Panel chainPanel(ChainStudy chain, boolean curvature) {
    ChainPhaseDiagram d = chain.diagram();
    ChainPhaseDiagram.Settings s = d.settings();
    double[] mus = s.frictions(), eps = s.noises();
    double[][] values = new double[eps.length][mus.length];
    for (int j = 0; j < eps.length; j++) {
      for (int i = 0; i < mus.length; i++) {
        values[j][i] = Spread.of(curvature ? d.curvatures(i, j) : d.nonUniformities(i, j)).mean();
      }
    }
    List<HeatMaps.Line> lines = new ArrayList<>();
    if (curvature) {
      double[] half = d.halfNoise();
      List<Double> xs = new ArrayList<>(), ys = new ArrayList<>();
      double logRatio = 0;
      for (int i = 0; i < mus.length; i++) {
        if (!Double.isFinite(half[i])) continue;
        xs.add(i + 0.5);
        ys.add(cell(eps, half[i]));
        logRatio += Math.log(half[i] / Math.pow(mus[i], chain.balance().noiseSlopeInFriction().doubleValue()));
      }
      if (!xs.isEmpty()) {
        lines.add(new HeatMaps.Line(xs.stream().mapToDouble(Double::doubleValue).toArray(), ys.stream().mapToDouble(Double::doubleValue).toArray(),
            Color.BLACK, false, "measured: |c| halves"));
        double pre = Math.exp(logRatio / xs.size()), a = chain.balance().noiseSlopeInFriction().doubleValue();
        lines.add(new HeatMaps.Line(new double[] {0, mus.length}, new double[] {cell(eps, pre * Math.pow(edge(mus, 0), a)),
            cell(eps, pre * Math.pow(edge(mus, 1), a))}, new Color(0xE08000), true, "rules: eps ~ mu^" + chain.balance().noiseSlopeInFriction()));
      }
      double xw = cell(mus, chain.wholeChainFriction());
      lines.add(new HeatMaps.Line(new double[] {xw, xw}, new double[] {0, eps.length}, Color.GRAY, true, "mu = 2k/((L+1)(L+2))"));
    }
    return new HeatMaps.Panel(curvature ? "chain: c" : "chain: v", "friction mu", "noise eps", labels(mus), labels(eps), values, null,
        curvature, lines);
  }

  /** The fractional cell coordinate of u on a grid (log-interpolated between grid points). */
  static double cell(double[] grid, double u) {
    int n = grid.length;
    if (n == 1) return 0.5;
    double lu = Math.log(u);
    int i = 0;
    while (i < n - 2 && u > grid[i + 1]) i++;
    return 0.5 + i + (lu - Math.log(grid[i])) / (Math.log(grid[i + 1]) - Math.log(grid[i]));
  }

  /** The value at the left (side 0) or right (side 1) edge of a log grid. */
  private static double edge(double[] grid, int side) {
    int n = grid.length;
    return side == 0 ? grid[0] * Math.sqrt(grid[0] / grid[1]) : grid[n - 1] * Math.sqrt(grid[n - 1] / grid[n - 2]);
  }

  private record Setting(double nl, NoiseKind kind, double level) {}

  private static HeatMaps.Panel mlpPanel(SpringBlockSpec spec, MlpDiagram mlp, NoiseKind kind, String what, boolean diverging,
      Function<Setting, Spread> stat) {
    double[] nls = spec.list("mlp.nonlinearity");
    double[] levels = spec.list(kind == NoiseKind.LABEL ? "mlp.label_noise" : "mlp.dropout");
    double[][] values = new double[levels.length + 1][nls.length];
    String[][] text = new String[levels.length + 1][nls.length];
    List<String> rows = new ArrayList<>(List.of("0"));
    for (double l : levels) rows.add(SweepFile.plain(l));
    for (int r = 0; r <= levels.length; r++) {
      for (int c = 0; c < nls.length; c++) {
        Spread sp = stat.apply(new Setting(nls[c], r == 0 ? NoiseKind.NONE : kind, r == 0 ? 0 : levels[r - 1]));
        values[r][c] = sp.n() == 0 ? Double.NaN : sp.mean();
        text[r][c] = sp.n() == 0 ? "" : sp.show(2);
      }
    }
    return new HeatMaps.Panel("MLP: " + what + " (" + kind.label.replace('_', ' ') + ")", "non-linearity 1 - alpha",
        kind == NoiseKind.LABEL ? "label-noise fraction" : "dropout rate", labels(nls), rows, values, text, diverging, List.of());
  }

  private static List<String> labels(double[] xs) {
    List<String> out = new ArrayList<>();
    for (double x : xs) out.add(String.format(Locale.ROOT, "%.3g", x));
    return out;
  }
}
