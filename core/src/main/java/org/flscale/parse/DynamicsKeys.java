package org.flscale.parse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The entries each kind of 'dynamics' block takes, with how each is written. */
final class DynamicsKeys {
  /**
   * @param op "=" for a value, "~" for an initial variance
   * @param growing the value must be a positive power of the base (a width)
   */
  record Key(String name, String op, boolean required, boolean growing, boolean negativeAllowed, boolean zeroAllowed, String example) {}

  private static final Map<String, List<Key>> KINDS = new LinkedHashMap<>();

  static {
    KINDS.put("exact_linear", List.of(
        new Key("width", "=", true, true, false, false, "width = @"),
        new Key("init u", "~", true, false, false, false, "init u ~ @^(-1)"),
        new Key("init w", "~", true, false, false, false, "init w ~ @^0"),
        new Key("output_scale", "=", true, false, false, false, "output_scale = @^(-1/2)"),
        new Key("lr_ratio", "=", true, false, false, false, "lr_ratio = @^0"),
        new Key("beta", "=", false, false, true, false, "beta = 1")));
    KINDS.put("unbalanced", List.of(
        new Key("delta", "=", true, false, true, true, "delta = @^1"),
        new Key("init", "~", true, false, false, false, "init ~ @^(-1)"),
        new Key("beta", "=", false, false, false, false, "beta = 1")));
  }

  private DynamicsKeys() {}

  static List<Key> of(String kind) {
    return KINDS.get(kind);
  }

  static List<String> kinds() {
    return List.copyOf(KINDS.keySet());
  }
}
