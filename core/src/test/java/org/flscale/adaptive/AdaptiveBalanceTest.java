package org.flscale.adaptive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.flscale.TestRules;
import org.flscale.math.Affine;
import org.flscale.math.Q;
import org.flscale.model.ArchError;
import org.flscale.model.ArchModel;
import org.flscale.rules.RuleBook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scalings rules/adaptive.m gives, exactly, for chi = 1, N^(1/2), N; and that they follow the rules when the rules change. */
class AdaptiveBalanceTest {
  private static final String NET = "model m\nscale d\nscale N = d^1\ninput x : gaussian(d)\ntarget y = He1(w . x)\n"
      + "network {\n  h1 = linear(W1 x) width N\n  f = a . h1\n}\n";

  private static Map<String, Affine> derived(RuleBook rules, String parametrization) {
    ArchModel m = new org.flscale.parse.ArchFileParser(rules.knownNames()).parse(NET + parametrization + "\n", "t.arch");
    AdaptiveDerivation d = AdaptiveDerivation.of(m, AdaptiveBalance.derive(rules));
    return d.lines().stream().collect(Collectors.toMap(AdaptiveDerivation.Line::key, AdaptiveDerivation.Line::file));
  }

  private static Q inD(Map<String, Affine> m, String key) {
    Affine a = m.get(key);
    assertTrue(a.isConstant(), key + " = " + a);
    return a.constant();
  }

  @Test
  void theTheorySymbols() {
    AdaptiveBalance b = AdaptiveBalance.derive(TestRules.get());
    // Q - 1 ~ chi P/N, O(1) at P ~ N/chi, tree level's relative error ~ 1/chi, spike ~ chi P^2/(N d Q)
    assertEquals(Affine.var("chi").plus(Affine.var("P")).minus(Affine.var("N")), b.shift());
    assertEquals(Affine.var("N").minus(Affine.var("chi")), b.adaptSamples());
    assertEquals(Affine.var("chi").times(Q.of(-1)), b.treeError());
    assertEquals(Affine.var("chi").plus(Affine.var("P").times(Q.of(2))).minus(Affine.var("N")).minus(Affine.var("d")), b.spikeLazy());
  }

  @Test
  void standardSqrtAndMeanField() {
    RuleBook rules = TestRules.get();
    Map<String, Affine> std = derived(rules, "parametrization standard");
    Map<String, Affine> half = derived(rules, "parametrization chi = N^(1/2)");
    Map<String, Affine> mf = derived(rules, "parametrization mean_field");
    Map<String, Affine> chiN = derived(rules, "parametrization chi = N");
    assertEquals(Q.ONE, inD(std, "adaptation_samples"));      // P ~ N
    assertEquals(Q.of(1, 2), inD(half, "adaptation_samples")); // P ~ N^(1/2)
    assertEquals(Q.ZERO, inD(mf, "adaptation_samples"));       // any P
    assertEquals(Q.of(-1), inD(std, "spike_fixed_data"));      // chi/N
    assertEquals(Q.of(-1, 2), inD(half, "spike_fixed_data"));
    assertEquals(Q.ZERO, inD(mf, "spike_fixed_data"));
    assertEquals(Q.ZERO, inD(std, "tree_level_error"));        // as large as the effect
    assertEquals(Q.of(-1), inD(mf, "tree_level_error"));
    assertEquals(mf, chiN, "chi = N means mean field");
  }

  @Test
  void theAnswersFollowTheRules(@TempDir Path dir) throws Exception {
    Path rules = dir.resolve("rules");
    Files.createDirectories(rules);
    try (Stream<Path> files = Files.list(Path.of("rules"))) {
      for (Path f : files.toList()) Files.copy(f, rules.resolve(f.getFileName()));
    }
    Path f = rules.resolve("adaptive.m");
    Files.writeString(f, Files.readString(f).replace("{n delta, chi p, p}", "{n delta, chi^2 p, p}"));
    Map<String, Affine> half = derived(RuleBook.load(rules, null), "parametrization chi = N^(1/2)");
    assertEquals(Q.ZERO, inD(half, "adaptation_samples")); // N/chi^2 with chi = N^(1/2)
  }

  @Test
  void onlyTheOneLayerLinearNetwork() {
    RuleBook rules = TestRules.get();
    String erf = NET.replace("linear(W1 x)", "erf(W1 x)");
    ArchModel m = new org.flscale.parse.ArchFileParser(rules.knownNames()).parse(erf, "t.arch");
    ArchError e = assertThrows(ArchError.class, () -> AdaptiveDerivation.of(m, AdaptiveBalance.derive(rules)));
    assertTrue(e.format().startsWith("t.arch:7:3: error: the adaptive theory is for a linear network"), e.format());
  }
}
