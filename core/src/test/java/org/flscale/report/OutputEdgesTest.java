package org.flscale.report;

import static org.junit.jupiter.api.Assertions.*;

import java.awt.geom.Rectangle2D;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.flscale.TestRules;
import org.flscale.derive.Derivation;
import org.flscale.derive.Piece;
import org.junit.jupiter.api.Test;

/** Output that is right everywhere: LaTeX powers, the diagrams' titles, colours and labels, the text's columns. */
class OutputEdgesTest {
  private static Derivation derive(String file) throws Exception {
    return TestRules.derive(Files.readString(Path.of(file)));
  }

  @Test
  void latexKeepsTheBracesOfLongPowers() {
    assertEquals("d^{12}", LatexReport.tex("d^12"));
    assertEquals("N_{1} d^{100000}", LatexReport.tex("N1 d^100000"));
    assertEquals("(N d)^{1/2}", LatexReport.tex("(N d)^(1/2)"));
    assertEquals("d^2", LatexReport.tex("d^2"));
  }

  @Test
  void theTitleIsNotInsideTheRotatedAxisLabel() throws Exception {
    String svg = new PhaseDiagram(derive("examples/three_layer_erf_he3.arch")).svg();
    int title = svg.indexOf("which pattern learns");
    assertTrue(title > 0, "the title is in the SVG");
    int group = svg.indexOf("<g transform"), end = svg.indexOf("</g>", group);
    assertTrue(group < 0 || title < group || title > end, "the title is drawn upright, outside the rotated group");
  }

  @Test
  void eachPatternHasOneColourInEveryDiagram() throws Exception {
    // names of one diagram have one depth: all names of one hidden layer differ, and all of two
    Set<Integer> one = new HashSet<>(), two = new HashSet<>();
    for (String a : List.of("GP", "Spec", "Mag", "GFL")) {
      one.add(PatternColours.of(a).getRGB());
      for (String b : List.of("GP", "Spec", "Mag", "GFL")) two.add(PatternColours.of(a + "-" + b).getRGB());
    }
    assertEquals(4, one.size());
    assertEquals(16, two.size());
    assertEquals(PatternColours.of("GP"), PatternColours.of("GP-GP-GP"), "all-lazy is always the same colour");
    // two files, the same names, the same fills
    for (String file : List.of("examples/three_layer_erf_he3.arch", "examples/two_layer_free_width.arch")) {
      Derivation d = derive(file);
      Figure f = d.model().freeScales().size() == 2 ? new PhaseDiagram(d) : new PhaseLine(d);
      String svg = f.svg();
      for (Piece p : d.winner()) {
        java.awt.Color c = PatternColours.of(p.assignment().label());
        assertTrue(svg.contains("fill:rgb(" + c.getRed() + "," + c.getGreen() + "," + c.getBlue() + ")"), p.assignment().label());
      }
    }
  }

  @Test
  void noLabelOverlapsAnother() throws Exception {
    for (String file : List.of("examples/three_layer_erf_he3.arch", "examples/two_layer_free_width.arch")) {
      Derivation d = derive(file);
      Figure f = d.model().freeScales().size() == 2 ? new PhaseDiagram(d) : new PhaseLine(d);
      f.svg();
      List<Rectangle2D> boxes = f.labels.boxes();
      assertTrue(boxes.size() >= d.winner().size(), file + ": every region is labelled");
      for (int i = 0; i < boxes.size(); i++) {
        for (int j = i + 1; j < boxes.size(); j++) assertFalse(boxes.get(i).intersects(boxes.get(j)), file + ": labels " + i + " and " + j);
      }
    }
  }

  @Test
  void longPatternNamesKeepTheColumns() {
    String text = TextReport.render(TestRules.derive("""
        model deep
        scale d
        input x : gaussian(d)
        target y = He1(w . x)
        network {
          h1 = erf(W1 x) width d
          h2 = erf(W2 h1) width d
          h3 = erf(W3 h2) width d
          f = a . h3
        }
        patterns Spec, Mag
        """));
    Set<Integer> energyColumns = new HashSet<>();
    for (String line : text.split("\n")) if (line.contains(" E ~ ")) energyColumns.add(line.indexOf("E ~ "));
    assertEquals(1, energyColumns.size(), text);
    assertTrue(text.contains("Spec-Spec-Spec "), text);
  }

  @Test
  void aBoundOnAParameterLeftFreeIsNotSaidToBind() throws Exception {
    Derivation d = derive("test-cases/layers/attention/attention_head_many_heads.arch");
    String text = TextReport.render(d);
    assertTrue(text.contains("not fixed by the balance: 1 <= M1 <= d"), text);
    assertFalse(text.contains("M1^2 <= d^2 binds"), text);
    DerivationView v = new DerivationView(d);
    for (var o : d.patterns()) {
      for (Piece p : o.pieces()) {
        for (String b : v.balance(p)) {
          for (String free : p.unfixed().keySet()) {
            assertFalse(b.endsWith(" binds") && b.matches(".*\\b" + free + "\\b.*") && !b.contains("~"), b + " with " + free + " unfixed");
          }
        }
      }
    }
  }
}
