package org.flscale.derive;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.flscale.TestRules;
import org.flscale.math.Q;
import org.flscale.report.DerivationView;
import org.junit.jupiter.api.Test;

/** Targets of several terms: each term's own P_*, weighed by its amplitude, and the order of learning. */
class TargetTermsTest {
  private static Derivation derive(String scales, String target, String network) {
    String text = "model t\nscale d\nscale N = d\n" + scales + "\ninput x : gaussian(d)\ntarget y = " + target
        + "\nnetwork {\n" + network + "}\n";
    return TestRules.derive(text);
  }

  private static final String ERF = "  h1 = erf(W1 x) width N\n  f = a . h1\n";

  private static String exponent(Derivation d) {
    return d.pstarExponent().map(Q::of).orElseThrow().toString();
  }

  @Test
  void aWeakTermWeighsItsCostsByOneOverItsAmplitudeSquared() {
    Derivation d = derive("scale eps = d^(-1/2)", "He1(w . x) + eps He3(w . x)", ERF);
    assertEquals(2, d.terms().size());
    Derivation.TermDerivation linear = d.terms().get(0), cubic = d.terms().get(1);
    assertTrue(linear.dominant());
    assertFalse(cubic.dominant());
    assertEquals("1", exponent(linear.derivation()));
    DerivationView v = new DerivationView(cubic.derivation());
    Piece spec = cubic.derivation().patterns().stream().filter(o -> o.assignment().label().equals("Spec")).findFirst()
        .orElseThrow().pieces().get(0);
    assertEquals("M1 d/eps^2 + N/M1", v.energy(spec));
    // the target's P_* is its largest term's; the weak cubic comes later
    assertEquals("1", exponent(d));
    assertEquals(List.of(1, 2), d.terms().stream().map(Derivation.TermDerivation::order).toList());
  }

  @Test
  void amplitudesCountRelativeToTheLargest() {
    // the whole target times a scale is the same problem
    assertEquals(exponent(derive("", "He1(w . x) + He3(w . x)", ERF)),
        exponent(derive("scale A = d^(3/2)", "A He1(w . x) + A He3(w . x)", ERF)));
    assertEquals(exponent(derive("", "He3(w . x)", ERF)), exponent(derive("scale eps = d^(-1/2)", "eps He3(w . x)", ERF)));
    // a growing amplitude makes the other term the weak one, never a sample size that shrinks with d
    Derivation d = derive("scale A = d^(3/2)", "He1(w . x) + A He3(w . x)", ERF);
    assertEquals("-3/2", d.terms().get(0).relativeAmplitude().toString());
    assertTrue(d.terms().stream().allMatch(t -> Q.of(t.derivation().pstarExponent().orElseThrow()).signum() > 0));
  }

  @Test
  void theTargetsAnswerDoesNotDependOnTheOrderOfItsTerms() {
    Derivation ab = derive("", "He1(w . x) + He3(w . x)", ERF), ba = derive("", "He3(w . x) + He1(w . x)", ERF);
    assertEquals(ab.winner().get(0).assignment().label(), ba.winner().get(0).assignment().label());
    assertEquals("Spec", ab.winner().get(0).assignment().label()); // He3 needs the specialists, He1 does not
  }

  @Test
  void aSubtractedTermKeepsItsSign() {
    Derivation d = derive("", "He1(w . x) - 0.5 He3(w . x)", ERF);
    assertEquals("-1/2 He3(w.x)", d.terms().get(1).term().display());
  }

  @Test
  void anUnlearnableLeadingTermMakesTheTargetUnlearnable() {
    Derivation d = derive("", "He1(w . x) + He2(v . x)", ERF);
    assertFalse(d.learnable());
    assertTrue(d.reason().contains("He2(v.x)"), d.reason());
    assertTrue(d.terms().get(0).derivation().learnable());
  }

  @Test
  void withFreeScalesTheTargetIsTheMaximumOfItsLeadingTermsEverywhere() {
    String text = "model t\nscale d\nscale N\ninput x : gaussian(d)\n"
        + "target y = He1(w1 . x) + He1(w1 . x) He1(w2 . x) + He1(w1 . x) He1(w2 . x) He1(w3 . x)\n"
        + "network {\n  h1 = relu(W1 x) width N\n  h2 = relu(W2 h1) width N\n  f = a . h2\n}\n";
    Derivation d = TestRules.derive(text);
    for (Q n : List.of(Q.of(1, 3), Q.of(1), Q.of(11, 10), Q.of(3, 2), Q.of(5, 2), Q.of(7, 2))) {
      java.util.Map<String, Q> at = java.util.Map.of("N", n);
      Q target = valueAt(d.winner(), at);
      Q max = null;
      for (Derivation.TermDerivation t : d.terms()) {
        Q v = valueAt(t.derivation().winner(), at);
        if (max == null || v.compareTo(max) > 0) max = v;
      }
      assertEquals(max, target, "at N = d^" + n);
    }
  }

  private static Q valueAt(List<Piece> pieces, java.util.Map<String, Q> at) {
    return pieces.stream().filter(p -> p.conditions().stream().allMatch(g -> g.eval(at).signum() >= 0)).findFirst()
        .orElseThrow().exponent().eval(at);
  }

  @Test
  void aProductOfDirectionsIsAFeatureOfItsTotalDegree() {
    Derivation product = derive("", "He2(w1 . x) He1(w2 . x)", ERF);
    Derivation single = derive("", "He3(w . x)", ERF);
    assertEquals(exponent(single), exponent(product));
    assertFalse(derive("", "He1(w1 . x) He1(w2 . x)", ERF).learnable()); // even total degree, odd erf
  }
}
