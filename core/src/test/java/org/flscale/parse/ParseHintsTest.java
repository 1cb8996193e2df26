package org.flscale.parse;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.flscale.TestRules;
import org.flscale.model.ArchError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Mistakes whose plain parse error would mislead, and the message that names what was meant (more in test-cases/invalid). */
class ParseHintsTest {
  private final ArchFileParser parser = TestRules.parser();
  private static final String FILE = ArchFileParserTest.SPEC_EXAMPLE;

  @Test
  void aByteOrderMarkIsSkipped(@TempDir Path dir) throws Exception {
    assertEquals("two_layer_erf_he3", parser.parse("\uFEFF" + FILE, "bom.arch").name());
    Path p = dir.resolve("bom.arch");
    Files.write(p, ("\uFEFF" + FILE).getBytes(StandardCharsets.UTF_8));
    assertEquals("two_layer_erf_he3", parser.parse(p).name());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "network {|netwrok {|unknown statement 'netwrok'; did you mean 'network'?",
      "parametrization standard|parametrisation standard|unknown statement 'parametrisation'; did you mean 'parametrization'?",
      "width N |width = N |a layer option is written without '=': 'width N'",
      "parametrization standard|parametrization mean-field|'mean-field' is not a name (names have '_', not '-'); did you mean 'mean_field'?",
      "h1 = erf(W1 x)|h1 = leaky-relu(W1 x)|'leaky-relu' is not a name (names have '_', not '-'); did you mean 'leaky_relu'?",
      "scale N = d^1|scale N = d log d|unexpected 'log': a scale is a power of another",
      "ridge kappa|ridge κ|unexpected character 'κ'; names are ASCII: write 'kappa'",
      "w . x|w · x|unexpected character '·'; the dot of 'w . x' is a plain full stop: write 'w . x'",
      "w . x|w ⋅ x|unexpected character '⋅'; the dot of 'w . x' is a plain full stop",
      "scale N = d^1|scale N = d²|unexpected character '²'; write a power with '^': d^2",
      "scale N = d^1|scale N = d^−1|unexpected character '−'; write the minus sign as the ASCII '-'"})
  void theMessageNamesWhatWasMeant(String from, String to, String message) {
    assertTrue(FILE.contains(from), from);
    ArchError e = assertThrows(ArchError.class, () -> parser.parse(FILE.replaceFirst(java.util.regex.Pattern.quote(from), to), "t.arch"));
    assertTrue(e.getMessage().startsWith(message), e.format());
  }

  @Test
  void theLineOfTheMistakeIsTheLineOfTheOption() {
    ArchError e = assertThrows(ArchError.class, () -> parser.parse(FILE.replace("width N ", "width = N "), "t.arch"));
    assertEquals(10, e.pos().line());
  }

  @Test
  void statementKeywordsComeFromTheGrammar() {
    assertTrue(Spellings.keywords().containsAll(java.util.List.of("model", "scale", "network", "patterns")));
    assertNull(Spellings.nearestKeyword("optimizer"));
  }
}
