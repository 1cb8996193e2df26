package org.flscale.verify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flscale.math.Q;

/**
 * One way of tying the free scales to the base: each scale d^q, or a fixed size at every d (the
 * paper's two heads: H = 2, i.e. q = 0 with a constant); a run sweeps d along each series. Several
 * values given for a scale (--set L=d^(1/2) --set L=d^1) make one series per combination, so that
 * the sizes cover the free scales as well as d.
 */
public record SizeSeries(Map<String, Size> sizes, String base) {
  /** d^exponent, or the fixed size (then the exponent is 0) when fixed is not null. */
  public record Size(Q exponent, Integer fixed) {
    public static Size power(Q q) {
      return new Size(q, null);
    }

    public static Size fixed(int n) {
      return new Size(Q.ZERO, n);
    }

    String label(String base) {
      return fixed != null ? String.valueOf(fixed) : base + "^" + exponent;
    }
  }

  /** Every combination of the values given per scale, in the order given. */
  public static List<SizeSeries> combinations(Map<String, List<Size>> values, String base) {
    List<Map<String, Size>> out = new ArrayList<>();
    out.add(new LinkedHashMap<>());
    for (Map.Entry<String, List<Size>> e : values.entrySet()) {
      List<Map<String, Size>> next = new ArrayList<>();
      for (Map<String, Size> m : out) {
        for (Size q : e.getValue()) {
          Map<String, Size> n = new LinkedHashMap<>(m);
          n.put(e.getKey(), q);
          next.add(n);
        }
      }
      out = next;
    }
    return out.stream().map(m -> new SizeSeries(m, base)).toList();
  }

  /** Each set scale's exponent in the base (0 for a fixed size): what the derivation is evaluated at. */
  public Map<String, Q> settings() {
    Map<String, Q> out = new LinkedHashMap<>();
    sizes.forEach((k, v) -> out.put(k, v.exponent()));
    return out;
  }

  /** The scales set to a fixed size. */
  public Map<String, Integer> fixed() {
    Map<String, Integer> out = new LinkedHashMap<>();
    sizes.forEach((k, v) -> {
      if (v.fixed() != null) out.put(k, v.fixed());
    });
    return out;
  }

  /** e.g. "L=d^1/2, H=2" ("" when nothing is set). */
  public String label() {
    List<String> parts = new ArrayList<>();
    sizes.forEach((k, v) -> parts.add(k + "=" + v.label(base)));
    return String.join(", ", parts);
  }

  /** The label as a directory name: "L=d^1_2,H=2". */
  public String directoryName() {
    return label().replace(", ", ",").replace('/', '_');
  }
}
