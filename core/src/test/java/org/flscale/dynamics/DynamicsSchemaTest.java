package org.flscale.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.flscale.parse.ArchSource;
import org.flscale.parse.DynamicsFileParser;
import org.flscale.suite.RegressionSuite;
import org.junit.jupiter.api.Test;

/** docs/dynamics.schema.json against the real output of every dynamics test case and example. */
class DynamicsSchemaTest {
  @Test
  void everyDynamicsFileFollowsTheSchema() throws Exception {
    JsonSchema schema;
    try (InputStream in = Files.newInputStream(Path.of("docs/dynamics.schema.json"))) {
      schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
    }
    List<Path> files = new ArrayList<>(RegressionSuite.valid(Path.of("test-cases")));
    files.addAll(RegressionSuite.cases(Path.of("examples")));
    int n = 0;
    for (Path f : files) {
      String text = ArchSource.read(f);
      if (!DynamicsFileParser.isDynamics(text)) continue;
      var json = DynamicsReport.json(new DynamicsFileParser().parse(text, f.toString()), TestRules.get());
      assertEquals(Set.of(), schema.validate(json), f.toString());
      n++;
    }
    assertTrue(n >= 10, "validated " + n + " files");
  }
}
