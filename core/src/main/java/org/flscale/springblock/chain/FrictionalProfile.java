package org.flscale.springblock.chain;

/**
 * The closed-form rest state of the first-order chain without noise, started from rest at x = 0
 * with the pull at x_(L+1) = 1. The dynamics only ever moves blocks forward (the update is monotone
 * and starts below every rest state), so it stops at the lowest rest state: the blocks that moved
 * stop where the spring force equals the friction, i.e. the active springs carry the constant second
 * difference s = mu/k, and the blocks that never moved stay at 0.
 *
 * <p>With n springs stretched (the last n, blocks L+2-n..L moving) the active part is
 * x_(m+j) = B j + (s/2) j^2 for j = 0..n, m = L+1-n, B = 1/n - s n/2; block m stays put exactly when
 * its force k x_(m+1) &lt;= mu, i.e. n (n+1) s &gt;= 2. So n is the smallest such integer, at most
 * L+1 (then every block moves and the wall holds the first spring).
 */
public final class FrictionalProfile {
  private FrictionalProfile() {}

  /** Positions x_0..x_(L+1) of the rest state, for L blocks and s = mu/k &gt;= 0. */
  public static double[] positions(int blocks, double frictionOverStiffness) {
    double s = frictionOverStiffness;
    int n = activeSprings(blocks, s);
    int m = blocks + 1 - n;
    double b = 1.0 / n - s * n / 2;
    double[] x = new double[blocks + 2];
    for (int j = 0; j <= n; j++) x[m + j] = b * j + s * j * j / 2;
    x[blocks + 1] = 1;
    return x;
  }

  /** The number of stretched springs: the smallest n with n (n+1) s &gt;= 2, at most L+1. */
  public static int activeSprings(int blocks, double frictionOverStiffness) {
    if (frictionOverStiffness < 0) throw new IllegalArgumentException("friction must be >= 0");
    for (int n = 1; n <= blocks; n++) if (n * (n + 1.0) * frictionOverStiffness >= 2) return n;
    return blocks + 1;
  }
}
