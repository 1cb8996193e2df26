package org.flscale.springblock.chain;

import java.util.SplittableRandom;

/**
 * The second-order chain: m x_l'' = k (x_(l+1) - 2 x_l + x_(l-1)) - gamma x_l' - friction + noise,
 * with asymmetric Coulomb friction (mu_right against motion towards the pull, mu_left against motion
 * back) and a random force common to all blocks, eps exp(-lambda t) xi(t) (one standard normal xi
 * per step, shared by every block). A block at rest starts only when the force exceeds the
 * friction of that direction; a moving block that would reverse within a step stops (and sticks).
 * Semi-implicit Euler with step dt; started at rest at x = 0; the result is the final state.
 */
public final class InertialChain {
  /** Parameters; time t = step * dt. */
  public record Params(int blocks, double mass, double damping, double stiffness, double muRight, double muLeft,
      double noise, double decay, double dt, int steps) {
    public Params {
      if (blocks < 2 || mass <= 0 || damping < 0 || stiffness <= 0 || muRight < 0 || muLeft < 0 || noise < 0 || decay < 0
          || dt <= 0 || steps < 1) {
        throw new IllegalArgumentException("bad inertial chain parameters");
      }
    }
  }

  private InertialChain() {}

  /** The positions x_0..x_(L+1) at the end of the run. */
  public static double[] run(Params p, long seed) {
    int n = p.blocks();
    double[] x = new double[n + 2], v = new double[n + 2], f = new double[n + 2];
    x[n + 1] = 1;
    SplittableRandom rng = new SplittableRandom(seed);
    double inv = 1 / p.mass(), dt = p.dt();
    for (int t = 0; t < p.steps(); t++) {
      double common = p.noise() > 0 ? p.noise() * Math.exp(-p.decay() * t * dt) * rng.nextGaussian() : 0;
      for (int l = 1; l <= n; l++) f[l] = p.stiffness() * (x[l + 1] - 2 * x[l] + x[l - 1]) + common;
      for (int l = 1; l <= n; l++) {
        double vel = v[l], force = f[l];
        if (vel == 0) {
          if (force > p.muRight()) vel = (force - p.muRight()) * inv * dt;
          else if (force < -p.muLeft()) vel = (force + p.muLeft()) * inv * dt;
        } else {
          double friction = vel > 0 ? p.muRight() : -p.muLeft();
          double next = vel + (force - p.damping() * vel - friction) * inv * dt;
          vel = Math.signum(next) == Math.signum(vel) ? next : 0;
        }
        v[l] = vel;
        x[l] += vel * dt;
      }
    }
    return x;
  }
}
