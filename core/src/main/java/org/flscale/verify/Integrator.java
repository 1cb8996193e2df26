package org.flscale.verify;

/**
 * Which discretisation of Langevin dynamics a chain uses (docs/verify.md, "Integrators", says why
 * each exists). Each costs one gradient evaluation per step; they differ in how large a step keeps
 * the sampled measure close to exp(-U), and so in how many steps a prior time takes.
 */
public enum Integrator {
  EULER("euler", 0.1, 1, "overdamped Euler-Maruyama, dt = c kappa d/P"),
  LM("lm", 0.1, 1, "overdamped Leimkuhler-Matthews (noise (xi_n + xi_n+1)/2), dt = c kappa d/P"),
  BAOAB("baoab", 0.5, 4, "underdamped BAOAB, h = c / sqrt(lambda_max) (measured stiffest mode)");

  public final String label;
  /** The step factor c used when --dt-factor is not given. */
  public final double defaultFactor;
  /**
   * The run length, in multiples of the budget's T, used when --time is not given: underdamped chains
   * at friction 1-3 needed about four times the overdamped run to reach the same alignment (docs/verify.md).
   */
  public final double defaultTimeFactor;
  public final String description;

  Integrator(String label, double defaultFactor, double defaultTimeFactor, String description) {
    this.label = label;
    this.defaultFactor = defaultFactor;
    this.defaultTimeFactor = defaultTimeFactor;
    this.description = description;
  }

  /** Whether the step is c / sqrt(lambda_max) (a time step of second-order dynamics) rather than c kappa d / P. */
  public boolean underdamped() {
    return this == BAOAB;
  }
}
