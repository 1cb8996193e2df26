package org.flscale.springblock;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.flscale.model.ArchError;
import org.junit.jupiter.api.Test;

/** The .sweep files: the example reads, every invalid case fails with its expected line:col: error. */
class SweepFileTest {

  @Test
  void theExampleReadsWithItsValuesAndTheRestDefault() {
    SpringBlockSpec s = SweepFile.read(Path.of("examples/spring_block.sweep"));
    assertEquals("spring_block", s.name());
    assertEquals(8, s.integer("mlp.depth"));
    assertEquals(7, s.mlp().hidden());
    assertEquals(12, s.list("chain.friction").length);
    assertEquals(0.003, s.list("chain.friction")[0], 1e-15);
    assertEquals(0.5, s.list("chain.friction")[11], 1e-12);
    assertArrayEquals(new double[] {0.2, 0.4, 0.6}, s.list("mlp.label_noise"));
    assertEquals(1 + 3 + 3, s.noises().size());
  }

  @Test
  void commentsBlankLinesAndDefaults() {
    SpringBlockSpec s = SweepFile.parse("# nothing but a comment\n\n  mlp.width = 32   # narrower\n", "t.sweep");
    assertEquals(32, s.integer("mlp.width"));
    assertEquals(100, s.integer("mlp.input"));
    assertArrayEquals(new double[] {0, 0.5, 1}, SweepFile.parse("mlp.nonlinearity = linspace 0 1 3", "t.sweep").list("mlp.nonlinearity"), 1e-15);
  }

  @Test
  void theSettingsKeyChangesWithWhatChangesARun() {
    String a = SweepFile.parse("mlp.width = 32", "t").mlpSettingsKey(), b = SweepFile.parse("mlp.width = 33", "t").mlpSettingsKey();
    String c = SweepFile.parse("mlp.width = 32\nmlp.seeds = 9\nchain.blocks = 4", "t").mlpSettingsKey();
    assertTrue(!a.equals(b) && a.equals(c), a + " / " + b + " / " + c);
  }

  @Test
  void everyInvalidCaseFailsWithItsError() throws IOException {
    List<Path> cases;
    try (Stream<Path> s = Files.list(Path.of("test-cases/springblock/invalid"))) {
      cases = s.filter(p -> p.toString().endsWith(".sweep")).sorted().toList();
    }
    assertTrue(cases.size() >= 8);
    for (Path p : cases) {
      String expected = Files.readString(Path.of(p.toString().replaceFirst("\\.sweep$", ".expected-error"))).strip();
      ArchError e = assertThrows(ArchError.class, () -> SweepFile.read(p), p.toString());
      assertEquals(p + ":" + expected, e.format(), p.toString());
    }
  }
}
