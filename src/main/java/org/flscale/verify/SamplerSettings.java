package org.flscale.verify;

/**
 * How one chain is run. Langevin: theta <- theta - dt grad U + sqrt(2 dt) xi (Euler), sampling the
 * posterior exp(-U). Gradient descent: the same step without noise (a fast approximation that
 * finds a posterior mode, not the equilibrium average). dt = dtFactor * kappa * d / P; the chain
 * runs for {@code priorTime} prior relaxation times (priorTime / dt steps), discards the first
 * {@code burnIn} fraction, and averages the predictor on the test set about {@code samples} times.
 */
public record SamplerSettings(
    Mode mode, double kappa, double dtFactor, double priorTime, double burnIn, int samples, int testSize,
    double specialisationThreshold) {
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

  public double stepSize(int d, int trainSize) {
    return dtFactor * kappa * d / trainSize;
  }

  public long steps(int d, int trainSize) {
    return (long) Math.ceil(priorTime / stepSize(d, trainSize));
  }

  public SamplerSettings withDtFactor(double f) {
    return new SamplerSettings(mode, kappa, f, priorTime, burnIn, samples, testSize, specialisationThreshold);
  }

  /** A stable key for everything that changes a chain's result (for --resume). */
  public String key() {
    return String.format(java.util.Locale.ROOT, "%s k=%g c=%g T=%g burn=%g s=%d test=%d spec=%g",
        mode.label, kappa, dtFactor, priorTime, burnIn, samples, testSize, specialisationThreshold);
  }
}
