package org.flscale.springblock;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.flscale.springblock.chain.ChainParams;
import org.flscale.springblock.chain.ChainPhaseDiagram;
import org.flscale.springblock.chain.FirstOrderChain;
import org.flscale.springblock.chain.FrictionalProfile;
import org.flscale.springblock.mlp.MlpDiagram;
import org.flscale.springblock.mlp.NoiseKind;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Load curves as XChart PNGs: the chain's (closed form and noisy runs), the second-order chain's, the network's corners. */
final class CurvePlots {
  private CurvePlots() {}

  static List<Path> write(Path dir, ChainStudy chain, SpringBlockSpec spec, MlpDiagram mlp) throws IOException {
    System.setProperty("java.awt.headless", "true");
    List<Path> out = new ArrayList<>();
    ChainPhaseDiagram.Settings s = chain.diagram().settings();
    double mu = s.frictions()[s.frictions().length * 2 / 3];
    XYChart a = chart("First-order chain at mu = " + String.format(java.util.Locale.ROOT, "%.3g", mu) + ": load curve 1 - x_l", "block l", "1 - x_l");
    double[] blocks = index(s.blocks());
    XYSeries exact = a.addSeries("closed form, no noise", blocks, curve(FrictionalProfile.positions(s.blocks(), mu / s.stiffness())));
    exact.setMarker(SeriesMarkers.NONE);
    for (double ratio : new double[] {0.1, 0.3, 1, 3}) {
      double[] x = new double[s.blocks() + 2];
      for (int r = 0; r < s.seeds(); r++) {
        double[] run = FirstOrderChain.run(new ChainParams(s.blocks(), s.stiffness(), mu, ratio * mu, s.eta(), s.steps()), 101L * r + 1);
        for (int l = 0; l < x.length; l++) x[l] += run[l] / s.seeds();
      }
      a.addSeries("eps = " + ratio + " mu", blocks, curve(x));
    }
    out.add(save(a, dir.resolve("chain-profiles.png")));
    XYChart b = chart("Second-order chain: mu_right = " + SweepFile.plain(spec.number("inertial.mu_right")) + ", mu_left = "
        + SweepFile.plain(spec.number("inertial.mu_left")) + ", common noise decaying", "block l", "1 - x_l (final, mean over seeds)");
    for (ChainStudy.InertialRun r : chain.inertial()) b.addSeries("noise " + SweepFile.plain(r.noise()) + ": c = " + r.curvature().show(3), blocks, curve(r.meanPositions()));
    out.add(save(b, dir.resolve("inertial-profiles.png")));
    if (mlp != null && mlp.size() > 0) {
      XYChart m = chart("MLP load curves (mean over seeds)", "layer l (0 = input)", "log D_l");
      double[] nls = spec.list("mlp.nonlinearity");
      double maxLabel = last(spec.list("mlp.label_noise")), maxDrop = last(spec.list("mlp.dropout"));
      for (double nl : new double[] {nls[0], nls[nls.length - 1]}) {
        add(m, "1-alpha = " + SweepFile.plain(nl) + ", no noise", mlp.meanLoadCurve(nl, NoiseKind.NONE, 0));
        add(m, "1-alpha = " + SweepFile.plain(nl) + ", label noise " + SweepFile.plain(maxLabel), mlp.meanLoadCurve(nl, NoiseKind.LABEL, maxLabel));
        add(m, "1-alpha = " + SweepFile.plain(nl) + ", dropout " + SweepFile.plain(maxDrop), mlp.meanLoadCurve(nl, NoiseKind.DROPOUT, maxDrop));
      }
      out.add(save(m, dir.resolve("mlp-load-curves.png")));
    }
    return out;
  }

  private static void add(XYChart ch, String name, double[] y) {
    if (y.length > 0) ch.addSeries(name, index(y.length - 1), y);
  }

  private static double last(double[] xs) {
    return xs[xs.length - 1];
  }

  private static double[] index(int last) {
    double[] x = new double[last + 1];
    for (int i = 0; i <= last; i++) x[i] = i;
    return x;
  }

  /** 1 - x_l for l = 0..L (the pull dropped). */
  private static double[] curve(double[] positions) {
    double[] c = new double[positions.length - 1];
    for (int l = 0; l < c.length; l++) c[l] = 1 - positions[l];
    return c;
  }

  private static XYChart chart(String title, String x, String y) {
    XYChart ch = new XYChartBuilder().width(900).height(600).title(title).xAxisTitle(x).yAxisTitle(y).build();
    ch.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNE);
    return ch;
  }

  private static Path save(XYChart ch, Path file) throws IOException {
    BitmapEncoder.saveBitmap(ch, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    return file;
  }
}
