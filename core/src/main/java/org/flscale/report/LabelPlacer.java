package org.flscale.report;

import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

/**
 * Places the labels of a figure so that none overlaps another: each label tries its candidate
 * places in order and takes the first whose box is free and inside the figure. A label with no free
 * place is left out (callers give decorations, such as contour levels, few candidates).
 */
final class LabelPlacer {
  private final Rectangle2D bounds;
  private final List<Rectangle2D> taken = new ArrayList<>();

  LabelPlacer(Rectangle2D bounds) {
    this.bounds = bounds;
  }

  /** A block of lines, each in its font, centred on a candidate point (the middle of the block). */
  record Block(List<String> lines, List<Font> fonts) {}

  /** Draws the block at the first free candidate centre; false when none is free. */
  boolean drawCentred(Graphics2D g, Block b, List<Point2D> centres) {
    double w = 0, h = 0;
    for (int i = 0; i < b.lines().size(); i++) {
      FontMetrics fm = g.getFontMetrics(b.fonts().get(i));
      w = Math.max(w, fm.stringWidth(b.lines().get(i)));
      h += fm.getAscent() + fm.getDescent();
    }
    for (Point2D c : centres) {
      Rectangle2D box = new Rectangle2D.Double(c.getX() - w / 2, c.getY() - h / 2, w, h);
      if (!free(box)) continue;
      taken.add(box);
      double y = box.getY();
      for (int i = 0; i < b.lines().size(); i++) {
        g.setFont(b.fonts().get(i));
        FontMetrics fm = g.getFontMetrics();
        y += fm.getAscent();
        Figure.centred(g, b.lines().get(i), c.getX(), y);
        y += fm.getDescent();
      }
      return true;
    }
    return false;
  }

  /** Draws one line with its left end at the first free candidate baseline point. */
  boolean drawFrom(Graphics2D g, String text, Font font, List<Point2D> baselines) {
    FontMetrics fm = g.getFontMetrics(font);
    for (Point2D p : baselines) {
      Rectangle2D box = new Rectangle2D.Double(p.getX(), p.getY() - fm.getAscent(), fm.stringWidth(text), fm.getAscent() + fm.getDescent());
      if (!free(box)) continue;
      taken.add(box);
      g.setFont(font);
      g.drawString(text, (float) p.getX(), (float) p.getY());
      return true;
    }
    return false;
  }

  private boolean free(Rectangle2D box) {
    if (!bounds.contains(box)) return false;
    for (Rectangle2D t : taken) if (t.intersects(box)) return false;
    return true;
  }

  /** The boxes of the labels drawn so far (for tests: no two intersect). */
  List<Rectangle2D> boxes() {
    return List.copyOf(taken);
  }

  /** Candidate centres around a point: the point, then steps below and above, then left and right. */
  static List<Point2D> around(double x, double y, double step, int rings) {
    List<Point2D> out = new ArrayList<>();
    out.add(new Point2D.Double(x, y));
    for (int k = 1; k <= rings; k++) {
      out.add(new Point2D.Double(x, y + k * step));
      out.add(new Point2D.Double(x, y - k * step));
      out.add(new Point2D.Double(x + 2 * k * step, y));
      out.add(new Point2D.Double(x - 2 * k * step, y));
    }
    return out;
  }
}
