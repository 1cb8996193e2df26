package org.flscale.verify;

import java.util.LinkedHashMap;
import java.util.Map;

/** The layer kinds the verifier trains, by name: adding a kind is one network class and one entry here. */
public final class NetworkKinds {
  private static final Map<String, NetworkKind> KINDS = new LinkedHashMap<>();

  static {
    register(DenseNetwork.KIND);
    register(ConvNetwork.KIND);
    register(AttentionNetwork.KIND);
  }

  private NetworkKinds() {}

  private static void register(NetworkKind k) {
    KINDS.put(k.name(), k);
  }

  /** The kind of that name; an IllegalArgumentException naming the known kinds otherwise. */
  public static NetworkKind of(String name) {
    NetworkKind k = KINDS.get(name);
    if (k == null) throw new IllegalArgumentException("the verifier trains " + names() + " layers, not " + name);
    return k;
  }

  /** "dense, conv and attention". */
  static String names() {
    String[] n = KINDS.keySet().toArray(new String[0]);
    if (n.length == 1) return n[0];
    return String.join(", ", java.util.Arrays.copyOf(n, n.length - 1)) + " and " + n[n.length - 1];
  }
}
