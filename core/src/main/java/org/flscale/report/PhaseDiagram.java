package org.flscale.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.flscale.derive.Derivation;
import org.flscale.derive.Piece;
import org.flscale.math.Affine;
import org.flscale.math.Q;
import org.flscale.solve.Polytope;

/**
 * The phase diagram of a derivation with two free scales: the plane of their exponents (log_d of
 * each width), each region filled with the colour of its winning pattern and labelled with P_*,
 * the boundaries labelled with their equations, and contour lines of the P_* exponent. Drawn once
 * with Java2D, written as SVG (VectorGraphics2D) and PNG.
 */
public final class PhaseDiagram extends Figure {
  private static final int W = 900, H = 760;

  private record Region(Piece piece, List<double[]> polygon, double[] centroid) {}

  private final Derivation d;
  private final DerivationView view;
  private final String x, y;
  private final List<Region> regions = new ArrayList<>();

  public PhaseDiagram(Derivation d) {
    super(W, H);
    this.d = d;
    this.view = new DerivationView(d);
    List<String> free = d.model().freeScales();
    if (free.size() != 2) {
      throw new IllegalArgumentException("a phase diagram needs exactly two free scales (this file has "
          + free.size() + (free.isEmpty() ? "" : ": " + String.join(", ", free)) + ")");
    }
    if (!d.learnable()) throw new IllegalArgumentException("the target is not learnable: " + d.reason());
    this.x = free.get(0);
    this.y = free.get(1);
    // The window shows every finite corner of the regions, with a margin.
    double mx = 2, my = 2;
    for (Piece p : d.winner()) {
      for (Map<String, Q> v : new Polytope(List.of(x, y), withBox(p.conditions(), 1000)).vertices()) {
        double vx = v.get(x).doubleValue(), vy = v.get(y).doubleValue();
        if (vx < 999) mx = Math.max(mx, vx);
        if (vy < 999) my = Math.max(my, vy);
      }
    }
    this.xmax = Math.ceil(mx * 1.25);
    this.ymax = Math.ceil(my * 1.25);
    for (Piece p : view.ordered(d.winner())) {
      List<double[]> poly = polygon(new Polytope(List.of(x, y), withBox(p.conditions(), Math.max(xmax, ymax))).vertices());
      if (poly.size() < 3) continue;
      regions.add(new Region(p, poly, centroid(poly)));
    }
  }

  private List<Affine> withBox(List<Affine> conditions, double bound) {
    List<Affine> c = new ArrayList<>(conditions);
    Q bx = Q.of((long) Math.ceil(bound == 1000 ? 1000 : xmax)), by = Q.of((long) Math.ceil(bound == 1000 ? 1000 : ymax));
    c.add(Affine.var(x));
    c.add(Affine.var(y));
    c.add(Affine.constant(bx).minus(Affine.var(x)));
    c.add(Affine.constant(by).minus(Affine.var(y)));
    return c;
  }

  /** Vertices in counter-clockwise order around their centroid. */
  private List<double[]> polygon(List<Map<String, Q>> vertices) {
    List<double[]> pts = new ArrayList<>();
    for (Map<String, Q> v : vertices) pts.add(new double[] {v.get(x).doubleValue(), v.get(y).doubleValue()});
    double[] c = centroid(pts);
    pts.sort((a, b) -> Double.compare(Math.atan2(a[1] - c[1], a[0] - c[0]), Math.atan2(b[1] - c[1], b[0] - c[0])));
    return pts;
  }

  private static double[] centroid(List<double[]> pts) {
    double cx = 0, cy = 0;
    for (double[] p : pts) {
      cx += p[0];
      cy += p[1];
    }
    return new double[] {cx / pts.size(), cy / pts.size()};
  }

  @Override
  void draw(Graphics2D g) {
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, W, H);
    for (Region r : regions) {
      Path2D path = new Path2D.Double();
      for (int i = 0; i < r.polygon().size(); i++) {
        double[] p = r.polygon().get(i);
        if (i == 0) path.moveTo(px(p[0]), py(p[1])); else path.lineTo(px(p[0]), py(p[1]));
      }
      path.closePath();
      g.setColor(PatternColours.of(r.piece().assignment().label()));
      g.fill(path);
    }
    drawContourLines(g);
    g.setColor(new Color(0x333333));
    g.setStroke(new BasicStroke(1.6f));
    for (Region r : regions) {
      List<double[]> poly = r.polygon();
      for (int i = 0; i < poly.size(); i++) {
        double[] a = poly.get(i), b = poly.get((i + 1) % poly.size());
        g.draw(new Line2D.Double(px(a[0]), py(a[1]), px(b[0]), py(b[1])));
      }
    }
    // labels by importance: the regions' first, then the boundaries' equations, then the contour levels
    g.setColor(Color.BLACK);
    List<Font> fonts = List.of(new Font(Font.SANS_SERIF, Font.BOLD, 13), new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    for (Region r : regions) {
      double[] c = r.centroid();
      labels.drawCentred(g, new LabelPlacer.Block(List.of(r.piece().assignment().label(), "P* ~ " + view.expression(r.piece())), fonts),
          LabelPlacer.around(px(c[0]), py(c[1]), 16, 8));
    }
    drawBoundaryLabels(g);
    drawContourLabels(g);
    drawAxes(g);
  }

