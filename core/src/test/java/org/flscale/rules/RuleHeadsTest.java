package org.flscale.rules;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.flscale.TestRules;
import org.junit.jupiter.api.Test;

/** The pure rule heads against the rows of test-cases/rule-heads/heads.tsv (input, expected). */
class RuleHeadsTest {
  @Test
  void everyRowOfTheHeadsTableEvaluatesAsExpected() throws Exception {
    List<String> wrong = new ArrayList<>();
    int rows = 0;
    for (String line : Files.readAllLines(Path.of("test-cases/rule-heads/heads.tsv"))) {
      if (line.isBlank() || line.startsWith("#")) continue;
      String[] cols = line.split("\t");
      assertEquals(2, cols.length, "a row is an input and its result, tab-separated: " + line);
      if (!same(cols[0], cols[1])) wrong.add(cols[0] + " gave " + TestRules.get().session().eval(cols[0]) + ", expected " + cols[1]);
      rows++;
    }
    assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    assertTrue(rows >= 20, rows + " rows");
    assertFalse(same("ScaleExp[d^3]", "2*LogOf[d]"), "a wrong row is caught");
    assertFalse(same("LazyLayersPassNorms[\"strict\"]", "True"), "a wrong row is caught");
  }

  /** Equal as written, or equal once expanded (Symja may group a sum differently). */
  private static boolean same(String input, String expected) {
    return TestRules.get().session()
        .eval("With[{g = " + input + ", w = " + expected + "}, g === w || (NumericQ[0 g] && Expand[g - w] === 0)]").isTrue();
  }
}
