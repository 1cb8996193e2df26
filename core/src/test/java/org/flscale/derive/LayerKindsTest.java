package org.flscale.derive;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Map;
import org.flscale.TestRules;
import org.flscale.math.Q;
import org.flscale.model.ArchError;
import org.flscale.report.DerivationView;
import org.junit.jupiter.api.Test;

/** The paper's attention head (rules/attention.m) and the CNN (rules/layers.m), derived by the same engine as dense networks. */
class LayerKindsTest {
  private static Derivation derive(String scales, String layer, String target) {
    String text = "model t\nscale d\n" + scales + "\ninput x : gaussian(d)\ntarget y = " + target + "\nnetwork {\n  "
        + layer + "\n  f = a . h1\n}\n";
    return TestRules.derive(text);
  }

  private static String exponent(Derivation d) {
    return d.pstarExponent().map(Q::of).orElseThrow().toString();
  }

  private static Piece winnerAt(Derivation d, Map<String, Q> at) {
    return d.winner().stream().filter(p -> p.conditions().stream().allMatch(g -> g.eval(at).signum() >= 0)).findFirst()
        .orElseThrow();
  }

  private static Derivation head(String scales) {
    return TestRules.derive("model t\nscale d\n" + scales + "\ninput x : gaussian(d) tokens L\n"
        + "target y = He1(u1 . x_a) He1(u2 . x_b) He1(u3 . x_b)\nnetwork {\n  f = attention(A w x) heads H\n}\n");
  }

  @Test
  void thePapersAttentionHeadBalancesOneScoreEntryAgainstTheHeadsValues() {
    Derivation d = head("scale L = d^(1/2)\nscale H = d^0");
    DerivationView v = new DerivationView(d);
    Piece spec = d.winner().get(0);
    assertEquals("Spec", spec.assignment().label());
    assertEquals("M1^2 + H L d^3/M1^2", v.energy(spec));
    assertEquals("7/4", exponent(d));
    assertEquals("d^(7/8)", v.parameters(spec).get("M1"));
    assertEquals("L d^3", v.energy(d.patterns().get(0).pieces().get(0))); // the lazy head
  }

  @Test
  void theLazyHeadWinsWhenHeadsOutnumberLd3() {
    Derivation d = head("scale L\nscale H");
    DerivationView v = new DerivationView(d);
    Piece lazy = winnerAt(d, Map.of("L", Q.of(1), "H", Q.of(5)));
    assertEquals("GP", lazy.assignment().label());
    Piece spec = winnerAt(d, Map.of("L", Q.of(1, 4), "H", Q.of(1, 4)));
    assertEquals("Spec", spec.assignment().label());
    assertEquals("(L H d^3)^(1/2)", v.expression(spec));
  }

  @Test
  void cnnFiltersReadPatchesAndTheReadoutEveryPatch() {
    Derivation d = derive("scale p = d^(1/2)\nscale n = d^(1/2)\nscale N", "h1 = conv erf(W1 x) width N patch p patches n",
        "He3(w . x)");
    DerivationView v = new DerivationView(d);
    Piece spec = winnerAt(d, Map.of("N", Q.of(1)));
    assertEquals("M1 p + N n/M1", v.energy(spec));
    assertEquals("(N d)^(1/2)", v.expression(spec));
    Piece lazy = winnerAt(d, Map.of("N", Q.of(4)));
    assertEquals("GP", lazy.assignment().label());
    assertEquals("n p^3", v.energy(lazy));
  }

  @Test
  void convPatchesMustTileTheInput() {
    ArchError e = assertThrows(ArchError.class, () -> derive("scale p = d^(1/2)\nscale n = d^(1/3)\nscale N = d",
        "h1 = conv erf(W1 x) width N patch p patches n", "He3(w . x)"));
    assertTrue(e.getMessage().contains("p n == d"), e.getMessage());
  }

  @Test
  void theLanguageContractsAttentionExampleGivesSevenQuarters() throws Exception {
    var m = TestRules.parser().parse(java.nio.file.Path.of("examples/attention_head.arch"));
    Derivation d = new Deriver(TestRules.get()).derive(m);
    assertEquals("7/4", exponent(d));
    assertEquals("Spec", d.winner().get(0).assignment().label());
    assertEquals(Derivation.Binding.VARIATIONAL, d.floor().binding().get(0));
    var lazy = d.patterns().stream().filter(o -> o.assignment().label().equals("GP")).findFirst().orElseThrow();
    assertEquals("L d^3", new DerivationView(d).energy(lazy.pieces().get(0)));
  }
}
