package org.flscale.model;

import java.util.Map;
import org.flscale.math.Affine;
import org.flscale.math.Q;

/**
 * A file with a {@code dynamics KIND { ... }} block: the training dynamics of a solvable model
 * (docs/exact-linear.md, docs/unbalanced-init.md). Each entry's value is a signed monomial in the
 * scales: {@code sign * coefficient * base^exponent}, the exponent affine over the free scales.
 */
public record DynamicsSpec(String name, String file, String base, Map<String, Scale> scales, String kind,
    Map<String, Value> entries, SourcePos kindPos) {

  /** One entry: its key ("init u", "lr_ratio"), the value and where it was written. */
  public record Value(String key, int sign, double coefficient, Affine exponent, String text, SourcePos pos) {
    public boolean isZero() {
      return sign == 0;
    }
  }

  public Value entry(String key) {
    return entries.get(key);
  }

  /** The free scales' names (the axes of a phase diagram), in the file's order. */
  public java.util.List<String> freeScales() {
    return scales.values().stream().filter(Scale::isFree).map(Scale::name).toList();
  }

  /** The value of an entry at a point: the base's value and each free scale's exponent. */
  public double numeric(String key, double baseValue, Map<String, Q> free) {
    Value v = entries.get(key);
    if (v.isZero()) return 0;
    return v.sign() * v.coefficient() * Math.pow(baseValue, v.exponent().eval(free).doubleValue());
  }
}
