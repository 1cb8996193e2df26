package org.flscale.cli.verify;

import org.flscale.cli.UserError;
import org.flscale.verify.Integrator;
import org.flscale.verify.Precision;
import org.flscale.verify.SamplerSettings;
import org.flscale.verify.SweepPlan;
import picocli.CommandLine.Option;

/** How each chain runs: kappa, the integrator and its step, its length, the test set and the dynamics. */
public final class SamplerOptions {
  @Option(names = "--kappa", defaultValue = "0.1", description = "Ridge/temperature kappa of the posterior (default ${DEFAULT-VALUE}; the reference protocol's best compromise).")
  double kappa;

  @Option(names = "--dt-factor", description = "Step factor c: dt = c kappa d / P for euler and lm (default 0.1), h = c / sqrt(lambda_max) for baoab (default 0.5).")
  Double dtFactor;

  @Option(names = "--integrator", converter = Labelled.IntegratorLabel.class,
      description = "euler: overdamped Euler-Maruyama (the default, and --quick's); lm: overdamped Leimkuhler-Matthews; baoab: underdamped BAOAB, step set by the measured stiffest mode (--full's; docs/verify.md compares them).")
  Integrator integrator;

  @Option(names = "--friction", description = "Friction gamma of the underdamped integrator, in prior relaxation rates (default 2; baoab only).")
  Double friction;

  @Option(names = "--precision", defaultValue = "fp64", converter = Labelled.PrecisionLabel.class,
      description = "fp64 (default) or fp32: the forward and backward passes in float, parameters, gradient and update in double (dense kind only; docs/verify.md measures it).")
  Precision precision;

  @Option(names = "--time", description = "Run length in prior relaxation times (default per budget; baoab runs 4 times the budget's).")
  Double priorTime;

  @Option(names = "--test-size", description = "Test points for the alignment (default per budget).")
  Integer testSize;

  @Option(names = "--mode", defaultValue = "langevin", converter = Labelled.Mode.class,
      description = "langevin (default) or gd: gradient descent with weight decay, a fast APPROXIMATION (no noise).")
  SamplerSettings.Mode mode;

  public SamplerSettings.Mode mode() {
    return mode;
  }

  public double kappa() {
    if (!(kappa > 0)) throw new UserError("--kappa must be positive");
    return kappa;
  }

  /** The budget's sampler with these values in place of its own. */
  public SweepPlan applyTo(SweepPlan plan) {
    if (dtFactor != null && !(dtFactor > 0)) throw new UserError("--dt-factor must be positive");
    if (priorTime != null && !(priorTime > 0)) throw new UserError("--time must be positive");
    if (testSize != null && testSize < 1) throw new UserError("--test-size must be at least 1");
    if (friction != null && !(friction > 0)) throw new UserError("--friction must be positive");
    if (mode == SamplerSettings.Mode.GD && integrator != null && integrator != Integrator.EULER) throw new UserError("--mode gd is plain gradient descent: it takes no --integrator");
    SamplerSettings s = plan.sampler();
    Integrator chosen = integrator != null ? integrator : s.integrator();
    if (friction != null && !chosen.underdamped()) throw new UserError("--friction applies to --integrator baoab only");
    if (chosen != s.integrator()) s = s.withIntegrator(chosen);
    if (friction != null) s = s.withFriction(friction);
    return plan.with(null, null, null, null, new SamplerSettings(mode, kappa(), dtFactor != null ? dtFactor : s.dtFactor(),
        priorTime != null ? priorTime : s.priorTime(), s.burnIn(), s.samples(), testSize != null ? testSize : s.testSize(), s.specialisationThreshold(),
        s.integrator(), s.friction(), precision));
  }
}
