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
  static final Color[] PALETTE = {
      new Color(0xA6CEE3), new Color(0xB2DF8A), new Color(0xFDBF6F), new Color(0xCAB2D6),
      new Color(0xFB9A99), new Color(0xFFFF99), new Color(0x8DD3C7), new Color(0xBEBADA),
      new Color(0xD9D9D9), new Color(0xFCCDE5), new Color(0xCCEBC5), new Color(0xFFED6F)};

  private final int width, height;

  Figure(int width, int height) {
    this.width = width;
    this.height = height;
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
    draw(g);
    g.dispose();
    ImageIO.write(img, "png", png.toFile());
    return List.of(svg, png);
  }

  private Document svgDocument() {
    VectorGraphics2D vg = new VectorGraphics2D();
    draw(vg);
    return Processors.get("svg").getDocument(vg.getCommands(), new PageSize(0, 0, width, height));
  }

  static void centred(Graphics2D g, String s, double cx, double cy) {
    g.drawString(s, (float) (cx - g.getFontMetrics().stringWidth(s) / 2.0), (float) cy);
  }
}
