package org.flscale.adaptive.check;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The check's PNGs (XChart): Q against N per chi, the teacher spike against N, tree level's relative error. */
final class CheckPlots {
  private CheckPlots() {}

  static void write(Path dir, CheckPlan plan, List<CellResult> cells) throws IOException {
    System.setProperty("java.awt.headless", "true");
    String sizes = " (d = " + plan.dim() + ", P = " + plan.samples() + ", kappa = " + plan.kappa0() + "/chi)";
    XYChart q = chart("Kernel scale Q against width" + sizes, "N", "Q", false);
    XYChart s = chart("Teacher spike S against width" + sizes, "N", "S = w*'<W'W>w* / (N g_w/d) - 1", true);
    XYChart t = chart("Tree level: |Q_tree - <Q>| / |<Q> - 1| (exact)" + sizes, "N", "relative error of tree level", true);
    java.awt.Color[] palette = {new java.awt.Color(31, 119, 180), new java.awt.Color(214, 39, 40), new java.awt.Color(44, 160, 44),
        new java.awt.Color(148, 103, 189)};
    int k = 0;
    for (double power : plan.chiPowers()) {
      java.awt.Color colour = palette[k++ % palette.length];
      List<CellResult> mine = cells.stream().filter(c -> c.chiPower() == power).toList();
      String name = "chi = " + CheckPlan.chiName(power);
      double[] n = values(mine, c -> c.width());
      measured(q, name + " measured", n, values(mine, c -> c.q().mean()), values(mine, c -> c.q().half())).setMarkerColor(colour);
      line(q, name + " exact", n, values(mine, c -> c.exact().meanQ()), SeriesLines.SOLID).setLineColor(colour);
      line(q, name + " tree level", n, values(mine, c -> c.exact().treeQ()), SeriesLines.DASH_DASH).setLineColor(colour);
      logMeasured(s, name + " measured", n, values(mine, c -> c.spike().mean()), values(mine, c -> c.spike().half()), colour);
      line(s, name + " exact", n, values(mine, c -> Math.abs(c.exact().spike())), SeriesLines.SOLID).setLineColor(colour);
      line(t, name, n, values(mine, c -> Math.abs(c.exact().treeQ() - c.exact().meanQ()) / Math.abs(c.exact().meanQ() - 1)), SeriesLines.SOLID).setLineColor(colour);
    }
    save(q, dir.resolve("adaptive-q.png"));
    save(s, dir.resolve("adaptive-spike.png"));
    save(t, dir.resolve("adaptive-tree-level.png"));
  }

  private static XYSeries measured(XYChart ch, String name, double[] x, double[] y, double[] err) {
    XYSeries se = ch.addSeries(name, x, y, err);
    se.setLineStyle(SeriesLines.NONE);
    se.setMarker(SeriesMarkers.CIRCLE);
    return se;
  }

  /** On a log axis: the means as markers, each interval as its own unlabelled segment, cut at a tenth of the mean. */
  private static void logMeasured(XYChart ch, String name, double[] x, double[] y, double[] err, java.awt.Color colour) {
    double[] ys = new double[y.length];
    for (int i = 0; i < y.length; i++) ys[i] = Math.max(Math.abs(y[i]), 1e-12);
    XYSeries se = ch.addSeries(name, x, ys);
    se.setLineStyle(SeriesLines.NONE);
    se.setMarker(SeriesMarkers.CIRCLE);
    se.setMarkerColor(colour);
    for (int i = 0; i < y.length; i++) {
      double lo = Math.max(ys[i] - err[i], ys[i] / 10), hi = ys[i] + err[i];
      XYSeries bar = ch.addSeries(name + " interval " + i, new double[] {x[i], x[i]}, new double[] {lo, hi});
      bar.setMarker(SeriesMarkers.NONE);
      bar.setLineColor(colour);
      bar.setShowInLegend(false);
    }
  }

  private static XYSeries line(XYChart ch, String name, double[] x, double[] y, java.awt.BasicStroke stroke) {
    XYSeries se = ch.addSeries(name, x, y);
    se.setMarker(SeriesMarkers.NONE);
    se.setLineStyle(stroke);
    return se;
  }

  private static double[] values(List<CellResult> cs, ToDoubleFunction<CellResult> f) {
    return cs.stream().mapToDouble(f).toArray();
  }

  private static XYChart chart(String title, String x, String y, boolean logY) {
    XYChart ch = new XYChartBuilder().width(1000).height(650).title(title).xAxisTitle(x).yAxisTitle(y).build();
    ch.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
    ch.getStyler().setXAxisLogarithmic(true);
    ch.getStyler().setYAxisLogarithmic(logY);
    return ch;
  }

  private static void save(XYChart ch, Path file) throws IOException {
    BitmapEncoder.saveBitmap(ch, file.toString(), BitmapEncoder.BitmapFormat.PNG);
  }
}
