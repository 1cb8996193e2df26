package org.flscale.springblock.chain;

/**
 * The first-order chain: L blocks between a wall (x_0 = 0) and the pull (x_(L+1) = 1), springs of
 * stiffness k, Coulomb friction mu, a random force of amplitude eps on every block at every step,
 * step size eta, run for a number of steps; the profile is the time average over the last half.
 */
public record ChainParams(int blocks, double stiffness, double friction, double noise, double eta, int steps) {
  public ChainParams {
    if (blocks < 2) throw new IllegalArgumentException("a chain needs at least two blocks");
    if (stiffness <= 0 || friction < 0 || noise < 0 || eta <= 0 || steps < 2) throw new IllegalArgumentException("bad chain parameters");
    // eta k <= 1/2 keeps the update monotone (every block's new position increases with the old ones)
    if (eta * stiffness > 0.5) throw new IllegalArgumentException("eta k must be at most 1/2");
  }

  public ChainParams withNoise(double eps) {
    return new ChainParams(blocks, stiffness, friction, eps, eta, steps);
  }

  public ChainParams withFriction(double mu) {
    return new ChainParams(blocks, stiffness, mu, noise, eta, steps);
  }
}
