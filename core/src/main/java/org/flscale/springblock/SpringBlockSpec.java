package org.flscale.springblock;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flscale.springblock.chain.ChainPhaseDiagram;
import org.flscale.springblock.chain.InertialChain;
import org.flscale.springblock.mlp.MixtureTask;
import org.flscale.springblock.mlp.MlpTrainer;
import org.flscale.springblock.mlp.NoiseKind;

/** A read .sweep file: every key's value (the file's or the default), and the settings built from them. */
public final class SpringBlockSpec {
  private final Map<String, Object> values;

  SpringBlockSpec(Map<String, Object> values) {
    this.values = Map.copyOf(values);
  }

  public String name() {
    return (String) values.get("name");
  }

  public int integer(String key) {
    return (Integer) get(key);
  }

  public double number(String key) {
    return (Double) get(key);
  }

  public double[] list(String key) {
    return ((double[]) get(key)).clone();
  }

  private Object get(String key) {
    Object v = values.get(key);
    if (v == null) throw new IllegalArgumentException("no key " + key);
    return v;
  }

  public ChainPhaseDiagram.Settings chain() {
    return new ChainPhaseDiagram.Settings(integer("chain.blocks"), number("chain.stiffness"), number("chain.eta"),
        integer("chain.steps"), list("chain.friction"), list("chain.noise"), integer("chain.seeds"));
  }

  /** The second-order chain at one noise amplitude. */
  public InertialChain.Params inertial(double noise) {
    return new InertialChain.Params(integer("chain.blocks"), number("inertial.mass"), number("inertial.damping"),
        number("chain.stiffness"), number("inertial.mu_right"), number("inertial.mu_left"), noise, number("inertial.decay"),
        number("inertial.dt"), integer("inertial.steps"));
  }

  public MixtureTask.Spec task() {
    return new MixtureTask.Spec(integer("mlp.input"), integer("mlp.classes"), integer("mlp.clusters_per_class"),
        integer("mlp.subspace"), number("mlp.radius"), number("mlp.sigma"), integer("mlp.task_seed"));
  }

  public MlpTrainer.Settings mlp() {
    return new MlpTrainer.Settings(integer("mlp.depth") - 1, integer("mlp.width"), integer("mlp.train"), integer("mlp.test"),
        integer("mlp.steps"), number("mlp.lr"));
  }

  /** One noise setting of the network's diagrams: the kind and its level. */
  public record Noise(NoiseKind kind, double level) {}

  /** The noise-free setting, then the label-noise levels, then the dropout rates. */
  public List<Noise> noises() {
    List<Noise> out = new ArrayList<>();
    out.add(new Noise(NoiseKind.NONE, 0));
    for (double p : list("mlp.label_noise")) out.add(new Noise(NoiseKind.LABEL, p));
    for (double p : list("mlp.dropout")) out.add(new Noise(NoiseKind.DROPOUT, p));
    return out;
  }

  /** Everything that changes an MLP run's result besides its cell: the store keeps lines only under the same text. */
  public String mlpSettingsKey() {
    StringBuilder sb = new StringBuilder();
    for (String k : SweepKey.names()) {
      if (!k.startsWith("mlp.") || k.equals("mlp.nonlinearity") || k.equals("mlp.label_noise") || k.equals("mlp.dropout")
          || k.equals("mlp.seeds")) {
        continue;
      }
      sb.append(k.substring(4)).append('=').append(values.get(k) instanceof Double d ? SweepFile.plain(d) : values.get(k)).append(' ');
    }
    return sb.toString().strip();
  }
}
