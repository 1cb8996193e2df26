package org.flscale.derive;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Map;
import org.flscale.TestRules;
import org.flscale.math.Q;
import org.flscale.parse.ArchError;
import org.flscale.report.DerivationView;
import org.junit.jupiter.api.Test;

/** The attention head and the CNN, derived from rules/layers.m by the same engine as dense networks. */
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

  @Test
  void attentionHeadBalancesTheQueryAgainstTheDilutedValue() {
    Derivation d = derive("scale L\nscale N = d", "h1 = attention relu(q V1 x) width N tokens L", "He3(w . x)");
    DerivationView v = new DerivationView(d);
    Piece longContext = winnerAt(d, Map.of("L", Q.of(2)));
    assertEquals("Spec", longContext.assignment().label());
    assertEquals("M1 d + L d^2/M1", v.energy(longContext));
    assertEquals("(L d^3)^(1/2)", v.expression(longContext));
    assertEquals("(L d)^(1/2)", v.parameters(longContext).get("M1"));
    // below L = d the query cannot single out more tokens than there are (M1 <= L binds); inflating
    // the one shared query (GFL, one weight vector) reaches the same balance
    Piece shorter = winnerAt(d, Map.of("L", Q.of(3, 4)));
    assertEquals("GFL", shorter.assignment().label());
    assertEquals("D1 + L d^3/D1", v.energy(shorter));
    assertEquals("(L d^3)^(1/2)", v.expression(shorter));
    // the lazy head pays the dilution by L
    assertEquals("5/2", exponent(derive("scale L = d^2\nscale N = d", "h1 = attention relu(q V1 x) width N tokens L", "He3(w . x)")));
  }

  @Test
  void oddValuesTimesALinearScoreCannotMakeAnOddTarget() {
    Derivation d = derive("scale L = d\nscale N = d", "h1 = attention erf(q V1 x) width N tokens L", "He3(w . x)");
    assertEquals("4", exponent(d)); // only the lazy head: L d^3
    assertEquals("GP", d.winner().get(0).assignment().label());
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
}
