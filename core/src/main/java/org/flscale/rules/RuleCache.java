package org.flscale.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.flscale.model.KnownNames;

/**
 * What the rules answered, kept in a JSON file keyed by a hash of the rule files: the names they
 * declare, the activations' Hermite content and the templates asked for. Written atomically; a
 * file of another format or hash, or one that cannot be read, is as good as none.
 */
final class RuleCache {
  private RuleCache() {}

  static final int CACHE_FORMAT = 3;
  private static final ObjectMapper JSON = new ObjectMapper();

  record Contents(KnownNames known, Map<String, ActivationContent> contents, Map<String, Template> templates) {}

  /** Writes what was learned from Symja to the cache file (quietly skipped when it cannot). */
  static boolean write(Path cacheFile, String hash, Contents c) {
    KnownNames known = c.known();
    try {
      ObjectNode root = JSON.createObjectNode();
      root.put("format", CACHE_FORMAT);
      root.put("rules", hash);
      ObjectNode names = root.putObject("names");
      known.activations().forEach(names.putArray("activations")::add);
      known.patterns().forEach(names.putArray("patterns")::add);
      known.parametrizations().forEach(names.putArray("parametrizations")::add);
      known.distributions().forEach(names.putArray("distributions")::add);
      known.lazyReadings().forEach(names.putArray("lazyReadings")::add);
      ObjectNode kinds = names.putObject("kinds");
      for (KnownNames.LayerKind kind : known.kinds().values()) {
        ObjectNode k = kinds.putObject(kind.name());
        kind.options().forEach(k.putArray("options")::add);
        kind.weights().forEach(k.putArray("weights")::add);
        kind.inputOptions().forEach(k.putArray("inputOptions")::add);
        k.put("onlyLayer", kind.onlyLayer());
        if (kind.valueActivation() != null) k.put("valueActivation", kind.valueActivation());
      }
      ObjectNode acts = root.putObject("activations");
      for (ActivationContent act : c.contents().values()) {
        ObjectNode a = acts.putObject(act.name());
        a.put("formula", act.formula());
        a.put("polynomial", act.polynomial());
        ArrayNode deg = a.putArray("degrees");
        act.degrees().stream().forEach(deg::add);
      }
      ObjectNode tpl = root.putObject("templates");
      c.templates().forEach((k, v) -> tpl.put(k, v.toString()));
      Files.createDirectories(cacheFile.getParent());
      Path tmp = Files.createTempFile(cacheFile.getParent(), "rules-", ".tmp");
      Files.writeString(tmp, JSON.writeValueAsString(root));
      Files.move(tmp, cacheFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      return true;
    } catch (IOException | RuntimeException e) {
      return false; // a cache is an optimisation: a read-only home must not break a derivation
    }
  }

  static Contents read(Path cacheFile, String hash) {
    if (!Files.isRegularFile(cacheFile)) return null;
    try {
      JsonNode root = JSON.readTree(cacheFile.toFile());
      if (root.path("format").asInt() != CACHE_FORMAT || !hash.equals(root.path("rules").asText())) return null;
      Map<String, ActivationContent> contents = new LinkedHashMap<>();
      Map<String, Template> templates = new LinkedHashMap<>();
      JsonNode n = root.get("names");
      Map<String, KnownNames.LayerKind> kinds = new LinkedHashMap<>();
      n.get("kinds").fields().forEachRemaining(e -> kinds.put(e.getKey(), new KnownNames.LayerKind(e.getKey(),
          strings(e.getValue().get("options")), strings(e.getValue().get("inputOptions")), strings(e.getValue().get("weights")),
          e.getValue().get("onlyLayer").asBoolean(),
          e.getValue().has("valueActivation") ? e.getValue().get("valueActivation").asText() : null)));
      KnownNames known = new KnownNames(new TreeSet<>(strings(n.get("activations"))), strings(n.get("patterns")),
          new TreeSet<>(strings(n.get("parametrizations"))), new LinkedHashSet<>(strings(n.get("distributions"))), kinds,
          strings(n.get("lazyReadings")), RuleBook.MAX_DEGREE);
      root.get("activations").fields().forEachRemaining(e -> {
        BitSet deg = new BitSet();
        e.getValue().get("degrees").forEach(d -> deg.set(d.asInt()));
        contents.put(e.getKey(), new ActivationContent(e.getKey(), e.getValue().get("formula").asText(), deg,
            e.getValue().get("polynomial").asBoolean()));
      });
      root.get("templates").fields().forEachRemaining(e -> templates.put(e.getKey(), Template.parse(e.getValue().asText())));
      return new Contents(known, contents, templates);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static List<String> strings(JsonNode arr) {
    List<String> out = new ArrayList<>();
    arr.forEach(x -> out.add(x.asText()));
    return out;
  }
}
