package org.flscale.verify;

import java.util.function.DoubleUnaryOperator;
import org.flscale.rules.Activation;

/**
 * An activation evaluated in place over an array: value and derivative together. The common
 * activations get hand-written loops (erf: a table in the scalar path, {@link ErfApproximation} on
 * the Vector API, see {@link VectorSupport}); any other
 * activation of the rules runs through its compiled formula. A fast kernel is used only when it
 * agrees numerically with the rule's own formula, so a user who redefines "erf" gets their formula.
 */
public final class ActivationKernel {
  enum Kind { ERF, TANH, RELU, LINEAR, QUADRATIC, GENERIC }

  /**
   * The formulas (as the rule book prints them, and caches them) that the hand-written kernels
   * compute: a rule whose formula is one of these gets its kernel without starting Symja. Any other
   * formula is compiled by Symja and still gets a kernel when it agrees numerically with one.
   */
  static final java.util.Map<String, Kind> FORMULAS = java.util.Map.of(
      "Erf[z]", Kind.ERF, "Tanh[z]", Kind.TANH, "1/2*(z + Abs[z])", Kind.RELU, "z", Kind.LINEAR, "z^2", Kind.QUADRATIC);

  private static final double TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);
  // erf is tabulated with its derivative on [0, 6] (step 1/128) and interpolated by cubic Hermite
  // polynomials: error below 1e-9 in the value; the derivative used is that of the interpolant, so
  // gradients stay exact for the potential actually sampled. Beyond 6, erf = +-1 to 1e-17.
  private static final double ERF_RANGE = 6;
  private static final double ERF_INV_STEP = 128;
  private static final double ERF_STEP = 1 / ERF_INV_STEP;
  private static final double[] ERF_F = new double[(int) (ERF_RANGE * ERF_INV_STEP) + 2];
  private static final double[] ERF_G = new double[ERF_F.length];

  static {
    for (int j = 0; j < ERF_F.length; j++) {
      double x = j * ERF_STEP;
      ERF_F[j] = org.apache.commons.math3.special.Erf.erf(x);
      ERF_G[j] = TWO_OVER_SQRT_PI * Math.exp(-x * x);
    }
  }
  private final Kind kind;
  private final String name;
  private final DoubleUnaryOperator value;
  private final DoubleUnaryOperator derivative;

  private ActivationKernel(Kind kind, String name, DoubleUnaryOperator value, DoubleUnaryOperator derivative) {
    this.kind = kind;
    this.name = name;
    this.value = value;
    this.derivative = derivative;
  }

  public static ActivationKernel of(Activation a) {
    for (Kind k : Kind.values()) {
      if (k == Kind.GENERIC) continue;
      if (agrees(k, a.value())) return new ActivationKernel(k, a.name(), a.value(), a.derivative());
    }
    return new ActivationKernel(Kind.GENERIC, a.name(), a.value(), a.derivative());
  }

  /** The hand-written kernel of a rule's formula, or null when it has none (then compile it: {@link #of}). */
  public static ActivationKernel forFormula(String name, String formula) {
    Kind k = FORMULAS.get(formula);
    if (k == null) return null;
    DoubleUnaryOperator v = z -> fast(k, z);
    return new ActivationKernel(k, name, v, z -> fastDerivative(k, z));
  }

  private static double fastDerivative(Kind k, double z) {
    return switch (k) {
      case ERF -> ErfApproximation.TWO_OVER_SQRT_PI * Math.exp(-z * z);
      case TANH -> 1 - Math.tanh(z) * Math.tanh(z);
      case RELU -> z > 0 ? 1 : 0;
      case LINEAR -> 1;
      case QUADRATIC -> 2 * z;
      default -> throw new IllegalStateException();
    };
  }

  /** For tests and benchmarks without a rule book. */
  public static ActivationKernel named(String name) {
    Kind k = Kind.valueOf(name.toUpperCase());
    DoubleUnaryOperator v = z -> fast(k, z);
    return new ActivationKernel(k, name, v, z -> (fast(k, z + 1e-6) - fast(k, z - 1e-6)) / 2e-6);
  }

  private static boolean agrees(Kind k, DoubleUnaryOperator f) {
    for (double z : new double[] {-2.3, -0.7, -0.1, 0.35, 1.1, 2.9}) {
      if (Math.abs(fast(k, z) - f.applyAsDouble(z)) > 1e-6 * (1 + Math.abs(f.applyAsDouble(z)))) return false;
    }
    return true;
  }

  private static double fast(Kind k, double z) {
    return switch (k) {
      case ERF -> erf(z);
      case TANH -> Math.tanh(z);
      case RELU -> z > 0 ? z : 0;
      case LINEAR -> z;
      case QUADRATIC -> z * z;
      default -> throw new IllegalStateException();
    };
  }

  public String name() {
    return name;
  }

  /** Whether this is the erf kernel, the one activation with a float twin ({@link FloatOps#activate}). */
  boolean isErf() {
    return kind == Kind.ERF;
  }

  public boolean isFast() {
    return kind != Kind.GENERIC;
  }

  /** h[i] = act(z[i]) for i in [0, n); when dh != null also dh[i] = act'(z[i]). */
  public void apply(double[] z, double[] h, double[] dh, int n) {
    apply(z, h, dh, 0, n);
  }

  /** h[i] = act(z[i]) for i in [from, to); when dh != null also dh[i] = act'(z[i]). */
  public void apply(double[] z, double[] h, double[] dh, int from, int to) {
    switch (kind) {
      case ERF -> {
        if (VectorSupport.ENABLED) VectorErf.erf(z, h, dh, from, to);
        else tabulatedErf(z, h, dh, from, to);
      }
      case TANH -> {
        for (int i = from; i < to; i++) {
          double t = Math.tanh(z[i]);
          h[i] = t;
          if (dh != null) dh[i] = 1 - t * t;
        }
      }
      case RELU -> {
        for (int i = from; i < to; i++) {
          double x = z[i];
          h[i] = x > 0 ? x : 0;
          if (dh != null) dh[i] = x > 0 ? 1 : 0;
        }
      }
      case LINEAR -> {
        System.arraycopy(z, from, h, from, to - from);
        if (dh != null) java.util.Arrays.fill(dh, from, to, 1.0);
      }
      case QUADRATIC -> {
        for (int i = from; i < to; i++) {
          double x = z[i];
          h[i] = x * x;
          if (dh != null) dh[i] = 2 * x;
        }
      }
      default -> {
        for (int i = from; i < to; i++) {
          h[i] = value.applyAsDouble(z[i]);
          if (dh != null) dh[i] = derivative.applyAsDouble(z[i]);
        }
      }
    }
  }

  /** The scalar erf: value and derivative of the cubic-Hermite interpolant of the table. */
  static void tabulatedErf(double[] z, double[] h, double[] dh, int from, int to) {
    for (int i = from; i < to; i++) {
      double x = z[i];
      double t = Math.min(Math.abs(x), ERF_RANGE) * ERF_INV_STEP; // branch-free: erf(6) = 1 - 2e-17
      int j = (int) t;
      double u = t - j, u2 = u * u, um = 1 - u;
      double f0 = ERF_F[j], f1 = ERF_F[j + 1], g0 = ERF_G[j], g1 = ERF_G[j + 1];
      // cubic Hermite interpolation: value and the exact derivative of the interpolant
      double v = f0 + u2 * (3 - 2 * u) * (f1 - f0) + ERF_STEP * u * um * (um * g0 - u * g1);
      h[i] = Math.copySign(v, x);
      if (dh != null) dh[i] = 6 * u * um * (f1 - f0) * ERF_INV_STEP + (um * (1 - 3 * u)) * g0 + (u * (3 * u - 2)) * g1;
    }
  }

  /** erf to 1.5e-7 absolute (Abramowitz and Stegun 7.1.26), given e = exp(-x^2) (shared with the derivative). */
  static double erfWithExp(double x, double e) {
    double ax = Math.abs(x);
    double t = 1.0 / (1.0 + 0.3275911 * ax);
    double poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
    double r = 1 - poly * e;
    return x >= 0 ? r : -r;
  }

  static double erf(double x) {
    return erfWithExp(x, Math.exp(-x * x));
  }

  /** Whether the kernel can run on another thread than the one that compiled it (the rule engine's fallback cannot). */
  boolean usableFromAnotherThread() {
    if (isFast()) return true;
    ActivationKernel k = this;
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
}
