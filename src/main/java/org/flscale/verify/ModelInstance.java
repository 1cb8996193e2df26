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
    if (model.target().terms().size() > 1) {
      throw new IllegalArgumentException("the verifier trains one-term targets only; " + model.target().display() + " has "
          + model.target().terms().size() + " terms (derive it, or verify one term at a time)");
    }
    if (model.target().terms().get(0).multiIndex()) {
      throw new IllegalArgumentException("the verifier trains single-index targets He_k(w.x) only, not the product " + model.target().display());
    }
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
      widthExponents.add(tied(layer.width(), "width of " + layer.name()));
      kernels[l] = ActivationKernel.of(rules.activation(layer.activation()));
    }
    Layer first = model.layers().get(0);
    kind = first.kind();
    if (!kind.equals("dense") && !kind.equals("conv") && !kind.equals("attention")) {
      throw new IllegalArgumentException("the verifier trains dense, conv and attention layers, not " + kind);
    }
    for (Map.Entry<String, String> o : first.options().entrySet()) {
      if (!o.getKey().equals("width")) optionExponents.put(o.getKey(), tied(o.getValue(), o.getKey() + " of " + first.name()));
    }
    NetworkShape.readoutScale(model.parametrization().name(), 1); // rejects unknown parametrizations early
    threadSafe = java.util.Arrays.stream(kernels).allMatch(ModelInstance::usableFromAnotherThread);
  }

  /** The layer kind (the first layer's: conv and attention are a network's only hidden layer). */
  private final String kind;
  /** Exponents of the kind's other options (patch, patches, tokens) in the base scale. */
  private final Map<String, BigFraction> optionExponents = new LinkedHashMap<>();

  /** The exponent of a scale in the base once the --set values are substituted; it must be a number. */
  private BigFraction tied(String scale, String what) {
    Affine e = model.scale(scale).exponent();
    for (Map.Entry<String, BigFraction> s : settings.entrySet()) e = e.substitute(s.getKey(), Affine.constant(org.flscale.math.Q.of(s.getValue())));
    if (!e.isConstant()) throw new IllegalArgumentException(what + " is not tied to " + model.baseScale());
    return e.constant().toBigFraction();
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
    return power(d, widthExponents.get(layer));
  }

  private static int power(int d, BigFraction q) {
    return (int) Math.max(1, Math.round(Math.pow(d, q.doubleValue())));
  }

  public NetworkShape shape(int d) {
    int depth = widthExponents.size();
    int[] widths = new int[depth + 1];
    widths[0] = d;
    for (int l = 0; l < depth; l++) widths[l + 1] = width(l, d);
    return new NetworkShape(widths, kernels.clone(), NetworkShape.readoutScale(model.parametrization().name(), widths[depth]));
  }

  public String kind() {
    return kind;
  }

  /** The sizes at d of the kind's options other than the width (e.g. patch=4, patches=4; tokens=8), by option name. */
  public Map<String, Integer> optionSizes(int d) {
    Map<String, Integer> out = new LinkedHashMap<>();
    for (Map.Entry<String, BigFraction> e : optionExponents.entrySet()) out.put(e.getKey(), power(d, e.getValue()));
    return out;
  }

  /** Every non-base scale of the model at d (after rounding), by scale name: what the prediction is evaluated at. */
  public Map<String, Integer> scaleSizes(int d) {
    Map<String, Integer> out = new LinkedHashMap<>();
    for (var s : model.scales().values()) {
      if (s.name().equals(model.baseScale())) continue;
      out.put(s.name(), power(d, tied(s.name(), "scale " + s.name())));
    }
    return out;
  }

  /** Why d cannot be used (a conv input must be cut into whole patches), or null. */
  public String sizeProblem(int d) {
    if (!kind.equals("conv")) return null;
    Map<String, Integer> o = optionSizes(d);
    int p = o.get("patch"), n = o.get("patches");
    return p * n == d ? null : model.baseScale() + "=" + d + " is not patch x patches = " + p + " x " + n + " (choose d with patch patches = d, e.g. a square for patch = patches = d^(1/2))";
  }

  /** The network at d bound to its data: the training set of P samples and the test set of a seed. */
  public Trainable trainable(int d, int p, int seed, int testSize) {
    String problem = sizeProblem(d);
    if (problem != null) throw new IllegalArgumentException(problem);
    int degree = targetDegree(), n = width(0, d);
    String par = model.parametrization().name();
    switch (kind) {
      case "conv" -> {
        Map<String, Integer> o = optionSizes(d);
        int patch = o.get("patch"), patches = o.get("patches");
        ConvNetwork net = new ConvNetwork(n, patch, patches, kernels[0], NetworkShape.readoutScale(par, n * patches));
        return net.bind(TokenData.training(patches, patch, degree, p, seed), TokenData.test(patches, patch, degree, testSize, seed));
      }
      case "attention" -> {
        int tokens = optionSizes(d).get("tokens");
        AttentionNetwork net = new AttentionNetwork(d, n, tokens, kernels[0], NetworkShape.readoutScale(par, n));
        return net.bind(TokenData.training(tokens, d, degree, p, seed), TokenData.test(tokens, d, degree, testSize, seed));
      }
      default -> {
        return new DenseTrainable(new Network(shape(d)), SyntheticData.training(d, degree, p, seed), SyntheticData.test(d, degree, testSize, seed));
      }
    }
  }

  /** Multiply-adds of one forward pass per sample at d (for ordering and the time estimate). */
  public long macsPerSample(int d) {
    int n = width(0, d);
    return switch (kind) {
      case "conv" -> new ConvNetwork(n, optionSizes(d).get("patch"), optionSizes(d).get("patches"), kernels[0], 1).macsPerSample();
      case "attention" -> new AttentionNetwork(d, n, optionSizes(d).get("tokens"), kernels[0], 1).macsPerSample();
      default -> shape(d).macsPerSample();
    };
  }

  /** Units feeding the readout at d. */
  public int readoutWidth(int d) {
    int n = width(0, d);
    return kind.equals("conv") ? n * optionSizes(d).get("patches") : kind.equals("attention") ? n : shape(d).outputWidth();
  }

  /** The hidden widths at d, as recorded (dense: every layer; conv, attention: the width option). */
  public List<Integer> hiddenWidths(int d) {
    List<Integer> w = new ArrayList<>();
    for (int l = 0; l < widthExponents.size(); l++) w.add(width(l, d));
    return w;
  }

  /** Everything about the instance that changes a chain besides the sampler: widths and option exponents. */
  public String key() {
    return "widths=d^" + widthExponents + (optionExponents.isEmpty() ? "" : " " + kind + "=d^" + optionExponents);
  }

  /** One line describing the network, e.g. "d -> erf(N=d^1) -> linear readout, standard". */
  /** An exponent as the .arch language writes it: 1, (1/2), (-3/2). */
  private static String power(BigFraction q) {
    String s = org.flscale.math.Rationals.format(org.flscale.math.Q.of(q));
    return s.contains("/") || s.startsWith("-") ? "(" + s + ")" : s;
  }

  public String describe() {
    StringBuilder sb = new StringBuilder(model.baseScale());
    for (int l = 0; l < kernels.length; l++) {
      Layer layer = model.layers().get(l);
      sb.append(" -> ").append(layer.isDense() ? "" : layer.kind() + " ").append(layer.activation()).append('(').append(layer.width()).append('=').append(model.baseScale())
          .append('^').append(power(widthExponents.get(l)));
      for (Map.Entry<String, BigFraction> o : optionExponents.entrySet()) {
        sb.append(", ").append(o.getKey()).append(' ').append(layer.option(o.getKey())).append('=').append(model.baseScale()).append('^').append(power(o.getValue()));
      }
      sb.append(kernels[l].isFast() ? "" : ", slow generic kernel").append(')');
    }
    return sb.append(" -> linear readout, ").append(model.parametrization().name()).append(", target ")
        .append(model.target().display()).append(kind.equals("dense") ? "" : " read " + (kind.equals("conv") ? "patch" : "token") + "-wise").toString();
  }
}
