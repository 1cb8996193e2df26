package org.flscale.reproduce;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The reproduction's PNG plots (XChart, as the verifier's): measured points and the fitted line
 * beside two reference slopes drawn through the first fitted point, flscale's derived exponent
 * (solid grey) and the paper's claim (dashed black, labelled as the paper's); the overlap
 * histograms against the prior's Gaussian; test MSE against alignment. Log axes are drawn as log10
 * values on linear axes (XChart drops the tick labels of short log ranges).
 */
final class ReproducePlots {
  private ReproducePlots() {}

  record Fit(String label, TreeMap<Integer, List<Double>> counts, CountFit.Result result) {}

  private static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0x9467bd), new Color(0xff7f0e)};

  static Path counts(Path dir, String title, String scale, int layer, List<Fit> fits, Double claim, Double derived) {
    XYChart ch = chart(title, "log10 " + scale, "log10 (mean count per network), layer " + layer);
    int c = 0;
    double[] anchor = null;
    for (Fit f : fits) {
      Color col = PALETTE[c++ % PALETTE.length];
      List<Double> xs = new ArrayList<>(), ys = new ArrayList<>();
      f.counts().forEach((w, v) -> {
        double m = CountFit.mean(v);
        if (m > 0) {
          xs.add(Math.log10(w));
          ys.add(Math.log10(m));
        }
      });
      if (xs.isEmpty()) continue;
      XYSeries pts = ch.addSeries(f.label(), xs, ys);
      pts.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
      pts.setMarkerColor(col);
      CountFit.Result r = f.result();
      if (Double.isFinite(r.slope())) {
        double x0 = Math.log10(r.widths().get(0)), x1 = Math.log10(r.widths().get(r.widths().size() - 1));
        double y0 = (r.intercept() + r.slope() * x0 * Math.log(10)) / Math.log(10);
        XYSeries line = ch.addSeries(f.label() + " fit: " + fmt(r.slope()) + " [" + fmt(r.lo()) + ", " + fmt(r.hi()) + "]",
            new double[] {x0, x1}, new double[] {y0, (r.intercept() + r.slope() * x1 * Math.log(10)) / Math.log(10)});
        line.setMarker(SeriesMarkers.NONE);
        line.setLineColor(col);
        if (anchor == null) anchor = new double[] {x0, x1, y0};
      }
    }
    if (anchor != null) {
      reference(ch, "flscale derived: " + (derived == null ? "lazy layer" : fmt(derived)), anchor, derived == null ? 0 : derived, Color.GRAY, SeriesLines.SOLID);
      if (claim != null) reference(ch, "the paper's claim: " + fmt(claim), anchor, claim, Color.BLACK, SeriesLines.DASH_DASH);
    }
    return save(ch, dir.resolve("count_vs_" + scale + ".png"));
  }

  /** A slope through the anchor (x0, x1, y at x0). */
  static void reference(XYChart ch, String label, double[] anchor, double slope, Color col, java.awt.BasicStroke stroke) {
    XYSeries s = ch.addSeries(label, new double[] {anchor[0], anchor[1]}, new double[] {anchor[2], anchor[2] + slope * (anchor[1] - anchor[0])});
    s.setMarker(SeriesMarkers.NONE);
    s.setLineColor(col);
    s.setLineStyle(stroke);
  }

  /** Layer by layer, the overlap histogram (neurons per network and bin, pooled over chains) at each width, with the prior's N(0, 1). */
  static void histograms(Path dir, String title, List<WidthRecord> records, String scale) {
    if (records.isEmpty()) return;
    int depth = records.get(0).histogram().size();
    for (int l = 0; l < depth; l++) {
      XYChart ch = chart(title + ": layer " + (l + 1) + " overlaps with u.x", "overlap / its prior rms (3-sigma cut at +-3)", "log10 neurons per network and bin");
      TreeMap<Integer, double[]> byWidth = new TreeMap<>();
      TreeMap<Integer, Integer> n = new TreeMap<>();
      for (WidthRecord r : records) {
        double[] acc = byWidth.computeIfAbsent(r.width(), k -> new double[OverlapObservables.BINS]);
        for (int b = 0; b < acc.length; b++) acc[b] += r.histogram().get(l).get(b);
        n.merge(r.width(), 1, Integer::sum);
      }
      for (var e : byWidth.entrySet()) {
        List<Double> xs = new ArrayList<>(), ys = new ArrayList<>();
        for (int b = 1; b < OverlapObservables.BINS - 1; b++) {
          double v = e.getValue()[b] / n.get(e.getKey());
          if (v > 0) {
            xs.add(OverlapObservables.HIST_LO + (b + 0.5) * OverlapObservables.HIST_WIDTH);
            ys.add(Math.log10(v));
          }
        }
        if (!xs.isEmpty()) ch.addSeries(scale + " = " + e.getKey(), xs, ys).setMarker(SeriesMarkers.NONE);
      }
      final int layer = l + 1;
      int widest = records.stream().mapToInt(r -> r.widths().get(layer)).max().orElse(1);
      List<Double> xs = new ArrayList<>(), ys = new ArrayList<>();
      for (double x = -4.5; x <= 4.5; x += 0.25) {
        xs.add(x);
        ys.add(Math.log10(widest * OverlapObservables.HIST_WIDTH * Math.exp(-x * x / 2) / Math.sqrt(2 * Math.PI)));
      }
      XYSeries prior = ch.addSeries("prior N(0,1) x the widest layer " + layer + " (" + widest + ")", xs, ys);
      prior.setMarker(SeriesMarkers.NONE);
      prior.setLineColor(Color.BLACK);
      prior.setLineStyle(SeriesLines.DASH_DASH);
      save(ch, dir.resolve("overlap_histogram_layer" + (l + 1) + ".png"));
    }
  }

  /** Test MSE against alignment, one point per chain (points: alignment, mse, label value). */
  static Path mseAgainstAlignment(Path dir, String title, List<double[]> points, String label) {
    XYChart ch = chart(title + ": test MSE against alignment", "alignment A", "test MSE");
    TreeMap<Integer, List<double[]>> by = new TreeMap<>();
    for (double[] p : points) if (Double.isFinite(p[0]) && Double.isFinite(p[1])) by.computeIfAbsent((int) p[2], k -> new ArrayList<>()).add(p);
    for (var e : by.entrySet()) {
      XYSeries s = ch.addSeries(label + " = " + e.getKey(), e.getValue().stream().map(p -> p[0]).toList(), e.getValue().stream().map(p -> p[1]).toList());
      s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    }
    List<Double> xs = new ArrayList<>(), ys = new ArrayList<>();
    for (double a = 0; a <= 1.0001; a += 0.05) {
      xs.add(a);
      ys.add((1 - a) * (1 - a)); // f = A y + r, r orthogonal to y, <y, y> = 1: MSE = (1 - A)^2 + |r|^2
    }
    XYSeries ref = ch.addSeries("(1 - A)^2: the MSE of f = A y (the bound when f has nothing orthogonal to y)", xs, ys);
    ref.setMarker(SeriesMarkers.NONE);
    ref.setLineColor(Color.GRAY);
    ref.setLineStyle(SeriesLines.DASH_DASH);
    return save(ch, dir.resolve("mse_vs_alignment.png"));
  }

  /** log P_* against log x (d, L or P_pred) per threshold, the fits, and the derived and claimed slopes through the first fitted point. */
  static Path pstar(Path dir, String title, String variable, List<org.flscale.verify.FitResult> fits, Double claim, Double derived) {
    XYChart ch = chart(title, "log10 " + variable, "log10 P_* (alignment crosses the threshold)");
    double[] anchor = org.flscale.verify.Plots.addPstarFits(ch, fits, org.flscale.verify.FitResult::x);
    if (anchor != null) {
      if (derived != null) reference(ch, "flscale derived: " + fmt(derived), anchor, derived, Color.GRAY, SeriesLines.SOLID);
      if (claim != null) reference(ch, "the paper's claim: " + fmt(claim), anchor, claim, Color.BLACK, SeriesLines.DASH_DASH);
    }
    try {
      java.nio.file.Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return save(ch, dir.resolve("pstar_vs_" + variable.replace("_", "") + ".png"));
  }

  static XYChart chart(String title, String x, String y) {
    // a preset's long title keeps its name and the plot's own part: "NAME: what this plot shows"
    if (title.length() > 75 && title.indexOf(": ") > 0) {
      String name = title.substring(0, title.indexOf(": ")), last = title.substring(title.lastIndexOf(": ") + 2);
      title = title.indexOf(": ") == title.lastIndexOf(": ") ? name : name + ": " + last;
    }
    XYChart ch = new XYChartBuilder().width(900).height(600).title(title).xAxisTitle(x).yAxisTitle(y).build();
    ch.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNW);
    ch.getStyler().setXAxisDecimalPattern("0.##");
    ch.getStyler().setYAxisDecimalPattern("0.##");
    return ch;
  }

  static Path save(XYChart ch, Path file) {
    System.setProperty("java.awt.headless", "true");
    if (ch.getSeriesMap().isEmpty()) return null;
    try {
      BitmapEncoder.saveBitmap(ch, file.toString(), BitmapEncoder.BitmapFormat.PNG);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String fmt(double v) {
    return String.format(Locale.ROOT, "%.3g", v);
  }
}
