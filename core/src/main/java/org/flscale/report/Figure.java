package org.flscale.report;

import de.erichseifert.vectorgraphics2d.Document;
import de.erichseifert.vectorgraphics2d.Processors;
import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/** A figure drawn once with Java2D and written as SVG (VectorGraphics2D) and PNG. */
public abstract class Figure {
  static final int LEFT = 80, RIGHT = 30, TOP = 60, BOTTOM = 70;
  final int width, height;
  /** The window in data coordinates: [0, xmax] x [0, ymax]. */
  double xmax = 1, ymax = 1;
  /** The labels of the drawing under way, inside the plot area, none over another. */
  LabelPlacer labels;

  Figure(int width, int height) {
    this.width = width;
    this.height = height;
  }

  double px(double vx) {
    return LEFT + vx / xmax * (width - LEFT - RIGHT);
  }

  double py(double vy) {
    return height - BOTTOM - vy / ymax * (height - TOP - BOTTOM);
  }

  /** Axes with integer ticks (about ten per axis), their labels and the title. */
  void drawAxes(Graphics2D g, String xLabel, String yLabel, String title) {
    g.setColor(Color.BLACK);
    g.setStroke(new java.awt.BasicStroke(1.2f));
    g.draw(new java.awt.geom.Line2D.Double(px(0), py(0), px(xmax), py(0)));
    g.draw(new java.awt.geom.Line2D.Double(px(0), py(0), px(0), py(ymax)));
    g.setFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 11));
    int stepX = (int) Math.max(1, Math.round(xmax / 10)), stepY = (int) Math.max(1, Math.round(ymax / 10));
    for (int i = 0; i <= xmax; i += stepX) {
      g.draw(new java.awt.geom.Line2D.Double(px(i), py(0), px(i), py(0) + 5));
      centred(g, String.valueOf(i), px(i), py(0) + 18);
    }
    for (int j = 0; j <= ymax; j += stepY) {
      g.draw(new java.awt.geom.Line2D.Double(px(0) - 5, py(j), px(0), py(j)));
      g.drawString(String.valueOf(j), (float) px(0) - 22, (float) py(j) + 4);
    }
    // the title first: what follows the rotated y label must not inherit its transform (an SVG reader
    // would draw the title rotated, off the page)
    // a long title (a target of several factors) gets a smaller font rather than running off both edges
    for (int size = 15; size >= 9; size--) {
      g.setFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.BOLD, size));
      if (g.getFontMetrics().stringWidth(title) <= width - 20) break;
    }
    centred(g, title, width / 2.0, 30);
    g.setFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 13));
    centred(g, xLabel, (LEFT + width - RIGHT) / 2.0, height - 25);
    java.awt.geom.AffineTransform upright = g.getTransform();
    g.rotate(-Math.PI / 2);
    g.drawString(yLabel, (float) -(TOP + height - BOTTOM) / 2f - g.getFontMetrics().stringWidth(yLabel) / 2f, 25f);
    g.setTransform(upright);
  }

  /** Draws the figure with a fresh set of labels. */
  final void render(Graphics2D g) {
    labels = new LabelPlacer(new java.awt.geom.Rectangle2D.Double(LEFT, TOP, width - LEFT - RIGHT, height - TOP - BOTTOM));
    draw(g);
  }

  abstract void draw(Graphics2D g);

  /** The figure as an SVG document (for embedding, without the XML prolog). */
  public String svg() throws IOException {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    svgDocument().writeTo(out);
    String text = out.toString(java.nio.charset.StandardCharsets.UTF_8);
    int start = text.indexOf("<svg");
    return start >= 0 ? text.substring(start) : text;
  }

  /** Writes NAME.svg and NAME.png into dir; returns their paths. */
  public List<Path> write(Path dir, String name) throws IOException {
    Files.createDirectories(dir);
    Path svg = dir.resolve(name + ".svg"), png = dir.resolve(name + ".png");
    try (OutputStream out = Files.newOutputStream(svg)) {
      svgDocument().writeTo(out);
    }
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    render(g);
    g.dispose();
    ImageIO.write(img, "png", png.toFile());
    return List.of(svg, png);
  }

  private Document svgDocument() {
    VectorGraphics2D vg = new VectorGraphics2D();
    render(vg);
    return Processors.get("svg").getDocument(vg.getCommands(), new PageSize(0, 0, width, height));
  }

  /** The target as a title shows it: long sums are cut to their first terms. */
  static String shortTarget(org.flscale.derive.Derivation d) {
    String t = d.model().target().display();
    return t.length() <= 40 ? t : "y = " + d.model().target().terms().get(0).display() + " + ... ("
        + d.model().target().terms().size() + " terms)";
  }

  static void centred(Graphics2D g, String s, double cx, double cy) {
    g.drawString(s, (float) (cx - g.getFontMetrics().stringWidth(s) / 2.0), (float) cy);
  }
}
