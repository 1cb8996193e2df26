package org.flscale.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.flscale.parse.gen.ArchLexer;

/**
 * What a user most likely meant by a word or a character the grammar does not take: a keyword
 * with a typo, a name written with '-', a Greek letter or a typographic symbol pasted from a paper.
 */
final class Spellings {
  /** Words that scale analysis leaves out: a file that writes them wants a power of the base. */
  private static final Set<String> FUNCTIONS_OF_A_SCALE = Set.of("log", "ln", "exp", "sqrt", "loglog");

  private Spellings() {}

  /** The statement keywords, read from the grammar's vocabulary so that a new statement is listed at once. */
  static List<String> keywords() {
    List<String> out = new ArrayList<>();
    for (int t = 1; t <= ArchLexer.VOCABULARY.getMaxTokenType(); t++) {
      String literal = ArchLexer.VOCABULARY.getLiteralName(t);
      if (literal != null && literal.matches("'[a-z_]+'")) out.add(literal.substring(1, literal.length() - 1));
    }
    return out;
  }

  /** The keyword within two edits of {@code word} (one for short words), or null. */
  static String nearestKeyword(String word) {
    return nearest(word, keywords());
  }

  /** The candidate within two edits of {@code word} (one for short words), or null. */
  static String nearest(String word, java.util.Collection<String> candidates) {
    String best = null;
    int bestDistance = word.length() <= 4 ? 1 : 2;
    for (String k : candidates) {
      int d = distance(word.toLowerCase(), k);
      if (d <= bestDistance && (best == null || d < distance(word.toLowerCase(), best))) best = k;
    }
    return best;
  }

  static boolean isFunctionOfAScale(String word) {
    return FUNCTIONS_OF_A_SCALE.contains(word);
  }

  /** How to write a character in the language's ASCII, or null when there is nothing to suggest. */
  static String asciiFor(int c) {
    if (Character.UnicodeScript.of(c) == Character.UnicodeScript.GREEK && Character.isLetter(c)) {
      String name = Character.getName(c);
      String letter = name.substring(name.lastIndexOf(' ') + 1).toLowerCase();
      return "names are ASCII: write '" + (letter.equals("epsilon") ? "eps" : letter) + "'";
    }
    switch (c) {
      case 0x00B7, 0x22C5, 0x2219, 0x2022:
        return "the dot of 'w . x' is a plain full stop: write 'w . x'";
      case 0x2212, 0x2013, 0x2014:
        return "write the minus sign as the ASCII '-'";
      case 0x221A:
        return "write a square root as a power: d^(1/2)";
      case 0x00D7, '*':
        return "write a power as d^2, a layer's weights before its input as erf(W1 x), and a product of Hermite "
            + "factors side by side: He1(u . x) He2(v . x)";
      case 0x2264, 0x2265:
        return "the language has no inequalities; a range of a scale comes out of the derivation";
      case 0x201C, 0x201D, 0x2018, 0x2019, '"', '\'':
        return ".arch files have no quotes: write names as they are";
      case 0xFEFF:
        return "a byte-order mark in the middle of the file: remove it";
      default:
        break;
    }
    if ("⁰¹²³⁴⁵⁶⁷⁸⁹".indexOf(c) >= 0) return "write a power with '^': d^" + Character.getNumericValue(c);
    if (c == '½') return "write a power with '^': d^(1/2)";
    if (Character.isSpaceChar(c)) return "a Unicode space (U+" + hex(c) + "): type a plain space";
    return c > 127 ? "U+" + hex(c) + "; outside comments .arch files are ASCII" : null;
  }

  private static String hex(int c) {
    return String.format("%04X", c);
  }

  private static int distance(String a, String b) {
    return LevenshteinDistance.getDefaultInstance().apply(a, b);
  }

  /**
   * " (did you mean 'lambda'?)" when one of the names is a near miss of the word, else "". Names of
   * one or two letters (N, d, N1) are all near one another, so they get no guess.
   */
  static String didYouMean(String word, java.util.Collection<String> names) {
    if (word.length() < 3) return "";
    String near = nearest(word, names);
    return near == null ? "" : " (did you mean '" + near + "'?)";
  }
}
