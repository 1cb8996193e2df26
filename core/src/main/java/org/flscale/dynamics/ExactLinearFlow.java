package org.flscale.dynamics;

import java.util.Random;
import org.apache.commons.math3.ode.FirstOrderDifferentialEquations;
import org.apache.commons.math3.ode.nonstiff.DormandPrince853Integrator;

/**
 * Gradient flow of f(x) = kappa sum_i u_i w_i x on one-dimensional whitened data, target beta x,
 * integrated in full (all 2 N weights) with commons-math3's Dormand-Prince 8(5,3): the check does
 * not use the closed equation it verifies. Returns the NTK at the start and at the end.
 */
public final class ExactLinearFlow {
  /** The run's outcome: K at start and end, v at start and end, and the largest drift of a conserved C_i (relative). */
  public record Outcome(double k0, double kEnd, double v0, double vEnd, double conservationDrift) {
    public double relativeChange() {
      return Math.abs(kEnd - k0) / k0;
    }
  }

  private ExactLinearFlow() {}

  public static Outcome run(int n, double su2, double sw2, double kappa, double lrRatio, double beta, long seed) {
    Random rnd = new Random(seed);
    double etaU = Math.sqrt(lrRatio), etaW = 1 / Math.sqrt(lrRatio);
    double[] y = new double[2 * n];
    for (int i = 0; i < n; i++) {
      y[i] = rnd.nextGaussian() * Math.sqrt(su2);
      y[n + i] = rnd.nextGaussian() * Math.sqrt(sw2);
    }
    double[] c0 = conserved(y, n, etaU, etaW);
    double k0 = ntk(y, n, kappa, etaU, etaW), v0 = output(y, n, kappa);
    FirstOrderDifferentialEquations flow = new FirstOrderDifferentialEquations() {
      public int getDimension() {
        return 2 * n;
      }

      public void computeDerivatives(double t, double[] z, double[] dz) {
        double r = kappa * (output(z, n, kappa) - beta);
        for (int i = 0; i < n; i++) {
          dz[i] = -etaU * r * z[n + i];
          dz[n + i] = -etaW * r * z[i];
        }
      }
    };
    double[] absTol = new double[2 * n], relTol = new double[2 * n];
    for (int i = 0; i < n; i++) {
      absTol[i] = 1e-15 * Math.sqrt(su2 + sw2);
      absTol[n + i] = absTol[i];
    }
    java.util.Arrays.fill(relTol, 1e-12);
    // the end's kernel is known to about a factor from the invariant; it only sets the time horizon
    double kEndGuess = Math.sqrt(k0 * k0 + 4 * kappa * kappa * Math.abs(beta * beta - v0 * v0)) + 1e-300;
    double chunk = 4 / kEndGuess, t = 0;
    DormandPrince853Integrator dp = new DormandPrince853Integrator(chunk * 1e-12, chunk, absTol, relTol);
    for (int it = 0; it < 400; it++) {
      dp.integrate(flow, t, y, t + chunk, y);
      t += chunk;
      double v = output(y, n, kappa);
      if (Math.abs(v - beta) < 1e-11 * Math.abs(beta)) break;
    }
    double[] c1 = conserved(y, n, etaU, etaW);
    double drift = 0, scale = 0;
    for (int i = 0; i < n; i++) {
      drift = Math.max(drift, Math.abs(c1[i] - c0[i]));
      scale = Math.max(scale, etaW * y[i] * y[i] + etaU * y[n + i] * y[n + i]);
    }
    return new Outcome(k0, ntk(y, n, kappa, etaU, etaW), v0, output(y, n, kappa), drift / scale);
  }

  static double output(double[] z, int n, double kappa) {
    double s = 0;
    for (int i = 0; i < n; i++) s += z[i] * z[n + i];
    return kappa * s;
  }

  static double ntk(double[] z, int n, double kappa, double etaU, double etaW) {
    double s = 0;
    for (int i = 0; i < n; i++) s += etaU * z[n + i] * z[n + i] + etaW * z[i] * z[i];
    return kappa * kappa * s;
  }

  private static double[] conserved(double[] z, int n, double etaU, double etaW) {
    double[] c = new double[n];
    for (int i = 0; i < n; i++) c[i] = etaW * z[i] * z[i] - etaU * z[n + i] * z[n + i];
    return c;
  }
}
