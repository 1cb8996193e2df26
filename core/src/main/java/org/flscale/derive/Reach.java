package org.flscale.derive;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.flscale.model.ArchModel;
import org.flscale.model.Target;
import org.flscale.rules.ActivationContent;
import org.flscale.rules.DegreeSets;

/** What each layer's kernel can represent, in words, and why a target is out of reach. */
final class Reach {
  private Reach() {}

  static List<String> describe(ArchModel model, EnergyBuilder builder) {
    List<String> out = new ArrayList<>();
    for (int l = 0; l < model.layers().size(); l++) {
      ActivationContent act = builder.activations().get(l);
      BitSet r = builder.reachable().get(l + 1);
      boolean finite = true;
      for (int i = 0; i <= l; i++) finite &= builder.activations().get(i).polynomial();
      var layer = model.layers().get(l);
      String kind = layer.isDense() ? "" : layer.kind() + " ";
      if (model.input().hasTokens()) {
        out.add(layer.name() + " (" + layer.kind() + ", " + act.name() + " values: " + act.describeDegrees()
            + ") represents terms of query degree n and key degree n + j, j a degree of its values");
        continue;
      }
      out.add(layer.name() + " (" + kind + act.name() + ": " + act.describeDegrees() + ") represents "
          + DegreeSets.describe(r, finite));
    }
    return out;
  }

  static String whyNot(ArchModel model, EnergyBuilder builder) {
    if (model.input().hasTokens()) {
      Target.Term t = model.target().terms().get(0);
      int n = t.degree(Target.Factor.QUERY);
      return "the term " + t.display() + " has degree " + n + " in the query token and " + t.degree(Target.Factor.KEY)
          + " in the key token; the " + model.layers().get(0).kind() + " head reaches degree n in the query token through its score and n + j in "
          + "the key token, j a degree of its " + builder.activations().get(0).name() + " values ("
          + builder.activations().get(0).describeDegrees() + ")";
    }
    int k = model.target().degree();
    int last = model.layers().size() - 1;
    StringBuilder sb = new StringBuilder();
    sb.append("the target ").append(model.target().display()).append(" needs Hermite degree ").append(k)
        .append(", which the network cannot represent: ");
    List<String> parts = new ArrayList<>();
    for (int l = 0; l <= last; l++) {
      ActivationContent act = builder.activations().get(l);
      boolean finite = true;
      for (int i = 0; i <= l; i++) finite &= builder.activations().get(i).polynomial();
      var layer = model.layers().get(l);
      parts.add(layer.name() + " = " + (layer.isDense() ? "" : layer.kind() + " ") + act.name() + "(...) has " + act.describeDegrees()
          + " and represents " + DegreeSets.describe(builder.reachable().get(l + 1), finite));
    }
    sb.append(String.join("; ", parts)).append(". No pattern of feature learning can create a degree the kernels lack.");
    return sb.toString();
  }
}
