package org.flscale.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --integrator and --friction: what they set, what they refuse, and that Euler's resume key is the one it always was. */
class IntegratorOptionTest {
  @TempDir Path tmp;

  private static String refused(String... args) {
    String err = org.flscale.CliRun.expect(2, args)[1];
    assertEquals(1, err.strip().lines().count(), err);
    assertFalse(err.contains("Exception") || err.contains("\tat "), err);
    return err;
  }

  @Test
  void baoabRunsWithItsOwnStepAndLength() throws Exception {
    Path out = tmp.resolve("baoab");
    String[] r = org.flscale.CliRun.expect(0, "verify", "examples/two_layer_erf_he3.arch", "--quick", "--integrator", "baoab", "--d", "6,9", "--ratios", "4,16",
        "--test-size", "200", "--bootstrap", "50", "--out", out.toString(), "--format", "json", "--no-progress", "--no-plots");
    JsonNode s = new ObjectMapper().readTree(r[0]).get("sampler");
    assertEquals("baoab", s.get("integrator").asText());
    assertEquals(SamplerSettings.DEFAULT_FRICTION, s.get("friction").asDouble());
    assertEquals(Integrator.BAOAB.defaultFactor, s.get("dt_factor").asDouble());
    assertEquals(1.5 * Integrator.BAOAB.defaultTimeFactor, s.get("prior_time").asDouble(), 1e-12);
    for (String line : Files.readAllLines(out.resolve("cells.jsonl"))) {
      JsonNode c = new ObjectMapper().readTree(line);
      assertTrue(c.get("settings").asText().contains("int=baoab gamma=2"), c.get("settings").asText());
      assertTrue(c.get("gradient_evaluations").asLong() > c.get("steps").asLong(), "the step-size measurements are counted: " + line);
    }
  }

  @Test
  void mistakesAreOneLine() {
    String f = "examples/two_layer_erf_he3.arch", o = tmp.resolve("x").toString();
    assertTrue(refused("verify", f, "--quick", "--friction", "3", "--out", o).contains("--integrator baoab"));
    assertTrue(refused("verify", f, "--quick", "--integrator", "baoab", "--friction", "0", "--out", o).contains("--friction must be positive"));
    assertTrue(refused("verify", f, "--quick", "--mode", "gd", "--integrator", "lm", "--out", o).contains("gradient descent"));
    // an unknown name: picocli's usual answer to a bad value (its message, then the usage)
    assertTrue(org.flscale.CliRun.expect(2, "verify", f, "--quick", "--integrator", "rk4", "--out", o)[1].contains("'rk4' is not one of euler, lm, baoab"));
  }

  @Test
  void theFullBudgetsBaoabGivesWayToAnIntegratorNamedOnTheCommandLine() {
    SweepPlan full = Budget.FULL.plan(SamplerSettings.Mode.LANGEVIN, 0.1);
    SamplerSettings asIs = sampler(full), euler = sampler(full, "--integrator", "euler"), friction = sampler(full, "--friction", "3");
    assertEquals(Integrator.BAOAB, asIs.integrator());
    assertEquals(Integrator.EULER, euler.integrator());
    assertEquals(3, euler.priorTime(), 1e-12, "Euler's own run length, not BAOAB's");
    assertEquals(Integrator.EULER.defaultFactor, euler.dtFactor());
    assertEquals(3, friction.friction(), "the full run's BAOAB takes --friction without --integrator");
    assertEquals(Integrator.EULER, sampler(Budget.DEFAULT.plan(SamplerSettings.Mode.LANGEVIN, 0.1)).integrator());
  }

  private static SamplerSettings sampler(SweepPlan plan, String... args) {
    var options = new org.flscale.cli.verify.SamplerOptions();
    new picocli.CommandLine(options).parseArgs(args);
    return options.applyTo(plan).sampler();
  }

  @Test
  void eulerKeepsItsResumeKey() {
    SamplerSettings s = new SamplerSettings(SamplerSettings.Mode.LANGEVIN, 0.1, 0.1, 3, 0.5, 100, 2000, 0.8);
    assertEquals("langevin k=0.100000 c=0.100000 T=3.00000 burn=0.500000 s=100 test=2000 spec=0.800000", s.key());
    assertEquals(s.key(), s.withIntegrator(Integrator.EULER).key());
    assertTrue(s.withIntegrator(Integrator.LM).key().endsWith(" int=lm"));
  }
}
