package org.flscale.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.flscale.CliRun;
import org.flscale.TestRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/extending.md's new layer kind, end to end: a rule file in a copy of the rules for derive,
 * one network class ({@link PooledConvNetwork}, found through META-INF/services) for verify.
 */
class UserNetworkKindTest {
  @Test
  void aUserAddsALayerKindToDeriveAndVerify(@TempDir Path dir) throws Exception {
    Path rules = TestRules.copyOfTheRules(dir);
    Files.writeString(rules.resolve("layers_pooled.m"), org.flscale.PooledConvExample.RULES);
    Path arch = dir.resolve("pooled_cnn.arch");
    Files.writeString(arch, org.flscale.PooledConvExample.ARCH);

    JsonNode d = new ObjectMapper().readTree(CliRun.expect(0, "derive", arch.toString(), "--rules", rules.toString(), "--format", "json")[0]);
    assertEquals("3/4", d.get("pstar").get("exponent").asText(), d.toString());

    String[] r = CliRun.expect(0, "verify", arch.toString(), "--rules", rules.toString(), "--d", "4,9,16", "--ratios", "4,16", "--seeds", "1",
        "--time", "0.2", "--test-size", "200", "--bootstrap", "50", "--out", dir.resolve("out").toString(), "--format", "json",
        "--no-progress", "--no-plots");
    JsonNode v = new ObjectMapper().readTree(r[0]);
    assertTrue(v.get("network").asText().contains("pooled_conv erf"), v.get("network").asText());
    assertEquals(12, v.get("cells").asInt());
    assertEquals(0, v.get("diverged").asInt());
    assertEquals(0.75, v.get("predicted").asDouble(), 1e-12, v.get("predicted_source").asText());
  }

  @Test
  void itsBackwardPassMatchesFiniteDifferences() {
    PooledConvNetwork net = new PooledConvNetwork(5, 3, 4, ActivationKernel.named("erf"), 1 / Math.sqrt(5), 3);
    Trainable t = net.bind(TokenData.training(4, 3, 3, 9, 7), TokenData.test(4, 3, 3, 5, 7));
    double[] theta = t.initialParameters(ChainStart.ALIGNED, new SplittableRandom(3));
    GradientCheck.matchesFiniteDifferences((x, g) -> t.potentialAndGradient(x, 0.3, g), theta);
  }
}
