package org.flscale.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.Locale;

/**
 * Heat maps side by side (SVG and PNG through {@link Figure}): each panel a grid of values with
 * labelled rows and columns, its own colour bar, optional text in the cells and optional overlaid
 * polylines; a title above and a caption below. Diverging panels are blue below 0, red above,
 * white at 0 (scaled by the largest |value|); the others run from white to dark green.
 */
public final class HeatMaps extends Figure {
  /** An overlaid polyline in cell units: x from 0 (left edge) to columns, y from 0 (bottom) to rows. */
  public record Line(double[] x, double[] y, Color colour, boolean dashed, String label) {}

  /** values[row][column], row 0 at the bottom; cellText null or the same shape. */
  public record Panel(String title, String xLabel, String yLabel, List<String> columns, List<String> rows, double[][] values,
      String[][] cellText, boolean diverging, List<Line> lines) {}

  private static final int PANEL_W = 420, PANEL_H = 330, GAP = 150, MARGIN_TOP = 70, MARGIN_BOTTOM = 95, MARGIN_LEFT = 95;
  private final String title, caption;
  private final List<Panel> panels;

  public HeatMaps(String title, String caption, List<Panel> panels) {
    super(MARGIN_LEFT + panels.size() * (PANEL_W + GAP) - GAP + 110, MARGIN_TOP + PANEL_H + MARGIN_BOTTOM);
    this.title = title;
    this.caption = caption;
    this.panels = List.copyOf(panels);
  }

  @Override
  void draw(Graphics2D g) {
    g.setColor(Color.WHITE);
    g.fill(new Rectangle2D.Double(0, 0, width, height));
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
    centred(g, title, width / 2.0, 28);
    for (int p = 0; p < panels.size(); p++) drawPanel(g, panels.get(p), MARGIN_LEFT + p * (PANEL_W + GAP), MARGIN_TOP);
    g.setColor(Color.DARK_GRAY);
    g.setFont(new Font(Font.SANS_SERIF, Font.ITALIC, 12));
    centred(g, caption, width / 2.0, height - 14);
  }

  private void drawPanel(Graphics2D g, Panel p, double left, double top) {
    int rows = p.values().length, cols = p.values()[0].length;
    double cw = (double) PANEL_W / cols, ch = (double) PANEL_H / rows;
    double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
    for (double[] r : p.values()) for (double v : r) if (Double.isFinite(v)) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    double scale = p.diverging() ? Math.max(Math.abs(lo), Math.abs(hi)) : 0;
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        double v = p.values()[r][c];
        g.setColor(Double.isFinite(v) ? colour(v, lo, hi, scale, p.diverging()) : new Color(0xDDDDDD));
        g.fill(new Rectangle2D.Double(left + c * cw, top + (rows - 1 - r) * ch, cw + 0.5, ch + 0.5));
        if (p.cellText() != null && p.cellText()[r][c] != null) {
          g.setColor(Color.BLACK);
          g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
          centred(g, p.cellText()[r][c], left + (c + 0.5) * cw, top + (rows - 0.5 - r) * ch + 4);
        }
      }
    }
    int legendY = 0;
    for (Line l : p.lines()) {
      Path2D path = new Path2D.Double();
      for (int i = 0; i < l.x().length; i++) {
        double x = left + l.x()[i] * cw, y = top + PANEL_H - l.y()[i] * ch;
        if (i == 0) path.moveTo(x, y);
        else path.lineTo(x, y);
      }
      g.setColor(l.colour());
      g.setStroke(l.dashed() ? new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] {6f, 4f}, 0f) : new BasicStroke(2f));
      g.draw(path);
      if (l.x().length == 1 || !l.dashed()) for (int i = 0; i < l.x().length; i++) {
        g.fill(new java.awt.geom.Ellipse2D.Double(left + l.x()[i] * cw - 3, top + PANEL_H - l.y()[i] * ch - 3, 6, 6));
      }
      g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 11));
      g.drawString(l.label(), (float) left + 6, (float) top + 16 + 14 * legendY++);
    }
    g.setStroke(new BasicStroke(1f));
    g.setColor(Color.BLACK);
    g.draw(new Rectangle2D.Double(left, top, PANEL_W, PANEL_H));
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
    int stepX = Math.max(1, cols / 8), stepY = Math.max(1, rows / 10);
    for (int c = 0; c < cols; c += stepX) centred(g, p.columns().get(c), left + (c + 0.5) * cw, top + PANEL_H + 15);
    for (int r = 0; r < rows; r += stepY) {
      String s = p.rows().get(r);
      g.drawString(s, (float) (left - 6 - g.getFontMetrics().stringWidth(s)), (float) (top + (rows - 0.5 - r) * ch + 4));
    }
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    centred(g, p.xLabel(), left + PANEL_W / 2.0, top + PANEL_H + 36);
    Graphics2D rot = (Graphics2D) g.create();
    rot.rotate(-Math.PI / 2);
    rot.drawString(p.yLabel(), (float) -(top + PANEL_H / 2.0) - rot.getFontMetrics().stringWidth(p.yLabel()) / 2f, (float) left - 52);
    rot.dispose();
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
    centred(g, p.title(), left + PANEL_W / 2.0, top - 10);
    colourBar(g, p, left + PANEL_W + 14, top, lo, hi, scale);
  }

  private void colourBar(Graphics2D g, Panel p, double x, double top, double lo, double hi, double scale) {
    if (!(hi >= lo)) return;
    double a = p.diverging() ? -scale : lo, b = p.diverging() ? scale : hi;
    int steps = 60;
    for (int i = 0; i < steps; i++) {
      double v = a + (b - a) * (i + 0.5) / steps;
      g.setColor(colour(v, lo, hi, scale, p.diverging()));
      g.fill(new Rectangle2D.Double(x, top + PANEL_H * (1 - (i + 1.0) / steps), 14, PANEL_H / (double) steps + 0.5));
    }
    g.setColor(Color.BLACK);
    g.draw(new Rectangle2D.Double(x, top, 14, PANEL_H));
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
    g.drawString(fmt(b), (float) x + 18, (float) top + 8);
    g.drawString(fmt(a), (float) x + 18, (float) (top + PANEL_H));
    if (p.diverging()) {
      g.drawString("0", (float) x + 18, (float) (top + PANEL_H / 2.0 + 4));
      g.draw(new Line2D.Double(x, top + PANEL_H / 2.0, x + 14, top + PANEL_H / 2.0));
    }
  }

  private static Color colour(double v, double lo, double hi, double scale, boolean diverging) {
    if (diverging) {
      double t = scale > 0 ? Math.max(-1, Math.min(1, v / scale)) : 0;
      return t < 0 ? mix(Color.WHITE, new Color(0x2166AC), -t) : mix(Color.WHITE, new Color(0xB2182B), t);
    }
    double t = hi > lo ? (v - lo) / (hi - lo) : 0.5;
    return mix(new Color(0xF7FCF5), new Color(0x00441B), t);
  }

  private static Color mix(Color a, Color b, double t) {
    return new Color((int) Math.round(a.getRed() + t * (b.getRed() - a.getRed())), (int) Math.round(a.getGreen() + t * (b.getGreen() - a.getGreen())),
        (int) Math.round(a.getBlue() + t * (b.getBlue() - a.getBlue())));
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.3g", v);
  }
}
