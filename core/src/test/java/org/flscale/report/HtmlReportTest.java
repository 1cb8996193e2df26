package org.flscale.report;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.flscale.TestRules;
import org.flscale.derive.Deriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {
  private static String page(String file) throws Exception {
    Path p = Path.of(file);
    var d = new Deriver(TestRules.get()).derive(TestRules.parser().parse(p));
    return HtmlReport.render(d, Files.readString(p), null);
  }

  @Test
  void thePageIsWellFormedAndSelfContained() throws Exception {
    String html = page("examples/three_layer_erf_he3.arch");
    var f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(html.replace("<!DOCTYPE html>", "").getBytes("UTF-8")));
    assertTrue(html.contains("<math"), "typeset in MathML");
    assertTrue(html.contains("<svg"), "the phase diagram is inline");
    assertFalse(html.contains("<script"), "no script");
    assertFalse(html.matches("(?s).*(src|href)=\"https?:.*"), "nothing fetched at view time");
  }

  @Test
  void mathMlOfClosedForms() {
    String m = MathMl.inline("(N1 N2 d)^(1/3)");
    assertTrue(m.contains("<msub><mi>N</mi><mn>1</mn></msub>"), m);
    assertTrue(m.contains("<msup>"), m);
    assertTrue(MathMl.inline("M1 d + N/M1").contains("<mfrac>"));
    assertTrue(MathMl.inline("N1^2 >= N2 d").contains("&#x2265;"));
    // the headline: every part of "P_*/kappa ~ d^3" is typeset, none dropped
    String headline = MathMl.inline("P_*/kappa ~ d^3");
    assertTrue(headline.contains("<msub><mi>P</mi><mo>*</mo></msub>"), headline);
    assertTrue(headline.contains("&#x3BA;") && headline.contains("&#x223C;") && headline.contains("<mn>3</mn>"), headline);
  }

  /** Renders the page in headless Chromium when the machine has it (Debian's chromium package). */
  @Test
  void rendersInHeadlessChromium(@TempDir Path dir) throws Exception {
    Path chromium = Path.of("/usr/bin/chromium");
    assumeTrue(Files.isExecutable(chromium), "chromium is not installed");
    Path html = dir.resolve("r.html"), shot = dir.resolve("shot.png");
    Files.writeString(html, page("examples/three_layer_erf_he3.arch"));
    Process p = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--user-data-dir=" + dir.resolve("profile"), "--window-size=1100,1800", "--screenshot=" + shot, html.toUri().toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve("chromium.log").toFile()).start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "chromium finished");
    BufferedImage img = ImageIO.read(shot.toFile());
    assertNotNull(img, "a screenshot was written");
    // The diagram's region colours (not white, not grey text) fill a large part of its area.
    int coloured = 0;
    for (int yy = 700; yy < 1350; yy += 5) {
      for (int xx = 120; xx < 900; xx += 5) {
        int rgb = img.getRGB(xx, yy);
        int r = (rgb >> 16) & 255, g = (rgb >> 8) & 255, b = rgb & 255;
        if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 40) coloured++;
      }
    }
    assertTrue(coloured > 2000, "the phase diagram shows in the screenshot (" + coloured + " coloured samples)");
  }
}
