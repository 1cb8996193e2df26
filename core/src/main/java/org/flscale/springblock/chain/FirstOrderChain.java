package org.flscale.springblock.chain;

import java.util.SplittableRandom;

/**
 * The overdamped chain with Coulomb friction: at every step each block feels the spring force
 * F_l = k (x_(l+1) - 2 x_l + x_(l-1)) plus a random force eps xi_l (xi standard normal, new for
 * every block and step); it stays put when |F| &lt;= mu and otherwise moves by eta (F - mu sign F).
 * All blocks move at once (from the previous positions). Seeded, allocation-free in the loop.
 */
public final class FirstOrderChain {
  private FirstOrderChain() {}

  /** The positions x_0..x_(L+1) averaged over the second half of the run, started from x = 0. */
  public static double[] run(ChainParams p, long seed) {
    int n = p.blocks();
    double[] x = new double[n + 2], next = new double[n + 2], mean = new double[n + 2];
    x[n + 1] = next[n + 1] = 1;
    SplittableRandom rng = new SplittableRandom(seed);
    double k = p.stiffness(), mu = p.friction(), eps = p.noise(), eta = p.eta();
    int burn = p.steps() / 2;
    for (int t = 0; t < p.steps(); t++) {
      for (int l = 1; l <= n; l++) {
        double f = k * (x[l + 1] - 2 * x[l] + x[l - 1]);
        if (eps > 0) f += eps * rng.nextGaussian();
        next[l] = f > mu ? x[l] + eta * (f - mu) : f < -mu ? x[l] + eta * (f + mu) : x[l];
      }
      double[] swap = x;
      x = next;
      next = swap;
      if (t >= burn) for (int l = 1; l <= n; l++) mean[l] += x[l];
    }
    int averaged = p.steps() - burn;
    for (int l = 1; l <= n; l++) mean[l] /= averaged;
    mean[n + 1] = 1;
    return mean;
  }

}
