package org.flscale.verify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * PNG plots with XChart: alignment against P per d, the collapse (alignment against P / d^s with s
 * the predicted exponent, or the fitted one when there is no prediction), and log P_* against log d
 * with the fitted lines.
 */
public final class Plots {
  private Plots() {}

  public static List<Path> write(Path dir, String model, TreeMap<Integer, Map<String, TreeMap<Integer, Double>>> curves,
      List<FitResult> fits, double collapseExponent, String collapseLabel) {
    System.setProperty("java.awt.headless", "true");
    List<Path> out = new ArrayList<>();
    // log axes are drawn as log10 values on linear axes: XChart drops the tick labels of short log ranges
    XYChart a = chart(model + ": alignment of the averaged predictor", "log10 P (training samples)", "alignment A");
    XYChart c = chart(model + ": collapse, " + collapseLabel, "log10 (P / d^" + fmt(collapseExponent) + ")", "alignment A");
    for (Map.Entry<Integer, Map<String, TreeMap<Integer, Double>>> e : curves.entrySet()) {
      double[][] m = ExponentFitter.meanCurve(new ArrayList<>(e.getValue().values()));
      if (m[0].length == 0) continue;
      double[] lp = new double[m[0].length], x = new double[m[0].length];
      for (int j = 0; j < x.length; j++) {
        lp[j] = Math.log10(m[0][j]);
        x[j] = Math.log10(m[0][j] / Math.pow(e.getKey(), collapseExponent));
      }
      a.addSeries("d = " + e.getKey(), lp, m[1]);
      c.addSeries("d = " + e.getKey(), x, m[1]);
    }
    XYChart f = chart(model + ": onset of feature learning", "log10 d", "log10 P_* (alignment crosses threshold)");
    addPstarFits(f, fits, FitResult::dims);
    out.add(save(a, dir.resolve("alignment_vs_P.png")));
    out.add(save(c, dir.resolve("collapse.png")));
    out.add(save(f, dir.resolve("pstar_vs_d.png")));
    return out;
  }

  /**
   * The collapse over several series: the mean alignment of every (series, d) point against
   * P / P_pred, P_pred the derivation's closed form at that point's sizes (collapse_all.png).
   */
  public static Path writeCollapse(Path dir, String model, List<CollapseReport.Point> points) {
    System.setProperty("java.awt.headless", "true");
    XYChart c = chart(model + ": collapse over every (d, free scales) point", "log10 (P / P_pred), P_pred from the derivation", "alignment A");
    for (CollapseReport.Point p : points) {
      double[][] m = ExponentFitter.meanCurve(p.chains());
      if (m[0].length == 0 || !Double.isFinite(p.predictedPstar())) continue;
      double[] x = new double[m[0].length];
      for (int j = 0; j < x.length; j++) x[j] = Math.log10(m[0][j] / p.predictedPstar());
      c.addSeries(p.label(), x, m[1]);
    }
    return save(c, dir.resolve("collapse_all.png"));
  }

  private static final java.awt.Color[] PALETTE = {new java.awt.Color(0x1f77b4), new java.awt.Color(0xd62728), new java.awt.Color(0x2ca02c),
      new java.awt.Color(0x9467bd), new java.awt.Color(0xff7f0e)};

  /**
   * Each fit's points, log10 P_* against log10 x, and its fitted line ln P_* = intercept + slope ln x,
   * a colour per threshold. Returns {x0, x1, log10 P_*(x0)} of the first fitted line (where a
   * caller draws reference slopes), or null when no line was drawn.
   */
  public static double[] addPstarFits(XYChart ch, List<FitResult> fits, java.util.function.Function<FitResult, List<? extends Number>> xOf) {
    double[] anchor = null;
    int colour = 0;
    for (FitResult r : fits) {
      java.awt.Color col = PALETTE[colour++ % PALETTE.length];
      List<? extends Number> x = xOf.apply(r);
      List<Double> xs = new ArrayList<>(), ys = new ArrayList<>();
      for (int i = 0; i < x.size(); i++) {
        if (Double.isFinite(r.pstar().get(i))) {
          xs.add(Math.log10(x.get(i).doubleValue()));
          ys.add(Math.log10(r.pstar().get(i)));
        }
      }
      if (xs.isEmpty()) continue;
      XYSeries pts = ch.addSeries("A = " + r.threshold(), xs, ys);
      pts.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
      pts.setMarkerColor(col);
      if (Double.isFinite(r.slope()) && xs.size() >= 2) {
        double x0 = xs.get(0), x1 = xs.get(xs.size() - 1), l10 = Math.log(10);
        XYSeries line = ch.addSeries("fit A = " + r.threshold() + ": slope " + fmt(r.slope()) + " [" + fmt(r.lo()) + ", " + fmt(r.hi()) + "]",
            new double[] {x0, x1}, new double[] {(r.intercept() + r.slope() * x0 * l10) / l10, (r.intercept() + r.slope() * x1 * l10) / l10});
        line.setMarker(SeriesMarkers.NONE);
        line.setLineColor(col);
        if (anchor == null) anchor = new double[] {x0, x1, ys.get(0)};
      }
    }
    return anchor;
  }

  private static XYChart chart(String title, String x, String y) {
    XYChart ch = new XYChartBuilder().width(900).height(600).title(title).xAxisTitle(x).yAxisTitle(y).build();
    ch.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNW);
    return ch;
  }

  private static Path save(XYChart ch, Path file) {
    if (ch.getSeriesMap().isEmpty()) return null;
    try {
      BitmapEncoder.saveBitmap(ch, file.toString(), BitmapEncoder.BitmapFormat.PNG);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String fmt(double v) {
    return String.format(java.util.Locale.ROOT, "%.3g", v);
  }
}
