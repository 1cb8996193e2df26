package org.flscale.springblock;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The keys of a .sweep file, with their kind, default and allowed range. Every key has a default,
 * so a file only says what it changes. A list is "a, b, c" or "logspace LO HI N" (N values from
 * LO to HI, equally spaced in log) or "linspace LO HI N"; its values must increase.
 */
public record SweepKey(String name, Kind kind, String defaultText, double min, double max, boolean minExclusive, String doc) {
  public enum Kind { INTEGER, NUMBER, LIST, NAME }

  static final Map<String, SweepKey> ALL = new LinkedHashMap<>();

  private static void key(String name, Kind kind, String def, double min, double max, boolean minExclusive, String doc) {
    ALL.put(name, new SweepKey(name, kind, def, min, max, minExclusive, doc));
  }

  static {
    double big = 1e9;
    key("name", Kind.NAME, "spring_block", 0, 0, false, "the sweep's name (the default results directory)");
    key("chain.blocks", Kind.INTEGER, "7", 2, 1000, false, "blocks L of the chain (one per hidden layer)");
    key("chain.stiffness", Kind.NUMBER, "1", 0, big, true, "spring stiffness k");
    key("chain.eta", Kind.NUMBER, "0.25", 0, big, true, "step size of the first-order chain (eta k <= 1/2)");
    key("chain.steps", Kind.INTEGER, "4000", 10, 10_000_000, false, "steps per chain run (the profile averages the second half)");
    key("chain.friction", Kind.LIST, "logspace 0.003 0.5 12", 0, big, true, "friction mu of the phase diagram (columns)");
    key("chain.noise", Kind.LIST, "logspace 0.0005 1 16", 0, big, true, "noise eps of the phase diagram (rows)");
    key("chain.seeds", Kind.INTEGER, "4", 1, 1000, false, "seeds per chain cell");
    key("inertial.mass", Kind.NUMBER, "1", 0, big, true, "mass m of the second-order chain");
    key("inertial.damping", Kind.NUMBER, "0.5", 0, big, false, "damping gamma");
    key("inertial.mu_right", Kind.NUMBER, "0.02", 0, big, false, "friction against motion towards the pull");
    key("inertial.mu_left", Kind.NUMBER, "0.06", 0, big, false, "friction against motion back");
    key("inertial.noise", Kind.LIST, "0, 0.1, 0.3", 0, big, false, "amplitudes of the common noise");
    key("inertial.decay", Kind.NUMBER, "0.001", 0, big, false, "decay rate lambda of the noise");
    key("inertial.dt", Kind.NUMBER, "0.05", 0, 1, true, "time step");
    key("inertial.steps", Kind.INTEGER, "100000", 1, 10_000_000, false, "steps per run");
    key("mlp.input", Kind.INTEGER, "100", 1, 100_000, false, "input dimension d of the mixture");
    key("mlp.classes", Kind.INTEGER, "10", 2, 1000, false, "classes");
    key("mlp.clusters_per_class", Kind.INTEGER, "4", 1, 1000, false, "Gaussian clusters per class");
    key("mlp.subspace", Kind.INTEGER, "4", 1, 100_000, false, "dimension of the subspace holding the cluster centres");
    key("mlp.radius", Kind.NUMBER, "3", 0, big, true, "spread of the centres (their norm is about this)");
    key("mlp.sigma", Kind.NUMBER, "0.2", 0, big, false, "isotropic noise of a sample around its centre, per coordinate");
    key("mlp.task_seed", Kind.INTEGER, "1", 0, big, false, "seed of the centres (the same task for every run)");
    key("mlp.depth", Kind.INTEGER, "8", 3, 100, false, "layers with weights: depth - 1 hidden layers and the readout");
    key("mlp.width", Kind.INTEGER, "100", 2, 10_000, false, "width of the hidden layers");
    key("mlp.train", Kind.INTEGER, "1000", 10, 1_000_000, false, "training samples (one full batch)");
    key("mlp.test", Kind.INTEGER, "1000", 10, 1_000_000, false, "test samples");
    key("mlp.steps", Kind.INTEGER, "200", 1, 1_000_000, false, "Adam steps");
    key("mlp.lr", Kind.NUMBER, "0.003", 0, 1, true, "Adam learning rate");
    key("mlp.nonlinearity", Kind.LIST, "0, 0.333, 0.667, 1", 0, 1, false, "1 - alpha, alpha the LeakyReLU negative slope (1: ReLU, 0: linear)");
    key("mlp.label_noise", Kind.LIST, "0.15, 0.3, 0.45", 0, 1, true, "label-noise fractions (0 is always run, shared with dropout)");
    key("mlp.dropout", Kind.LIST, "0.1, 0.2, 0.3", 0, 0.9, true, "dropout rates (0 is always run)");
    key("mlp.seeds", Kind.INTEGER, "3", 1, 1000, false, "seeds per MLP cell (data sample, initialisation, noise)");
  }

  /** The names of all keys, in the order above. */
  public static List<String> names() {
    return List.copyOf(ALL.keySet());
  }

  String range() {
    String lo = (minExclusive ? "> " : ">= ") + SweepFile.plain(min);
    return max >= 1e9 ? lo : lo + " and <= " + SweepFile.plain(max);
  }
}
