package org.flscale.verify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.fraction.BigFraction;
import org.flscale.math.Affine;
import org.flscale.model.ArchModel;
import org.flscale.model.Layer;
import org.flscale.rules.RuleBook;

/**
 * An .arch model made concrete for the verifier: every width a power d^q of the base scale (tied
 * in the file, or set with --set for free scales), the activations compiled from the rules, the
 * target degree and the readout scale of the parametrization. {@link #shape(int)} builds the
 * network at a given d.
 */
public final class ModelInstance {
  private final ArchModel model;
  private final List<BigFraction> widthExponents = new ArrayList<>();
  private final ActivationKernel[] kernels;
  private final Map<String, BigFraction> settings;

  public ModelInstance(ArchModel model, RuleBook rules, Map<String, BigFraction> set) {
    this.model = model;
    this.settings = new LinkedHashMap<>(set);
    for (String name : set.keySet()) {
      if (model.scale(name) == null) throw new IllegalArgumentException("--set " + name + ": the model has no scale " + name);
      if (!model.scale(name).isFree()) throw new IllegalArgumentException("--set " + name + ": scale " + name + " is not free (it is tied or the base)");
    }
    List<String> missing = model.freeScales().stream().filter(s -> !set.containsKey(s)).toList();
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("the model has free scale(s) " + String.join(", ", missing)
          + "; the verifier needs every width tied to " + model.baseScale() + ": pass e.g. --set " + missing.get(0) + "=" + model.baseScale() + "^1");
    }
    kernels = new ActivationKernel[model.layers().size()];
    for (int l = 0; l < model.layers().size(); l++) {
      Layer layer = model.layers().get(l);
      Affine e = model.widthExponent(l);
      for (Map.Entry<String, BigFraction> s : set.entrySet()) e = e.substitute(s.getKey(), Affine.constant(org.flscale.math.Q.of(s.getValue())));
      if (!e.isConstant()) throw new IllegalArgumentException("width of " + layer.name() + " is not tied to " + model.baseScale());
      widthExponents.add(e.constant().toBigFraction());
      kernels[l] = ActivationKernel.of(rules.activation(layer.activation()));
    }
    NetworkShape.readoutScale(model.parametrization().name(), 1); // rejects unknown parametrizations early
    threadSafe = java.util.Arrays.stream(kernels).allMatch(ModelInstance::usableFromAnotherThread);
  }

  private final boolean threadSafe;

  /**
   * False when an activation's formula uses a function the compiled evaluator does not know, so
   * that it falls back to the rule engine, which only its own thread may use: the cells then run
   * one after another on the calling thread.
   */
  public boolean threadSafe() {
    return threadSafe;
  }

  private static boolean usableFromAnotherThread(ActivationKernel k) {
    if (k.isFast()) return true;
    java.util.concurrent.atomic.AtomicBoolean ok = new java.util.concurrent.atomic.AtomicBoolean();
    Thread t = new Thread(() -> {
      try {
        double[] z = {0.3}, h = new double[1], dh = new double[1];
        k.apply(z, h, dh, 1);
        ok.set(true);
      } catch (RuntimeException e) {
        ok.set(false);
      }
    });
    t.start();
    try {
      t.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return ok.get();
  }

  public ArchModel model() {
    return model;
  }

  public String name() {
    return model.name();
  }

  public int targetDegree() {
    return model.target().degree();
  }

  public Map<String, BigFraction> settings() {
    return settings;
  }

  public List<BigFraction> widthExponents() {
    return widthExponents;
  }

  public int width(int layer, int d) {
    return (int) Math.max(1, Math.round(Math.pow(d, widthExponents.get(layer).doubleValue())));
  }

  public NetworkShape shape(int d) {
    int depth = widthExponents.size();
    int[] widths = new int[depth + 1];
    widths[0] = d;
    for (int l = 0; l < depth; l++) widths[l + 1] = width(l, d);
    return new NetworkShape(widths, kernels.clone(), NetworkShape.readoutScale(model.parametrization().name(), widths[depth]));
  }

  /** One line describing the network, e.g. "d -> erf(N=d^1) -> linear readout, standard". */
  public String describe() {
    StringBuilder sb = new StringBuilder(model.baseScale());
    for (int l = 0; l < kernels.length; l++) {
      Layer layer = model.layers().get(l);
      sb.append(" -> ").append(layer.activation()).append('(').append(layer.width()).append('=').append(model.baseScale())
          .append('^').append(widthExponents.get(l)).append(kernels[l].isFast() ? "" : ", slow generic kernel").append(')');
    }
    return sb.append(" -> linear readout, ").append(model.parametrization().name()).append(", target ")
        .append(model.target().display()).toString();
  }
}
