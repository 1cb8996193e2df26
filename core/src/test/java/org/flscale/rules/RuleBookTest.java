package org.flscale.rules;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import org.flscale.TestRules;
import org.flscale.math.Q;
import org.flscale.derive.Deriver;
import org.flscale.parse.ArchFileParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleBookTest {
  private final RuleBook rules = TestRules.get();

  private static BitSet upTo(BitSet b, int n) {
    return b.get(0, n + 1);
  }

  private static BitSet of(int... ks) {
    BitSet b = new BitSet();
    for (int k : ks) b.set(k);
    return b;
  }

  @Test
  void namesComeFromTheRules() {
    assertTrue(rules.knownNames().activations().containsAll(java.util.List.of("erf", "relu", "tanh", "linear", "quadratic")));
    assertEquals(java.util.List.of("GP", "Spec", "Mag", "GFL"), rules.knownNames().patterns());
    assertTrue(rules.knownNames().parametrizations().containsAll(java.util.List.of("standard", "mean_field")));
  }

  @Test
  void hermiteContentIsComputedFromTheFormula() {
    assertEquals(of(1, 3, 5, 7, 9), upTo(rules.activation("erf").degrees(), 10), "erf is odd");
    assertEquals(of(1, 3, 5, 7, 9), upTo(rules.activation("tanh").degrees(), 10), "tanh is odd");
    assertEquals(of(0, 1, 2, 4, 6, 8, 10), upTo(rules.activation("relu").degrees(), 10), "relu: He1 and even degrees");
    assertEquals(of(0, 2), rules.activation("quadratic").degrees(), "quadratic: He0 and He2");
    assertEquals(of(1), rules.activation("linear").degrees());
    assertTrue(rules.activation("quadratic").polynomial());
    assertFalse(rules.activation("erf").polynomial());
  }

  @Test
  void numericActivationsAreFastAndRight() {
    Activation erf = rules.activation("erf");
    assertEquals(org.apache.commons.math3.special.Erf.erf(0.7), erf.value().applyAsDouble(0.7), 1e-12);
    assertEquals(2 / Math.sqrt(Math.PI) * Math.exp(-0.49), erf.derivative().applyAsDouble(0.7), 1e-9);
    Activation relu = rules.activation("relu");
    assertEquals(0.0, relu.value().applyAsDouble(-1.5), 0);
    assertEquals(2.5, relu.value().applyAsDouble(2.5), 0);
  }

  /** What docs/extending.md promises: one line in a rule file adds an activation. */
  @Test
  void aUserAddsAnActivationWithOneLine(@TempDir Path dir) throws Exception {
    try (var files = Files.list(Path.of("rules"))) {
      for (Path f : files.toList()) Files.copy(f, dir.resolve(f.getFileName()));
    }
    Files.writeString(dir.resolve("my_activations.m"), "Activation[\"cube\"] = Function[z, z^3];\n");
    RuleBook mine = RuleBook.load(dir);
    assertEquals(of(1, 3), mine.activation("cube").degrees());
    String arch = """
        model cube_net
        scale d
        scale N = d
        input x : gaussian(d)
        target y = He3(w . x)
        network {
          h1 = cube(W1 x) width N
          f = a . h1
        }
        """;
    var model = new ArchFileParser(mine.knownNames()).parse(arch, "cube.arch");
    var d = new Deriver(mine).derive(model);
    assertTrue(d.learnable());
    assertEquals("1", d.pstarExponent().map(Q::of).orElseThrow().toString());
  }

  /** docs/extending.md, "A new layer kind": a CNN with global average pooling, from a rule file and a test case only. */
  @Test
  void aUserAddsALayerKindWithARuleFileAndATestCase(@TempDir Path dir) throws Exception {
    Path rulesDir = org.flscale.TestRules.copyOfTheRules(dir);
    Files.writeString(rulesDir.resolve("layers_pooled.m"), org.flscale.PooledConvExample.RULES);
    Path cases = Files.createDirectory(dir.resolve("test-cases"));
    Files.writeString(cases.resolve("pooled_cnn.arch"), org.flscale.PooledConvExample.ARCH);
    Files.writeString(cases.resolve("pooled_cnn.expected.json"), """
        { "model": "pooled_cnn",
          "pstar": { "learnable": true, "pattern": "Spec", "exponent": "3/4", "energy": "M1 p + N/M1" } }
        """);
    RuleBook mine = RuleBook.load(rulesDir, null);
    assertTrue(mine.knownNames().kinds().containsKey("pooled_conv"));
    var results = new org.flscale.suite.RegressionSuite(mine).runAll(cases);
    assertEquals(1, results.size());
    assertTrue(results.get(0).passed(), String.join("\n", results.get(0).differences()));
  }

  @Test
  void theCacheAnswersWithoutSymjaAndTheSame(@TempDir Path cache) throws Exception {
    Path arch = Path.of("examples/three_layer_erf_he3.arch");
    RuleBook first = RuleBook.load(Path.of("rules"), cache);
    String a = org.flscale.report.JsonReport.write(org.flscale.report.JsonReport.toJson(
        new Deriver(first).derive(new ArchFileParser(first.knownNames()).parse(arch))));
    first.saveCache();
    RuleBook second = RuleBook.load(Path.of("rules"), cache);
    String b = org.flscale.report.JsonReport.write(org.flscale.report.JsonReport.toJson(
        new Deriver(second).derive(new ArchFileParser(second.knownNames()).parse(arch))));
    assertFalse(second.symjaStarted(), "everything came from the cache");
    assertEquals(a, b);
  }

  @Test
  void editingARuleFileInvalidatesTheCache(@TempDir Path dir, @TempDir Path cache) throws Exception {
    try (var files = Files.list(Path.of("rules"))) {
      for (Path f : files.toList()) Files.copy(f, dir.resolve(f.getFileName()));
    }
    RuleBook first = RuleBook.load(dir, cache);
    first.activationContent("erf");
    first.saveCache();
    Files.writeString(dir.resolve("activations.m"), Files.readString(dir.resolve("activations.m"))
        + "Activation[\"cube\"] = Function[z, z^3];\n");
    RuleBook second = RuleBook.load(dir, cache);
    assertTrue(second.symjaStarted(), "a changed rule file is evaluated again");
    assertTrue(second.knownNames().activations().contains("cube"));
  }

  @Test
  void aBrokenRuleFileIsReported(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("bad.m"), "Activation[\"x\"] = Function[z, z;\n");
    RuleError e = assertThrows(RuleError.class, () -> RuleBook.load(dir));
    assertTrue(e.getMessage().contains("bad.m") || e.getMessage().contains("Patterns") || e.getMessage().contains("Activation"),
        e.getMessage());
  }

  /** The rule contract is checked when the files are evaluated: a kind missing a rule is named with its file. */
  @Test
  void aKindMissingARuleIsReportedWithItsFileWhenTheRulesLoad(@TempDir Path dir) throws Exception {
    Path rulesDir = org.flscale.TestRules.copyOfTheRules(dir);
    Files.writeString(rulesDir.resolve("layers_pooled.m"), """
        KindOptions["pooled_conv"] = {"width"};
        KindWeights["pooled_conv"] = {"filters"};
        KindUnits["pooled_conv", o_] := "width" /. o;
        LazyDilution["pooled_conv", o_] := 1;
        SpikeDilution["pooled_conv", o_] := 1;
        """);
    RuleError e = assertThrows(RuleError.class, () -> RuleBook.load(rulesDir, null));
    assertEquals("rules/layers_pooled.m: kind 'pooled_conv' defines no KindDimension (KindDimension[k, dim, o]: the dimension the units read)",
        e.getMessage());
  }

  @Test
  void theContractNamesEveryHeadTheEngineAsksFor() throws Exception {
    // every head the Java side builds a call to is declared in the contract
    String templates = Files.readString(Path.of("core/src/main/java/org/flscale/derive/Templates.java"));
    var m = java.util.regex.Pattern.compile("\"(?:ScaleExp\\[|Map\\[(?:ConstraintExp|EqualityExp|ToString), )?([A-Z][A-Za-z]+)\\[").matcher(templates);
    int found = 0;
    while (m.find()) {
      String head = m.group(1);
      if (List.of("With", "If", "TrueQ", "Map", "ScaleExp").contains(head)) continue;
      assertDoesNotThrow(() -> RuleContract.head(head), head);
      found++;
    }
    assertTrue(found >= 10, "found " + found);
  }

  @Test
  void theModellingChoicesAreRulesAUserCanChange(@TempDir Path dir) throws Exception {
    Path rulesDir = org.flscale.TestRules.copyOfTheRules(dir);
    Path kernels = rulesDir.resolve("kernels.m");
    // an input kernel that also represents He3 (with its lazy norm d^3): a linear network then reaches He3
    Files.writeString(kernels, Files.readString(kernels).replace("InputDegrees = {1};", "InputDegrees = {1, 3};"));
    RuleBook mine = RuleBook.load(rulesDir, null);
    String arch = "model t\nscale d\nscale N = d\ninput x : gaussian(d)\ntarget y = He3(w . x)\n"
        + "network {\n  h1 = linear(W1 x) width N\n  f = a . h1\n}\n";
    var parser = new org.flscale.parse.ArchFileParser(mine.knownNames());
    assertFalse(new org.flscale.derive.Deriver(org.flscale.TestRules.get()).derive(parser.parse(arch, "t.arch")).learnable());
    assertTrue(new org.flscale.derive.Deriver(mine).derive(parser.parse(arch, "t.arch")).learnable());
  }
}
