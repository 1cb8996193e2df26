package org.flscale.dynamics;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.flscale.math.Q;
import org.flscale.model.DynamicsSpec;
import org.flscale.rules.RuleBook;

/** The derivation of a dynamics file as text and JSON: exponents as exact rationals (or forms in the free scales). */
public final class DynamicsReport {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private DynamicsReport() {}

  public static ObjectNode json(DynamicsSpec spec, RuleBook rules) {
    ObjectNode out = MAPPER.createObjectNode();
    out.put("model", spec.name());
    out.put("dynamics", spec.kind());
    out.put("base", spec.base());
    boolean tied = spec.freeScales().isEmpty();
    Map<String, Q> none = Map.of();
    if (spec.kind().equals("exact_linear")) {
      ExactLinearTheory t = ExactLinearTheory.derive(spec, rules);
      put(out, "ratio_exponent", t.ratio(), tied);
      put(out, "kernel_change_exponent", t.change(), tied);
      if (tied) {
        out.put("regime", t.regime(none));
        t.mechanisms(none).forEach(out.putArray("mechanisms")::add);
      } else {
        out.put("regime", "kernel where ratio_exponent > 0, feature_learning where < 0, critical where = 0");
      }
    } else {
      UnbalancedTheory t = UnbalancedTheory.derive(spec, rules);
      out.put("delta_sign", t.deltaSign());
      put(out, "learn_time_exponent", t.learnTime(), tied);
      put(out, "align_time_exponent", t.alignTime(), tied);
      put(out, "magnitude_time_exponent", t.magnitudeTime(), tied);
      put(out, "kernel_distance_exponent", t.kernelDistance(), tied);
      if (tied) out.put("regime", t.regime(none));
    }
    return out;
  }

  private static void put(ObjectNode out, String key, ExponentForm f, boolean tied) {
    out.put(key, tied ? f.at(Map.of()).toString() : f.toString());
  }

  public static String text(DynamicsSpec spec, RuleBook rules) {
    ObjectNode j = json(spec, rules);
    StringBuilder sb = new StringBuilder(spec.name() + "  (" + spec.file() + ")\n");
    sb.append("  dynamics ").append(spec.kind()).append(", exponents of ").append(spec.base());
    if (!spec.freeScales().isEmpty()) sb.append(" (free: ").append(String.join(", ", spec.freeScales())).append(")");
    sb.append('\n');
    j.fields().forEachRemaining(e -> {
      if (!e.getKey().equals("model") && !e.getKey().equals("dynamics") && !e.getKey().equals("base")) {
        sb.append(String.format("  %-26s %s%n", e.getKey(), e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString()));
      }
    });
    return sb.toString();
  }
}
