package org.flscale.parse;

import org.flscale.model.ArchError;
import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import org.flscale.TestRules;
import org.flscale.math.Affine;
import org.flscale.math.Q;
import org.flscale.model.ArchModel;
import org.flscale.model.Scale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArchFileParserTest {
  private final ArchFileParser parser = TestRules.parser();

  /** The complete file of docs/arch-language.md, verbatim. */
  static final String SPEC_EXAMPLE = """
      # Two-layer erf network, cubic single-index target, standard scaling.
      model two_layer_erf_he3

      scale d                 # the base scale: the large parameter every exponent is measured in
      scale N = d^1           # a width tied to the base; any rational power: d^(3/2), d^0.5
      input x : gaussian(d)   # isotropic Gaussian input in d dimensions
      target y = He3(w . x)   # single-index target: probabilists' Hermite He_k of a unit direction w

      network {
        h1 = erf(W1 x) width N     # dense hidden layer: activation(weights input) width SCALE
        f  = a . h1                # linear readout of the last hidden layer
      }

      parametrization standard     # standard | mean_field
      ridge kappa = 1
      """;

  @Test
  void parsesTheSpecExample() {
    ArchModel m = parser.parse(SPEC_EXAMPLE, "spec.arch");
    assertEquals("two_layer_erf_he3", m.name());
    assertEquals("d", m.baseScale());
    assertEquals(Affine.constant(1), m.scale("N").exponent());
    assertEquals(Scale.Kind.TIED, m.scale("N").kind());
    assertEquals(3, m.target().degree());
    assertEquals("w", m.target().direction());
    assertEquals(1, m.layers().size());
    assertEquals("erf", m.layers().get(0).activation());
    assertEquals("N", m.layers().get(0).width());
    assertEquals("h1", m.readout().layer());
    assertEquals("standard", m.parametrization().name());
    assertEquals(Q.ONE, m.ridge());
    assertEquals(java.util.List.of("GP", "Spec", "Mag", "GFL"), m.patterns());
    assertTrue(m.allScalesTied());
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {"d^1; 1", "d^(3/2); 3/2", "d^0.5; 1/2", "d^-1/2; -1/2", "d^(-1/2); -1/2",
      "d^2; 2", "d; 1", "d^3/2; 3/2", "d^0.25; 1/4"})
  void exponentsAreExactRationals(String written, String exact) {
    // a scale that is not a width may shrink (e.g. a coefficient eps = d^-1/2)
    ArchModel m = parser.parse(SPEC_EXAMPLE.replace("scale N = d^1 ", "scale N = d^1\nscale e = " + written + " "), "e.arch");
    assertEquals(exact, m.scale("e").exponent().constant().toString());
  }

  @Test
  void freeScalesAndTiesToThem() {
    String text = SPEC_EXAMPLE.replace("scale N = d^1 ", "scale L\nscale N = L^2 ");
    ArchModel m = parser.parse(text, "f.arch");
    assertEquals(java.util.List.of("L"), m.freeScales());
    assertEquals(Affine.var("L").times(Q.of(2)), m.scale("N").exponent());
  }

  @Test
  void patternsKeepTheRuleOrder() {
    ArchModel m = parser.parse(SPEC_EXAMPLE + "patterns Spec, GP\n", "p.arch");
    assertEquals(java.util.List.of("GP", "Spec"), m.patterns());
  }

  @Test
  void deepNetworksChainLayers() {
    String text = SPEC_EXAMPLE.replace("f  = a . h1", "h2 = relu(W2 h1) width d\n  h3 = tanh(W3 h2) width N\n  f = a . h3");
    ArchModel m = parser.parse(text, "deep.arch");
    assertEquals(3, m.layers().size());
    assertEquals("h2", m.layers().get(2).input());
  }

  @Test
  void everyInvalidCaseNamesItsPlace() throws Exception {
    try (var files = Files.list(Path.of("test-cases/invalid"))) {
      for (Path p : files.filter(f -> f.toString().endsWith(".arch")).toList()) {
        // a few mistakes show only against the rules (a layer kind's identities), in the derivation
        ArchError e = assertThrows(ArchError.class,
            () -> new org.flscale.derive.Deriver(org.flscale.TestRules.get()).derive(parser.parse(p)), p.toString());
        assertTrue(e.format().startsWith(p + ":" + e.pos().line() + ":" + e.pos().column() + ": error: "), e.format());
        assertTrue(e.pos().line() >= 1, e.format());
      }
    }
  }

  @Test
  void layerKindsAndTheirOptionsComeFromTheRules() {
    var m = parser.parse("model m\nscale d\nscale p = d^(1/2)\nscale n = d^(1/2)\nscale N = d\ninput x : gaussian(d)\n"
        + "target y = He3(w . x)\nnetwork {\n  h1 = conv erf(W x) patches n patch p width N\n  f = a . h1\n}\n", "a.arch");
    var h = m.layers().get(0);
    assertEquals("conv", h.kind());
    assertEquals(java.util.List.of("W"), h.weights());
    // options in the rules' order, whatever the file's
    assertEquals(java.util.List.of("width", "patch", "patches"), java.util.List.copyOf(h.options().keySet()));
    assertEquals("N", h.width());
  }

  @Test
  void theAttentionHeadIsTheWholeNetworkOverTokens() {
    var m = parser.parse("model m\nscale d\nscale L\nscale H = d^0\ninput x : gaussian(d) tokens L\n"
        + "target y = He1(u1 . x_a) He1(u2 . x_b) He1(u3 . x_b)\nnetwork {\n  f = attention(A w x) heads H\n}\n", "a.arch");
    var f = m.layers().get(0);
    assertEquals("attention", f.kind());
    assertEquals("linear", f.activation());
    assertEquals(java.util.List.of("A", "w"), f.weights());
    assertEquals(java.util.Map.of("heads", "H", "tokens", "L"), f.options());
    assertNull(m.readout());
    assertEquals("L", m.input().tokens());
    var t = m.target().terms().get(0);
    assertEquals(1, t.degree("a"));
    assertEquals(2, t.degree("b"));
    assertEquals("He1(u1.x_a) He1(u2.x_b) He1(u3.x_b)", m.target().display());
  }

  @Test
  void targetsAreSumsOfProductsWithAmplitudes() {
    var m = parser.parse("model m\nscale d\nscale eps = d^(-1)\nscale N = d\ninput x : gaussian(d)\n"
        + "target y = He1(u . x) - eps He2(w1 . x) He1(w2 . x) + 0.5 He3(u . x)\n"
        + "network {\n  h1 = erf(W x) width N\n  f = a . h1\n}\n", "t.arch");
    var t = m.target();
    assertEquals(3, t.terms().size());
    assertEquals("eps", t.terms().get(1).coefficient());
    assertEquals(-1, t.terms().get(1).sign());
    assertEquals(3, t.terms().get(1).degree());
    assertTrue(t.terms().get(1).multiIndex());
    assertEquals("He1(u.x) - eps He2(w1.x) He1(w2.x) + 1/2 He3(u.x)", t.display());
  }

  @Test
  void errorsCarryNoStackTrace() {
    ArchError e = assertThrows(ArchError.class, () -> parser.parse("model m\nscale d\nbogus", "b.arch"));
    assertEquals(0, e.getStackTrace().length);
    assertEquals("b.arch:3:1: error: unknown statement 'bogus'; expected one of: model, scale, input, target, network, "
        + "parametrization, ridge, patterns, lazy_layers, dynamics", e.format());
  }

  @Test
  void emptyFileIsAnError() {
    ArchError e = assertThrows(ArchError.class, () -> parser.parse("", "empty.arch"));
    assertTrue(e.getMessage().contains("model"), e.getMessage());
  }
}
