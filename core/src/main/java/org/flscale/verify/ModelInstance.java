package org.flscale.verify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.math3.fraction.BigFraction;
import org.flscale.math.Affine;
import org.flscale.math.Q;
import org.flscale.math.Rationals;
import org.flscale.model.ArchModel;
import org.flscale.model.Layer;
import org.flscale.rules.RuleBook;

/**
 * An .arch model made concrete for the verifier: every scale a power d^q of the base (tied in the
 * file, or set with --set for free scales), the activations compiled from the rules, and the
 * network kind ({@link NetworkKinds}) that builds the network at a given d. Nothing here depends
 * on which kind it is.
 */
public final class ModelInstance {
  /**
   * Largest size of any one scale the verifier will try to allocate: its buffers hold a few
   * doubles per unit and sample, so a scale past this cannot fit in any heap (and int indices overflow).
   */
  static final double MAX_SCALE_SIZE = 1 << 26;

  private final ArchModel model;
  private final NetworkKind kind;
  private final Map<String, Q> settings;
  private final Map<String, Integer> fixed;
  private final Map<String, Q> exponents = new LinkedHashMap<>();
  private final ActivationKernel[] kernels;
  private final boolean threadSafe;

  public ModelInstance(ArchModel model, RuleBook rules, Map<String, Q> set) {
    this(model, rules, set, Map.of());
  }