  /** A contour of the P_* exponent through one region: its level and its two ends. */
  private record Contour(Q level, double[] from, double[] to) {}

  /** Where the P_* exponent takes the values 1/2, 1, 3/2, ... inside each region. */
  private List<Contour> contours() {
    List<Contour> out = new ArrayList<>();
    for (Region r : regions) {
      Affine e = r.piece().exponent();
      double a = e.coeff(x).doubleValue(), b = e.coeff(y).doubleValue(), c = e.constant().doubleValue();
      if (a == 0 && b == 0) continue;
      for (int k = 1; k <= 40; k++) {
        double level = k / 2.0;
        List<double[]> hits = new ArrayList<>();
        List<double[]> poly = r.polygon();
        for (int i = 0; i < poly.size(); i++) {
          double[] p = poly.get(i), q = poly.get((i + 1) % poly.size());
          double fp = a * p[0] + b * p[1] + c - level, fq = a * q[0] + b * q[1] + c - level;
          if ((fp < 0) != (fq < 0) && fp != fq) {
            double t = fp / (fp - fq);
            hits.add(new double[] {p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])});
          }
        }
        if (hits.size() >= 2) out.add(new Contour(Q.of(k, 2), hits.get(0), hits.get(1)));
      }
    }
    return out;
  }

  /** Thin dashed lines at the contour levels. */
  private void drawContourLines(Graphics2D g) {
    g.setColor(new Color(0, 0, 0, 70));
    g.setStroke(new BasicStroke(0.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 4f}, 0f));
    for (Contour c : contours()) g.draw(new Line2D.Double(px(c.from()[0]), py(c.from()[1]), px(c.to()[0]), py(c.to()[1])));
  }

  /** Each contour's level, somewhere along it where no other label is; left out where there is no room. */
  private void drawContourLabels(Graphics2D g) {
    g.setColor(new Color(0, 0, 0, 110));
    Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 9);
    for (Contour c : contours()) labels.drawFrom(g, c.level().toString(), font, along(c.from(), c.to()));
  }

  /** Candidate baseline points along a segment: its middle first, then towards its ends, on either side. */
  private List<Point2D> along(double[] a, double[] b) {
    List<Point2D> out = new ArrayList<>();
    for (double t : new double[] {0.5, 0.35, 0.65, 0.2, 0.8, 0.1, 0.9}) {
      double sx = px(a[0] + t * (b[0] - a[0])), sy = py(a[1] + t * (b[1] - a[1]));
      out.add(new Point2D.Double(sx + 4, sy - 4));
      out.add(new Point2D.Double(sx + 4, sy + 13));
    }
    return out;
  }

  /** Each boundary between regions labelled once with its equation, e.g. "N1^2 = N2 d". */
  private void drawBoundaryLabels(Graphics2D g) {
    g.setFont(new Font(Font.SANS_SERIF, Font.ITALIC, 11));
    g.setColor(new Color(0x7A0019));
    Set<Affine> done = new HashSet<>();
    Monomials mono = new Monomials(d.model().freeScales(), d.model().baseScale());
    for (Region r : regions) {
      for (Affine cond : r.piece().conditions()) {
        Affine key = cond.normalizedDirection();
        if (!done.add(key) || !done.add(key.times(Q.MINUS_ONE).normalizedDirection())) continue;
        List<double[]> on = new ArrayList<>();
        for (double[] p : r.polygon()) {
          double v = cond.coeff(x).doubleValue() * p[0] + cond.coeff(y).doubleValue() * p[1] + cond.constant().doubleValue();
          if (Math.abs(v) < 1e-9) on.add(p);
        }
        if (on.size() < 2) continue;
        String eq = mono.condition(cond).replace(" >= ", " = ").replace(" <= ", " = ");
        labels.drawFrom(g, eq, g.getFont(), along(on.get(0), on.get(1)));
      }
    }
  }

  private void drawAxes(Graphics2D g) {
    String base = d.model().baseScale();
    drawAxes(g, "exponent of " + x + "  (" + x + " = " + base + "^x)", "exponent of " + y + "  (" + y + " = " + base + "^y)",
        d.model().name() + ": which pattern learns " + shortTarget(d) + ", and P*/" + d.model().ridgeName()
            + " (dashed: contours of its exponent)");
  }

}
