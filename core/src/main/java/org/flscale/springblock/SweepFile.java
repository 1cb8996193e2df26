package org.flscale.springblock;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.flscale.model.SourcePos;
import org.flscale.model.ArchError;

/**
 * Reads a .sweep file: lines "key = value", '#' starts a comment. Mistakes are one
 * {@code file:line:col: error: ...} each (an {@link ArchError}, like a .arch file's).
 */
public final class SweepFile {
  private final String file;
  private final Map<String, Object> values = new LinkedHashMap<>();
  private final Map<String, SourcePos> where = new HashMap<>();

  private SweepFile(String file) {
    this.file = file;
  }

  public static SpringBlockSpec read(Path path) {
    String text;
    try {
      text = Files.readString(path);
    } catch (IOException e) {
      throw new ArchError(new SourcePos(path.toString(), 1, 1), "cannot read the file: " + e.getMessage());
    }
    return parse(text, path.toString());
  }

  public static SpringBlockSpec parse(String text, String file) {
    SweepFile f = new SweepFile(file);
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) f.line(lines[i], i + 1);
    for (SweepKey k : SweepKey.ALL.values()) {
      if (!f.values.containsKey(k.name())) f.values.put(k.name(), f.value(k, k.defaultText(), new SourcePos("<default of " + k.name() + ">", 1, 1)));
    }
    SpringBlockSpec spec = new SpringBlockSpec(f.values);
    if (spec.number("chain.eta") * spec.number("chain.stiffness") > 0.5) {
      SourcePos p = f.where.getOrDefault("chain.eta", f.where.getOrDefault("chain.stiffness", new SourcePos(file, 1, 1)));
      throw new ArchError(p, "chain.eta times chain.stiffness must be at most 1/2 (the chain's update is then monotone); it is "
          + plain(spec.number("chain.eta") * spec.number("chain.stiffness")));
    }
    return spec;
  }

  private void line(String raw, int lineNo) {
    int hash = raw.indexOf('#');
    String s = hash >= 0 ? raw.substring(0, hash) : raw;
    if (s.isBlank()) return;
    int keyStart = firstNonSpace(s, 0);
    int eq = s.indexOf('=');
    if (eq < 0) throw new ArchError(new SourcePos(file, lineNo, keyStart + 1), "expected 'key = value', found '" + s.strip() + "'");
    String key = s.substring(0, eq).strip();
    SourcePos keyPos = new SourcePos(file, lineNo, keyStart + 1);
    if (key.isEmpty()) throw new ArchError(keyPos, "a key is missing before '='");
    SweepKey k = SweepKey.ALL.get(key);
    if (k == null) throw new ArchError(keyPos, "unknown key '" + key + "'" + suggestion(key));
    if (where.containsKey(key)) throw new ArchError(keyPos, "'" + key + "' is already set on line " + where.get(key).line());
    int valueStart = firstNonSpace(s, eq + 1);
    SourcePos valuePos = new SourcePos(file, lineNo, valueStart + 1);
    String value = s.substring(eq + 1).strip();
    if (value.isEmpty()) throw new ArchError(valuePos, "'" + key + "' needs a value (" + k.doc() + ")");
    where.put(key, valuePos);
    values.put(key, value(k, value, valuePos));
  }

  private Object value(SweepKey k, String text, SourcePos pos) {
    switch (k.kind()) {
      case NAME:
        if (!text.matches("[A-Za-z_][A-Za-z0-9_.-]*")) throw new ArchError(pos, "'" + k.name() + "' must be a name (letters, digits, _ . -), found '" + text + "'");
        return text;
      case INTEGER: {
        if (!text.matches("-?\\d+")) throw new ArchError(pos, "'" + k.name() + "' must be a whole number, found '" + text + "'");
        long n;
        try {
          n = Long.parseLong(text);
        } catch (NumberFormatException e) {
          throw new ArchError(pos, "'" + k.name() + "' is too large: '" + text + "'");
        }
        inRange(k, n, pos);
        return (int) n;
      }
      case NUMBER:
        return inRange(k, number(k, text, pos), pos);
      default:
        return list(k, text, pos);
    }
  }

  private double[] list(SweepKey k, String text, SourcePos pos) {
    String[] words = text.split("\\s+");
    if (words[0].equals("logspace") || words[0].equals("linspace")) {
      if (words.length != 4 || !words[3].matches("\\d+") || Integer.parseInt(words[3]) < 1 || Integer.parseInt(words[3]) > 1000) {
        throw new ArchError(pos, "expected '" + words[0] + " LO HI N' with 1 <= N <= 1000, found '" + text + "'");
      }
      double lo = inRange(k, number(k, words[1], pos), pos), hi = inRange(k, number(k, words[2], pos), pos);
      int n = Integer.parseInt(words[3]);
      boolean log = words[0].equals("logspace");
      if (log && lo <= 0) throw new ArchError(pos, "logspace needs LO > 0");
      if (n > 1 && hi <= lo) throw new ArchError(pos, "'" + k.name() + "': HI must be above LO");
      double[] out = new double[n];
      for (int i = 0; i < n; i++) {
        double t = n == 1 ? 0 : (double) i / (n - 1);
        out[i] = log ? lo * Math.pow(hi / lo, t) : lo + t * (hi - lo);
      }
      return out;
    }
    List<Double> out = new ArrayList<>();
    int offset = 0;
    for (String item : text.split(",", -1)) {
      int lead = item.length() - item.stripLeading().length();
      SourcePos itemPos = new SourcePos(pos.file(), pos.line(), pos.column() + offset + lead);
      offset += item.length() + 1;
      double v = inRange(k, number(k, item.strip(), itemPos), itemPos);
      if (!out.isEmpty() && v <= out.get(out.size() - 1)) throw new ArchError(itemPos, "the values of '" + k.name() + "' must increase");
      out.add(v);
    }
    return out.stream().mapToDouble(Double::doubleValue).toArray();
  }

  private static double number(SweepKey k, String text, SourcePos pos) {
    if (text.isEmpty()) throw new ArchError(pos, "a number is missing in '" + k.name() + "'");
    try {
      double v = Double.parseDouble(text);
      if (!Double.isFinite(v) || !text.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?")) throw new NumberFormatException();
      return v;
    } catch (NumberFormatException e) {
      throw new ArchError(pos, "'" + k.name() + "' expects a number, found '" + text + "'");
    }
  }

  private static double inRange(SweepKey k, double v, SourcePos pos) {
    boolean low = k.minExclusive() ? v <= k.min() : v < k.min();
    if (low || v > k.max()) throw new ArchError(pos, "'" + k.name() + "' must be " + k.range() + " (" + k.doc() + "), found " + plain(v));
    return v;
  }

  private static String suggestion(String key) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String name : SweepKey.names()) {
      int dist = distance(key, name);
      if (dist < bestDistance) {
        bestDistance = dist;
        best = name;
      }
    }
    return bestDistance <= 3 ? "; did you mean '" + best + "'?" : "; keys are name, chain.*, inertial.*, mlp.* (docs/spring-block.md lists them)";
  }

  /** Edit distance, for the suggestion. */
  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1], cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) prev[j] = j;
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        cur[j] = Math.min(Math.min(cur[j - 1], prev[j]) + 1, prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  private static int firstNonSpace(String s, int from) {
    int i = from;
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
    return i;
  }

  static String plain(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.6g", v).replaceFirst("0+$", "").replaceFirst("\\.$", "");
  }
}
