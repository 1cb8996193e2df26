package org.flscale.suite;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Compares an expected JSON document with an actual one: every field the expected document has
 * must be present with the same value (fields it leaves out are not checked); arrays must have
 * the same length and match element by element. Returns one readable line per difference.
 */
public final class JsonSubset {
  private JsonSubset() {}

  public static List<String> differences(JsonNode expected, JsonNode actual) {
    List<String> out = new ArrayList<>();
    compare("", expected, actual, out);
    return out;
  }

  private static void compare(String path, JsonNode exp, JsonNode act, List<String> out) {
    if (act == null || act.isMissingNode()) {
      out.add(where(path) + ": missing, expected " + exp);
      return;
    }
    if (exp.isObject()) {
      if (!act.isObject()) {
        out.add(where(path) + ": expected an object, got " + act);
        return;
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = exp.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        compare(path + "." + e.getKey(), e.getValue(), act.get(e.getKey()), out);
      }
    } else if (exp.isArray()) {
      if (!act.isArray()) {
        out.add(where(path) + ": expected a list, got " + act);
        return;
      }
      if (exp.size() != act.size()) {
        out.add(where(path) + ": expected " + exp.size() + " entries, got " + act.size() + " " + summary(act));
        return;
      }
      for (int i = 0; i < exp.size(); i++) compare(path + "[" + i + "]", exp.get(i), act.get(i), out);
    } else if (!exp.equals(act)) {
      out.add(where(path) + ": expected " + exp + ", got " + act);
    }
  }

  private static String summary(JsonNode arr) {
    List<String> names = new ArrayList<>();
    for (JsonNode n : arr) names.add(n.has("pattern") ? n.get("pattern").asText() : n.toString());
    String s = String.join(", ", names);
    return "(" + (s.length() > 200 ? s.substring(0, 200) + "..." : s) + ")";
  }

  private static String where(String path) {
    return path.isEmpty() ? "(root)" : path.substring(1);
  }
}
