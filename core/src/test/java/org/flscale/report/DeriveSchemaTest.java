package org.flscale.report;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.flscale.TestRules;
import org.flscale.derive.Deriver;
import org.flscale.model.ArchError;
import org.flscale.suite.RegressionSuite;
import org.junit.jupiter.api.Test;

/** docs/derive.schema.json against the real output of every test case and example, and of bad files. */
class DeriveSchemaTest {
  private static JsonSchema schema() throws Exception {
    try (InputStream in = Files.newInputStream(Path.of("docs/derive.schema.json"))) {
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
    }
  }

  @Test
  void everyCaseAndEveryBadFileFollowsTheSchema() throws Exception {
    JsonSchema schema = schema();
    Deriver deriver = new Deriver(TestRules.get());
    ArrayNode all = JsonNodeFactory.instance.arrayNode();
    List<Path> files = new ArrayList<>(RegressionSuite.valid(Path.of("test-cases")));
    files.addAll(RegressionSuite.cases(Path.of("examples")));
    // a 'dynamics' file has its own answer (docs/exact-linear.md), not a derivation
    files.removeIf(f -> org.flscale.parse.DynamicsFileParser.isDynamics(org.flscale.parse.ArchSource.read(f)));
    for (Path f : files) {
      JsonNode one = JsonReport.toJson(deriver.derive(TestRules.parser().parse(f)));
      assertEquals(Set.of(), schema.validate(one), f.toString());
      all.add(one);
    }
    for (Path f : RegressionSuite.invalid(Path.of("test-cases"))) {
      try {
        deriver.derive(TestRules.parser().parse(f));
        fail(f + " is accepted");
      } catch (ArchError e) {
        all.add(JsonReport.error(e.pos().file(), e.pos().line(), e.pos().column(), e.getMessage()));
      }
    }
    all.add(JsonReport.error("missing.arch", null, null, "no such file: missing.arch"));
    Set<ValidationMessage> problems = schema.validate(all);
    assertEquals(Set.of(), problems, "the list of several files");
  }

  @Test
  void theSchemaRejectsWhatItDoesNotDescribe() throws Exception {
    JsonSchema schema = schema();
    JsonNode good = JsonReport.error("f.arch", 3, 5, "oops");
    assertTrue(schema.validate(good).isEmpty());
    var camel = ((com.fasterxml.jackson.databind.node.ObjectNode) good.deepCopy()).put("schemaVersion", 1);
    assertFalse(schema.validate(camel).isEmpty(), "an undocumented (camelCase) key is refused");
  }
}
