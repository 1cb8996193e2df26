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
    XYChart a = chart(model + ": alignment of the averaged predictor", "P (training samples)", "alignment A", true, false);
    XYChart c = chart(model + ": collapse, " + collapseLabel, "P / d^" + fmt(collapseExponent), "alignment A", true, false);
    for (Map.Entry<Integer, Map<String, TreeMap<Integer, Double>>> e : curves.entrySet()) {
      double[][] m = ExponentFitter.meanCurve(new ArrayList<>(e.getValue().values()));
      if (m[0].length == 0) continue;
      a.addSeries("d = " + e.getKey(), m[0], m[1]);
      double[] x = new double[m[0].length];
      for (int j = 0; j < x.length; j++) x[j] = m[0][j] / Math.pow(e.getKey(), collapseExponent);
      c.addSeries("d = " + e.getKey(), x, m[1]);
    }
    XYChart f = chart(model + ": onset of feature learning", "d", "P_* (alignment crosses threshold)", true, true);
    for (FitResult r : fits) {
      List<Double> xs = new ArrayList<>(), ys = new ArrayList<>();
      for (int i = 0; i < r.dims().size(); i++) {
        if (Double.isFinite(r.pstar().get(i))) {
          xs.add((double) r.dims().get(i));
          ys.add(r.pstar().get(i));
        }
      }
      if (xs.isEmpty()) continue;
      XYSeries pts = f.addSeries("A = " + r.threshold(), xs, ys);
      pts.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
      if (Double.isFinite(r.slope()) && xs.size() >= 2) {
        double x0 = xs.get(0), x1 = xs.get(xs.size() - 1);
        XYSeries line = f.addSeries("fit A = " + r.threshold() + ": slope " + fmt(r.slope()),
            new double[] {x0, x1}, new double[] {Math.exp(r.intercept()) * Math.pow(x0, r.slope()), Math.exp(r.intercept()) * Math.pow(x1, r.slope())});
        line.setMarker(SeriesMarkers.NONE);
      }
    }
    out.add(save(a, dir.resolve("alignment_vs_P.png")));
    out.add(save(c, dir.resolve("collapse.png")));
    out.add(save(f, dir.resolve("pstar_vs_d.png")));
    return out;
  }

  private static XYChart chart(String title, String x, String y, boolean logX, boolean logY) {
    XYChart ch = new XYChartBuilder().width(900).height(600).title(title).xAxisTitle(x).yAxisTitle(y).build();
    ch.getStyler().setXAxisLogarithmic(logX);
    ch.getStyler().setYAxisLogarithmic(logY);
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
