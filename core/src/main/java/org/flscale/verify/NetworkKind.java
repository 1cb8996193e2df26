package org.flscale.verify;

import org.flscale.model.ArchModel;

/**
 * A layer kind the verifier trains, registered by name in {@link NetworkKinds}: what it accepts,
 * which sizes it can use, and its network at a given d. Each network class holds its own.
 */
public interface NetworkKind {
  /** The kind's name in the .arch language ({@code Layer.kind()}). */
  String name();

  /** Why the verifier cannot train the model with this kind (one line), or null. */
  String unsupported(ArchModel model);

  /** Why the base size d cannot be used (a conv input must be whole patches), or null. */
  default String sizeProblem(ModelInstance m, int d) {
    return null;
  }

  /** The network at base size d; allocates nothing that grows with the sizes. */
  KindNetwork<?, ?> at(ModelInstance m, int d);

  /** How the target is read from a sample, appended to the one-line description (e.g. " read patch-wise"). */
  default String reading() {
    return "";
  }

  /** What the specialised-units record counts, group by group, for the report (threshold: the overlap that counts). */
  default String specialised(String threshold) {
    return "specialised neurons per layer (overlap > " + threshold + ")";
  }

  /** The check of the kinds that train single-index targets He_k(w.x): the product of several directions is refused. */
  static String singleIndexOnly(ArchModel model) {
    var term = model.target().terms().get(0);
    if (term.overTokens()) return "the verifier trains targets over token pairs with the attention layer only, not " + model.target().display();
    return term.multiIndex() ? "the verifier trains single-index targets He_k(w.x) only, not the product " + model.target().display() : null;
  }
}
