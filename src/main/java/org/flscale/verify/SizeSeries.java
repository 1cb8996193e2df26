package org.flscale.verify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flscale.math.Q;

/**
 * One way of tying the free scales to the base, scale -> q for scale = d^q; a run sweeps d along
 * each series. Several values given for a scale (--set L=d^(1/2) --set L=d^1) make one series per
 * combination, so that the sizes cover the free scales as well as d.
 */
public record SizeSeries(Map<String, Q> settings, String base) {

  /** Every combination of the values given per scale, in the order given. */
  public static List<SizeSeries> combinations(Map<String, List<Q>> values, String base) {
    List<Map<String, Q>> out = new ArrayList<>();
    out.add(new LinkedHashMap<>());
    for (Map.Entry<String, List<Q>> e : values.entrySet()) {
      List<Map<String, Q>> next = new ArrayList<>();
      for (Map<String, Q> m : out) {
        for (Q q : e.getValue()) {
          Map<String, Q> n = new LinkedHashMap<>(m);
          n.put(e.getKey(), q);
          next.add(n);
        }
      }
      out = next;
    }
    return out.stream().map(m -> new SizeSeries(m, base)).toList();
  }

  /** e.g. "L=d^1/2, N=d^1" ("" when nothing is free). */
  public String label() {
    List<String> parts = new ArrayList<>();
    settings.forEach((k, v) -> parts.add(k + "=" + base + "^" + fraction(v)));
    return String.join(", ", parts);
  }

  /** The label as a directory name: "L=d^1_2,N=d^1". */
  public String directoryName() {
    return label().replace(", ", ",").replace('/', '_');
  }

  public static String fraction(Q f) {
    return f.toString();
  }
}
