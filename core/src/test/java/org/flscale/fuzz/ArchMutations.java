package org.flscale.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Seeded mutations of an .arch text, the kinds a user's editor, a paste or a script makes: tokens
 * swapped, deleted or repeated, lines dropped or doubled, random bytes, huge and tiny numbers, deep
 * nesting, names replaced by keywords, the file cut short.
 */
final class ArchMutations {
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z_][A-Za-z_0-9]*|[0-9]+(\\.[0-9]+)?|\\s+|.", Pattern.DOTALL);
  private static final String[] WORDS = {"model", "scale", "input", "target", "network", "parametrization", "ridge",
      "patterns", "lazy_layers", "width", "tokens", "heads", "patch", "patches", "attention", "conv", "dense", "erf", "relu",
      "He0", "He1", "He3", "He999999", "He12", "x", "x_a", "x_b", "d", "N", "GP", "Spec", "Mag", "GFL", "mean_field", "f", "a"};
  private static final String[] NUMBERS = {"0", "-1", "1e999999999", "1e-999999999", "99999999999999999999999999999999",
      "0.000000000000000000001", "100000", "(100000)", "(-99999999999/7)", "1/0", "3/0", "0/0", "(1/3)", "2.5e3",
      "340282366920938463463374607431768211457"};

  private ArchMutations() {}

  static String mutate(String text, Random r) {
    String out = text;
    int n = 1 + r.nextInt(3);
    for (int i = 0; i < n; i++) out = once(out, r);
    return out;
  }

  private static String once(String text, Random r) {
    List<String> t = tokens(text);
    List<Integer> solid = new ArrayList<>();
    for (int i = 0; i < t.size(); i++) if (!t.get(i).isBlank()) solid.add(i);
    if (solid.isEmpty()) return text + randomBytes(r);
    int a = solid.get(r.nextInt(solid.size())), b = solid.get(r.nextInt(solid.size()));
    switch (r.nextInt(11)) {
      case 0 -> { String x = t.get(a); t.set(a, t.get(b)); t.set(b, x); }
      case 1 -> t.set(a, "");
      case 2 -> t.set(a, t.get(a) + " " + t.get(a));
      case 3 -> t.set(a, t.get(a) + randomBytes(r));
      case 4 -> t.set(a, NUMBERS[r.nextInt(NUMBERS.length)]);
      case 5 -> { int depth = 1 + r.nextInt(3000); t.set(a, "(".repeat(depth) + t.get(a) + ")".repeat(depth)); }
      case 6 -> { int depth = 1 + r.nextInt(300); t.set(a, "He1(".repeat(depth) + "w . x" + ")".repeat(depth)); }
      case 7 -> t.set(a, WORDS[r.nextInt(WORDS.length)]);
      case 8 -> { return lines(text, r); }
      case 9 -> { return text.substring(0, r.nextInt(text.length() + 1)); }
      default -> t.set(a, "d^" + NUMBERS[r.nextInt(NUMBERS.length)]);
    }
    return String.join("", t);
  }

  /** A line dropped, doubled or moved. */
  private static String lines(String text, Random r) {
    List<String> ls = new ArrayList<>(List.of(text.split("\n", -1)));
    int i = r.nextInt(ls.size());
    switch (r.nextInt(3)) {
      case 0 -> ls.remove(i);
      case 1 -> ls.add(i, ls.get(i));
      default -> ls.add(r.nextInt(ls.size()), ls.remove(i));
    }
    return String.join("\n", ls);
  }

  private static String randomBytes(Random r) {
    StringBuilder sb = new StringBuilder();
    int n = 1 + r.nextInt(8);
    for (int i = 0; i < n; i++) {
      int kind = r.nextInt(4);
      sb.appendCodePoint(kind == 0 ? r.nextInt(32) : kind == 1 ? 32 + r.nextInt(95) : kind == 2 ? 128 + r.nextInt(0x700)
          : new int[] {0xFEFF, 0x00A0, 0x03BA, 0x00B7, 0x2212, 0x00B2, 0x1F600, 0xFFFD}[r.nextInt(8)]);
    }
    return sb.toString();
  }

  private static List<String> tokens(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = TOKEN.matcher(text);
    while (m.find()) out.add(m.group());
    return out;
  }
}
