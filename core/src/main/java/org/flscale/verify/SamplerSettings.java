package org.flscale.verify;

/**
 * How one chain is run. Langevin: the posterior exp(-U) sampled by an {@link Integrator} (overdamped
 * Euler, theta <- theta - dt grad U + sqrt(2 dt) xi, by default; Leimkuhler-Matthews; underdamped
 * BAOAB with friction {@code friction} in prior-time units). Gradient descent: the Euler step without
 * noise (a fast approximation that finds a posterior mode, not the equilibrium average). The overdamped
 * step is dt = dtFactor * kappa * d / P; the underdamped one dtFactor / sqrt(lambda_max), lambda_max the
 * stiffest curvature of U, measured. The chain runs for {@code priorTime} prior relaxation times,
 * discards the first {@code burnIn} fraction, and averages the predictor on the test set about
 * {@code samples} times.
 */
public record SamplerSettings(
    Mode mode, double kappa, double dtFactor, double priorTime, double burnIn, int samples, int testSize,
    double specialisationThreshold, Integrator integrator, double friction, Precision precision) implements java.io.Serializable {
  public enum Mode {
    LANGEVIN("langevin", "Bayesian posterior by full-batch Langevin dynamics"),
    GD("gd", "APPROXIMATION: gradient descent with weight decay (posterior mode, no noise)");

    public final String label;
    public final String description;

    Mode(String label, String description) {
      this.label = label;
      this.description = description;
    }
  }

  /**
   * The default underdamped friction, in units of the prior's relaxation rate: 2 damps the prior's
   * unit-curvature modes critically, relaxing them at the overdamped rate 1 (docs/verify.md).
   */
  public static final double DEFAULT_FRICTION = 2.0;

  /** FP64, as every run before the precision was selectable. */
  public SamplerSettings(Mode mode, double kappa, double dtFactor, double priorTime, double burnIn, int samples, int testSize,
      double specialisationThreshold, Integrator integrator, double friction) {
    this(mode, kappa, dtFactor, priorTime, burnIn, samples, testSize, specialisationThreshold, integrator, friction, Precision.FP64);
  }

  /** Euler, as every run before the integrators were selectable. */
  public SamplerSettings(Mode mode, double kappa, double dtFactor, double priorTime, double burnIn, int samples, int testSize,
      double specialisationThreshold) {
    this(mode, kappa, dtFactor, priorTime, burnIn, samples, testSize, specialisationThreshold, Integrator.EULER, DEFAULT_FRICTION);
  }

  /** The integrator that actually runs: gradient descent is always the plain (noiseless Euler) step. */
  public Integrator effectiveIntegrator() {
    return mode == Mode.GD ? Integrator.EULER : integrator;
  }

  /** The overdamped step dt = c kappa d / P. */
  public double stepSize(int d, int trainSize) {
    return dtFactor * kappa * d / trainSize;
  }

  /**
   * Steps of a chain: exact for the overdamped integrators; for BAOAB an estimate (for the cost
   * model), taking lambda_max ~ 4 P / (kappa d) (measured on the two-layer erf net: 3 at a prior draw,
   * 10 once specialised; docs/verify.md), with the two step-size measurements.
   */
  public long steps(int d, int trainSize) {
    if (effectiveIntegrator().underdamped()) {
      return (long) Math.ceil(priorTime * Math.sqrt(4.0 * trainSize / (kappa * d)) / dtFactor) + 2L * (StiffestMode.ITERATIONS + 1);
    }
    return (long) Math.ceil(priorTime / stepSize(d, trainSize));
  }

  public SamplerSettings withDtFactor(double f) {
    return new SamplerSettings(mode, kappa, f, priorTime, burnIn, samples, testSize, specialisationThreshold, integrator, friction, precision);
  }

  /** This integrator with its default step factor and run length (this run length, an Euler one, times the integrator's factor). */
  public SamplerSettings withIntegrator(Integrator i) {
    double time = priorTime / effectiveIntegrator().defaultTimeFactor * i.defaultTimeFactor;
    return new SamplerSettings(mode, kappa, i.defaultFactor, time, burnIn, samples, testSize, specialisationThreshold, i, friction, precision);
  }

  public SamplerSettings withFriction(double g) {
    return new SamplerSettings(mode, kappa, dtFactor, priorTime, burnIn, samples, testSize, specialisationThreshold, integrator, g, precision);
  }

  public SamplerSettings withPrecision(Precision p) {
    return new SamplerSettings(mode, kappa, dtFactor, priorTime, burnIn, samples, testSize, specialisationThreshold, integrator, friction, p);
  }

  /** A stable key for everything that changes a chain's result (for --resume); Euler and FP64 keep the key they always had. */
  public String key() {
    String prec = precision == Precision.FP64 ? "" : " prec=" + precision.label;
    String base = String.format(java.util.Locale.ROOT, "%s k=%g c=%g T=%g burn=%g s=%d test=%d spec=%g",
        mode.label, kappa, dtFactor, priorTime, burnIn, samples, testSize, specialisationThreshold);
    Integrator i = effectiveIntegrator();
    if (i == Integrator.EULER) return base + prec;
    return base + " int=" + i.label + (i.underdamped() ? String.format(java.util.Locale.ROOT, " gamma=%g", friction) : "") + prec;
  }
}
