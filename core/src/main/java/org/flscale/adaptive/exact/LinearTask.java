package org.flscale.adaptive.exact;

import java.util.SplittableRandom;

/**
 * One data set of the linear teacher: P inputs x ~ N(0, I_d) (rows of X, row-major), a unit teacher
 * w*, labels y = w*.x (He1(w*.x), no label noise), and T test inputs. Seeded, so a chain and the
 * exact posterior see the same data.
 */
public record LinearTask(int d, int p, double[] x, double[] y, double[] teacher, int tests, double[] testX) {
  public static LinearTask draw(int d, int p, int tests, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] w = new double[d];
    double norm = 0;
    for (int j = 0; j < d; j++) {
      w[j] = r.nextGaussian();
      norm += w[j] * w[j];
    }
    norm = Math.sqrt(norm);
    for (int j = 0; j < d; j++) w[j] /= norm;
    double[] x = gaussian(r, p * d), xt = gaussian(r, tests * d);
    double[] y = new double[p];
    for (int mu = 0; mu < p; mu++) y[mu] = dot(x, mu * d, w, d);
    return new LinearTask(d, p, x, y, w, tests, xt);
  }

  private static double[] gaussian(SplittableRandom r, int n) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) v[i] = r.nextGaussian();
    return v;
  }

  /** The dot product of row {@code row offset} of a row-major matrix with v. */
  public static double dot(double[] m, int offset, double[] v, int n) {
    double s = 0;
    for (int j = 0; j < n; j++) s += m[offset + j] * v[j];
    return s;
  }
}
