package org.flscale.adaptive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.flscale.TestRules;
import org.flscale.suite.RegressionSuite;
import org.junit.jupiter.api.Test;

/** docs/adaptive.schema.json against the real output for the example and every valid case of test-cases/adaptive. */
class AdaptiveSchemaTest {
  @Test
  void theOutputFollowsTheSchema() throws Exception {
    JsonSchema schema;
    try (InputStream in = Files.newInputStream(Path.of("docs/adaptive.schema.json"))) {
      schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
    }
    List<Path> files = new ArrayList<>(RegressionSuite.valid(Path.of("test-cases/adaptive")));
    files.add(Path.of("examples/adaptive_linear.arch"));
    AdaptiveBalance balance = AdaptiveBalance.derive(TestRules.get());
    for (Path f : files) {
      JsonNode out = AdaptiveReport.json(AdaptiveDerivation.of(TestRules.parser().parse(f), balance));
      assertEquals(Set.of(), schema.validate(out), f.toString());
    }
    JsonNode ex = AdaptiveReport.json(AdaptiveDerivation.of(TestRules.parser().parse(Path.of("examples/adaptive_linear.arch")), balance));
    assertEquals("1/2", ex.at("/derived/adaptation_samples/exponent").asText());
    assertEquals("-1/2", ex.at("/derived/spike_fixed_data/exponent").asText());
  }
}
