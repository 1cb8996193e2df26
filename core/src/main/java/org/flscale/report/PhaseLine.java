package org.flscale.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flscale.derive.Derivation;
import org.flscale.derive.Piece;
import org.flscale.math.Affine;
import org.flscale.math.Q;

/**
 * The phase diagram of a derivation with one free scale: along the scale's exponent x (s = d^x),
 * the exponent of P_* in d, each interval shaded with the colour of its winning pattern and
 * labelled with the pattern and P_*, the boundaries marked with their equations.
 */
public final class PhaseLine extends Figure {
  private static final int W = 900, H = 560;

  /**
   * A winning piece on the interval [lo, hi] of the free exponent (clipped to the window);
   * {@code end} is its exact upper end when that is a boundary inside the window, else null.
   */
  private record Segment(Piece piece, double lo, double hi, Q end) {}

  private final Derivation d;
  private final DerivationView view;
  private final String x;
  private final List<Segment> segments = new ArrayList<>();

  public PhaseLine(Derivation d) {
    super(W, H);
    this.d = d;
    this.view = new DerivationView(d);
    List<String> free = d.model().freeScales();
    if (free.size() != 1) throw new IllegalArgumentException("a phase line needs exactly one free scale");
    if (!d.learnable()) throw new IllegalArgumentException("the target is not learnable: " + d.reason());
    this.x = free.get(0);
    double far = 0;
    List<Q[]> bounds = new ArrayList<>();
    List<Piece> ordered = view.ordered(d.winner());
    for (Piece p : ordered) {
      Q[] b = interval(p.conditions());
      bounds.add(b);
      for (Q end : b) if (end != null) far = Math.max(far, end.doubleValue());
    }
    this.xmax = Math.max(2, Math.ceil(far * 1.5));
    double top = 1;
    for (int i = 0; i < ordered.size(); i++) {
      Q[] b = bounds.get(i);
      double lo = b[0] == null ? 0 : Math.max(0, b[0].doubleValue()), hi = b[1] == null ? xmax : Math.min(xmax, b[1].doubleValue());
      if (hi <= lo) continue;
      segments.add(new Segment(ordered.get(i), lo, hi, b[1] != null && hi < xmax ? b[1] : null));
      top = Math.max(top, Math.max(at(ordered.get(i), lo), at(ordered.get(i), hi)));
    }
    this.ymax = Math.ceil(top * 1.2);
  }

  /** The exact interval {lo, hi} of x where every condition a x + b >= 0 holds (null: unbounded). */
  private Q[] interval(List<Affine> conditions) {
    Q lo = null, hi = null;
    for (Affine c : conditions) {
      Q a = c.coeff(x);
      if (a.signum() == 0) continue;
      Q root = c.constant().negate().divide(a);
      if (a.signum() > 0 && (lo == null || root.compareTo(lo) > 0)) lo = root;
      if (a.signum() < 0 && (hi == null || root.compareTo(hi) < 0)) hi = root;
    }
    return new Q[] {lo, hi};
  }

  private double at(Piece p, double vx) {
    return p.exponent().eval(Map.of(x, Q.of(Math.round(vx * 1_000_000), 1_000_000))).doubleValue();
  }

  @Override
  void draw(Graphics2D g) {
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, W, H);
    Monomials mono = new Monomials(d.model().freeScales(), d.model().baseScale());
    for (Segment s : segments) {
      g.setColor(PatternColours.of(s.piece().assignment().label()));
      g.fill(new Rectangle2D.Double(px(s.lo()), py(ymax), px(s.hi()) - px(s.lo()), py(0) - py(ymax)));
    }
    for (int i = 0; i < segments.size(); i++) {
      Segment s = segments.get(i);
      g.setColor(Color.BLACK);
      g.setStroke(new BasicStroke(2.5f));
      g.draw(new Line2D.Double(px(s.lo()), py(at(s.piece(), s.lo())), px(s.hi()), py(at(s.piece(), s.hi()))));
    }
    // labels of narrow neighbours would overlap: a label that finds its place taken goes lower
    g.setColor(Color.BLACK);
    List<Font> fonts = List.of(new Font(Font.SANS_SERIF, Font.BOLD, 13), new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    for (Segment s : segments) {
      double mid = px((s.lo() + s.hi()) / 2);
      List<Point2D> places = new ArrayList<>();
      for (int k = 0; k < 12; k++) places.add(new Point2D.Double(mid, py(ymax) + 26 + 36 * k));
      labels.drawCentred(g, new LabelPlacer.Block(List.of(s.piece().assignment().label(), "P* ~ " + view.expression(s.piece())), fonts),
          places);
    }
    // boundaries: where one segment ends inside the window
    g.setFont(new Font(Font.SANS_SERIF, Font.ITALIC, 11));
    for (Segment s : segments) {
      if (s.end() == null) continue;
      g.setColor(new Color(0x7A0019));
      g.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 4f}, 0f));
      g.draw(new Line2D.Double(px(s.hi()), py(0), px(s.hi()), py(ymax)));
      String eq = mono.condition(Affine.var(x).minus(Affine.constant(s.end()))).replace(" >= ", " = ");
      List<Point2D> places = new ArrayList<>();
      for (int k = 0; k < 12; k++) places.add(new Point2D.Double(px(s.hi()) + 4, py(0) - 8 - 16 * k));
      labels.drawFrom(g, eq, g.getFont(), places);
    }
    drawAxes(g);
  }

  private void drawAxes(Graphics2D g) {
    String base = d.model().baseScale();
    drawAxes(g, "exponent of " + x + "  (" + x + " = " + base + "^x)", "exponent of P*/" + d.model().ridgeName() + " in " + base,
        d.model().name() + ": which pattern learns " + shortTarget(d) + ", and the exponent of P*");
  }

}