  /** fixed: scales set to one size at every d (their exponent in set is 0). */
  public ModelInstance(ArchModel model, RuleBook rules, Map<String, Q> set, Map<String, Integer> fixed) {
    this.model = model;
    this.settings = new LinkedHashMap<>(set);
    this.fixed = new LinkedHashMap<>(fixed);
    if (model.target().terms().size() > 1) {
      throw new IllegalArgumentException("the verifier trains one-term targets only; " + model.target().display() + " has "
          + model.target().terms().size() + " terms (derive it, or verify one term at a time)");
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
    for (String s : model.scales().keySet()) if (!s.equals(model.baseScale())) exponents.put(s, tied(s));
    this.kind = NetworkKinds.of(model.layers().get(0).kind());
    String why = kind.unsupported(model);
    if (why != null) throw new IllegalArgumentException(why);
    kernels = new ActivationKernel[model.layers().size()];
    for (int l = 0; l < kernels.length; l++) kernels[l] = kernel(rules, model.layers().get(l).activation());
    NetworkShape.readoutScale(model.parametrization().name(), 1); // rejects unknown parametrizations early
    threadSafe = Arrays.stream(kernels).allMatch(ActivationKernel::usableFromAnotherThread);
  }

  /**
   * The activation's kernel: a hand-written one when the rule's formula (cached with the rules, so
   * no Symja is started) is one of theirs, else the formula compiled by Symja.
   */
  private static ActivationKernel kernel(RuleBook rules, String activation) {
    ActivationKernel k = ActivationKernel.forFormula(activation, rules.activationContent(activation).formula());
    return k != null ? k : ActivationKernel.of(rules.activation(activation));
  }

  /** The exponent of a scale in the base once the --set values are substituted; it must be a number. */
  private Q tied(String scale) {
    Affine e = model.scale(scale).exponent();
    for (Map.Entry<String, Q> s : settings.entrySet()) e = e.substitute(s.getKey(), Affine.constant(s.getValue()));
    if (!e.isConstant()) throw new IllegalArgumentException("scale " + scale + " is not tied to " + model.baseScale());
    return e.constant();
  }

  /**
   * False when an activation's formula uses a function the compiled evaluator does not know, so
   * that it falls back to the rule engine, which only its own thread may use: the cells then run
   * one after another on the calling thread.
   */
  public boolean threadSafe() {
    return threadSafe;
  }

  public ArchModel model() {
    return model;
  }

  public String name() {
    return model.name();
  }

  public NetworkKind kind() {
    return kind;
  }

  public int targetDegree() {
    return model.target().degree();
  }

  public Map<String, Q> settings() {
    return settings;
  }

  /** The activation of hidden layer l (0-based). */
  public ActivationKernel kernel(int layer) {
    return kernels[layer];
  }

  /** The readout scale of the parametrization for that fan-in. */
  public double readoutScale(int fanIn) {
    return NetworkShape.readoutScale(model.parametrization().name(), fanIn);
  }

  /** The size of a scale at d, d^q rounded (at least 1, at most Integer.MAX_VALUE: {@link #sizeProblem} refuses such sizes first). */
  public int size(String scale, int d) {
    if (scale.equals(model.baseScale())) return d;
    if (fixed.containsKey(scale)) return fixed.get(scale);
    double v = Math.pow(d, exponents.get(scale).doubleValue());
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, Math.round(v)));
  }

  /** The width of hidden layer l at d. */
  public int width(int layer, int d) {
    return size(model.layers().get(layer).width(), d);
  }

  /** The dense network of the layers at d (every layer has a width). */
  public NetworkShape shape(int d) {
    int depth = kernels.length;
    int[] widths = new int[depth + 1];
    widths[0] = d;
    for (int l = 0; l < depth; l++) widths[l + 1] = width(l, d);
    return new NetworkShape(widths, kernels.clone(), readoutScale(widths[depth]));
  }

  /** The sizes at d of the first layer's options other than the width (e.g. patch=4, patches=4; tokens=8), by option name. */
  public Map<String, Integer> optionSizes(int d) {
    Map<String, Integer> out = new LinkedHashMap<>();
    for (Map.Entry<String, String> o : layerOptions().entrySet()) out.put(o.getKey(), size(o.getValue(), d));
    return out;
  }

  /** The first layer's options other than the width: option -> scale. */
  private Map<String, String> layerOptions() {
    Map<String, String> out = new LinkedHashMap<>(model.layers().get(0).options());
    out.remove("width");
    return out;
  }

  /** Every non-base scale of the model at d (after rounding), by scale name: what the prediction is evaluated at. */
  public Map<String, Integer> scaleSizes(int d) {
    Map<String, Integer> out = new LinkedHashMap<>();
    for (String s : exponents.keySet()) out.put(s, size(s, d));
    return out;
  }

  /** Why the kind cannot use d (a conv input must be whole patches), or null; the ladder is moved by this. */
  public String kindProblem(int d) {
    return kind.sizeProblem(this, d);
  }

  /** Why d cannot be used: a scale too large to allocate, or the kind's reason; null when it can. */
  public String sizeProblem(int d) {
    for (Map.Entry<String, Q> e : exponents.entrySet()) {
      double log10 = fixed.containsKey(e.getKey()) ? Math.log10(fixed.get(e.getKey())) : e.getValue().doubleValue() * Math.log10(d);
      if (log10 > Math.log10(MAX_SCALE_SIZE)) {
        return String.format(Locale.ROOT, "scale %s = %s^%s is about 10^%.0f at %s = %d: far too large to allocate (at most %.0f)",
            e.getKey(), model.baseScale(), power(e.getValue()), Math.floor(log10), model.baseScale(), d, MAX_SCALE_SIZE);
      }
    }
    return kindProblem(d);
  }

  /** The network at d (no data, nothing large allocated). */
  public KindNetwork<?, ?> network(int d) {
    String problem = sizeProblem(d);
    if (problem != null) throw new IllegalArgumentException(problem);
    return kind.at(this, d);
  }

  /** The network at d bound to its data: the training set of P samples and the test set of a seed. */
  public Trainable trainable(int d, int p, int seed, int testSize) {
    return network(d).bind(p, testSize, seed);
  }

  /** The same with the passes in the given precision (FP32: {@link FloatDenseNetwork}, dense kind only). */
  public Trainable trainable(int d, int p, int seed, int testSize, Precision precision) {
    if (precision == Precision.FP64) return trainable(d, p, seed, testSize);
    return FloatDenseNetwork.bind(network(d), p, testSize, seed);
  }

  /** Multiply-adds of one forward pass per sample at d (for ordering and the time estimate). */
  public double macsPerSample(int d) {
    return network(d).macsPerSample();
  }

  /** Units feeding the readout at d. */
  public int readoutWidth(int d) {
    return network(d).readoutWidth();
  }

  /** The hidden widths at d, as recorded. */
  public List<Integer> hiddenWidths(int d) {
    int[] w = network(d).widths();
    List<Integer> out = new ArrayList<>();
    for (int i = 1; i < w.length; i++) out.add(w[i]);
    return out;
  }

  /** Everything about the instance that changes a chain besides the sampler: widths and option exponents. */
  public String key() {
    List<BigFraction> widths = new ArrayList<>();
    for (Layer l : model.layers()) if (l.width() != null) widths.add(exponents.get(l.width()).toBigFraction());
    Map<String, BigFraction> options = new LinkedHashMap<>();
    layerOptions().forEach((o, s) -> options.put(o, exponents.get(s).toBigFraction()));
    // BigFraction's toString keeps the keys of results written before exponents were Q
    return "widths=d^" + widths + (options.isEmpty() ? "" : " " + kind.name() + "=d^" + options) + (fixed.isEmpty() ? "" : " fixed=" + fixed);
  }

  /** "=d^(1/2)" for a power of the base, "=2" for a fixed size. */
  private String sizeOf(String scale) {
    return fixed.containsKey(scale) ? "=" + fixed.get(scale) : "=" + model.baseScale() + "^" + power(exponents.get(scale));
  }

  /** An exponent as the .arch language writes it: 1, (1/2), (-3/2). */
  private static String power(Q q) {
    String s = Rationals.format(q);
    return s.contains("/") || s.startsWith("-") ? "(" + s + ")" : s;
  }

  /** One line describing the network, e.g. "d -> erf(N=d^1) -> linear readout, standard, target He3(w.x)". */
  public String describe() {
    String base = model.baseScale();
    StringBuilder sb = new StringBuilder(base);
    for (int l = 0; l < kernels.length; l++) {
      Layer layer = model.layers().get(l);
      sb.append(" -> ").append(layer.isDense() ? "" : layer.kind() + " ").append(layer.activation()).append('(');
      List<String> parts = new ArrayList<>();
      if (layer.width() != null) parts.add(layer.width() + sizeOf(layer.width()));
      if (l == 0) layerOptions().forEach((o, s) -> parts.add(o + " " + s + sizeOf(s)));
      sb.append(String.join(", ", parts)).append(kernels[l].isFast() ? "" : ", slow generic kernel").append(')');
    }
    if (model.readout() != null) sb.append(" -> linear readout");
    return sb.append(", ").append(model.parametrization().name()).append(", target ").append(model.target().display()).append(kind.reading()).toString();
  }
}
