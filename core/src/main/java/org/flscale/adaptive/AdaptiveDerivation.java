package org.flscale.adaptive;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flscale.math.Affine;
import org.flscale.model.ArchError;
import org.flscale.model.ArchModel;
import org.flscale.model.Layer;
import org.flscale.model.Parametrization;

/**
 * The adaptive theory applied to one .arch file: the rules' exponents (AdaptiveBalance, in N, P, d,
 * chi) with the file's width, input dimension and chi put in. P stays a symbol: it is the number of
 * samples. The theory is about one hidden linear layer and a linear (He1) target; anything else is an
 * error that points at the statement.
 */
public record AdaptiveDerivation(ArchModel model, AdaptiveBalance balance, Map<String, Affine> substitution) {
  /** One derived quantity: its name, its exponent in the theory's symbols, and in the file's scales. */
  public record Line(String key, String what, Affine theory, Affine file) {}

  public static AdaptiveDerivation of(ArchModel model, AdaptiveBalance balance) {
    checkApplies(model);
    Map<String, Affine> sub = new LinkedHashMap<>();
    Affine width = model.tied(model.widthExponent(0));
    sub.put(AdaptiveBalance.N, width);
    sub.put(AdaptiveBalance.D, model.tied(model.scale(model.input().dimension()).exponent()));
    sub.put(AdaptiveBalance.CHI, chi(model.parametrization(), width, model));
    return new AdaptiveDerivation(model, balance, sub);
  }

  /** chi's exponent: 0 in standard, the width's in mean field, the file's value otherwise. */
  static Affine chi(Parametrization p, Affine width, ArchModel model) {
    if (p.hasChi()) return model.tied(p.chi());
    return switch (p.name()) {
      case "standard" -> Affine.ZERO;
      case "mean_field" -> width;
      default -> throw new ArchError(p.pos(), "the adaptive theory knows chi for standard (chi = 1), mean_field (chi = N) and "
          + "'parametrization chi = S^q', not '" + p.name() + "'");
    };
  }

  private static void checkApplies(ArchModel m) {
    if (m.layers().size() != 1) {
      throw new ArchError(m.layers().get(1).pos(), "the adaptive theory is for one hidden layer; this network has "
          + m.layers().size() + " (write 'h1 = linear(W1 x) width N' and 'f = a . h1')");
    }
    Layer h = m.layers().get(0);
    if (!h.isDense() || !h.activation().equals("linear")) {
      throw new ArchError(h.pos(), "the adaptive theory is for a linear network: write 'h1 = linear(W1 x) width N' (this layer is "
          + (h.isDense() ? "" : h.kind() + " ") + h.activation() + ")");
    }
    if (!m.target().single() || m.target().degree() != 1) {
      throw new ArchError(m.target().pos(), "a linear network learns only a linear target: write 'target y = He1(w . x)'");
    }
    if (m.input().hasTokens()) throw new ArchError(m.input().pos(), "the adaptive theory's input is one vector: 'input x : gaussian(d)'");
  }

  /** The file's value of an exponent in N, P, d, chi: N, d and chi replaced, P kept. */
  public Affine inFile(Affine theory) {
    Affine a = theory;
    for (var e : substitution.entrySet()) a = a.substitute(e.getKey(), e.getValue());
    return a;
  }

  /** chi's exponent in the file's scales. */
  public Affine chiExponent() {
    return substitution.get(AdaptiveBalance.CHI);
  }

  /** The derived quantities in order, each in the theory's symbols and in the file's scales. */
  public List<Line> lines() {
    AdaptiveBalance b = balance;
    List<Line> out = new ArrayList<>();
    add(out, "kernel_shift", "kernel shift Q - 1 (below the crossover)", b.shift());
    add(out, "adaptation_samples", "samples P at which Q adapts by O(1)", b.adaptSamples());
    add(out, "kernel_scale_beyond", "kernel scale Q beyond the crossover", b.largeQ());
    add(out, "spike", "teacher spike S (below the crossover)", b.spikeLazy());
    add(out, "spike_fixed_data", "teacher spike S at fixed P and d", fixedData(b.spikeLazy()));
    add(out, "spike_beyond", "teacher spike S beyond the crossover", b.spikeAdapted());
    add(out, "tree_level_error", "tree-level error / finite-width effect", b.treeError());
    return out;
  }

  private void add(List<Line> out, String key, String what, Affine theory) {
    out.add(new Line(key, what, theory, inFile(theory)));
  }

  /** The part of an exponent that does not involve P or d: its dependence on N and chi alone. */
  static Affine fixedData(Affine a) {
    return a.substitute(AdaptiveBalance.P, Affine.ZERO).substitute(AdaptiveBalance.D, Affine.ZERO);
  }

  /** Whether tree level is accurate: its relative error vanishes as the scales grow (exponent < 0 somewhere, never > 0). */
  public String treeLevelVerdict() {
    Affine e = inFile(balance.treeError());
    if (e.isConstant()) {
      int s = e.constant().signum();
      return s < 0 ? "accurate (its error vanishes against the effect)" : s == 0
          ? "fails: its error is of the order of the whole finite-width effect" : "fails: its error exceeds the effect";
    }
    return "accurate where the exponent is negative, fails where it is >= 0";
  }
}
