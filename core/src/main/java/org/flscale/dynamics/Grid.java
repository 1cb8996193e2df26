package org.flscale.dynamics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flscale.math.Q;

/** The points of a sweep over the free scales' exponents: a line for one, a plane for two, one point for none. */
record Grid(List<String> axes, List<Q> values) {
  static Grid of(List<String> free, Q lo, Q hi, Q step) {
    if (free.size() > 2) throw new IllegalArgumentException("--verify sweeps at most two free scales (the file has " + free.size() + ": " + String.join(", ", free) + ")");
    List<Q> v = new ArrayList<>();
    for (Q x = lo; x.compareTo(hi) <= 0; x = x.add(step)) v.add(x);
    return new Grid(free, v);
  }

  int columns() {
    return axes.isEmpty() ? 1 : values.size();
  }

  int rows() {
    return axes.size() < 2 ? 1 : values.size();
  }

  /** The point of column c and row r. */
  Map<String, Q> point(int c, int r) {
    Map<String, Q> p = new LinkedHashMap<>();
    if (!axes.isEmpty()) p.put(axes.get(0), values.get(c));
    if (axes.size() > 1) p.put(axes.get(1), values.get(r));
    return p;
  }

  static String key(Map<String, Q> point) {
    StringBuilder sb = new StringBuilder();
    point.forEach((k, v) -> sb.append(k).append('=').append(v).append(','));
    return sb.toString();
  }

  List<String> labels() {
    List<String> out = new ArrayList<>();
    for (Q q : values) out.add(String.format(java.util.Locale.ROOT, "%.2f", q.doubleValue()));
    return out;
  }
}
