package org.flscale.verify;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The layer kinds the verifier trains, by name: the three built in, and every {@link NetworkKind}
 * named in a {@code META-INF/services/org.flscale.verify.NetworkKind} file on the class path (the
 * JDK's ServiceLoader), so that a new kind is one network class and one line in that file.
 */
public final class NetworkKinds {
  private static final Map<String, NetworkKind> KINDS = new LinkedHashMap<>();

  static {
    register(DenseNetwork.KIND);
    register(ConvNetwork.KIND);
    register(AttentionNetwork.KIND);
    for (NetworkKind k : java.util.ServiceLoader.load(NetworkKind.class)) register(k);
  }

  private NetworkKinds() {}

  private static void register(NetworkKind k) {
    NetworkKind before = KINDS.putIfAbsent(k.name(), k);
    if (before != null && before.getClass() != k.getClass()) {
      throw new IllegalStateException("two network classes train the layer kind '" + k.name() + "': " + before.getClass().getName()
          + " and " + k.getClass().getName());
    }
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
