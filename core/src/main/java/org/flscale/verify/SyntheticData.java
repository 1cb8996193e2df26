package org.flscale.verify;

import java.util.SplittableRandom;

/**
 * Isotropic Gaussian inputs in d dimensions and a single-index target y = He_k(u . x) / sqrt(k!)
 * with a random unit teacher u. Everything is a function of (d, seed): the teacher, the training
 * stream (the first P rows, so the sets of a P ladder are nested) and an independent test set.
 */
public final class SyntheticData extends Samples {
  public final int d;
  public final int degree;
  public final double[] teacher;
  /** Inputs row-major (count x d). */
  public final double[] x;
  /** Inputs transposed, xt[k][mu]: the layout the network reads. */
  public final double[][] xt;

  private SyntheticData(int d, int degree, double[] teacher, double[] x, double[] y, int count) {
    super(y, count);
    this.d = d;
    this.degree = degree;
    this.teacher = teacher;
    this.x = x;
    this.xt = new double[d][count];
    for (int mu = 0; mu < count; mu++) for (int k = 0; k < d; k++) xt[k][mu] = x[mu * d + k];
  }

  /** The teacher direction of (d, seed). */
  public static double[] teacher(int d, long seed) {
    SplittableRandom rng = new SplittableRandom(mix(seed, d, 1));
    double[] u = new double[d];
    double norm = 0;
    for (int k = 0; k < d; k++) {
      u[k] = rng.nextGaussian();
      norm += u[k] * u[k];
    }
    norm = Math.sqrt(norm);
    for (int k = 0; k < d; k++) u[k] /= norm;
    return u;
  }

  public static SyntheticData training(int d, int degree, int count, long seed) {
    return generate(d, degree, count, seed, 2);
  }

  public static SyntheticData test(int d, int degree, int count, long seed) {
    return generate(d, degree, count, seed, 3);
  }

  private static SyntheticData generate(int d, int degree, int count, long seed, int stream) {
    double[] u = teacher(d, seed);
    SplittableRandom rng = new SplittableRandom(mix(seed, d, stream));
    double[] x = new double[count * d];
    double[] y = new double[count];
    double norm = Math.sqrt(factorial(degree));
    for (int mu = 0; mu < count; mu++) {
      double proj = 0;
      for (int k = 0; k < d; k++) {
        double v = rng.nextGaussian();
        x[mu * d + k] = v;
        proj += v * u[k];
      }
      y[mu] = hermite(degree, proj) / norm;
    }
    return new SyntheticData(d, degree, u, x, y, count);
  }

  /** Probabilists' Hermite polynomial He_k(z) by the recurrence He_{n+1} = z He_n - n He_{n-1}. */
  public static double hermite(int k, double z) {
    if (k == 0) return 1;
    double prev = 1, cur = z;
    for (int m = 1; m < k; m++) {
      double next = z * cur - m * prev;
      prev = cur;
      cur = next;
    }
    return cur;
  }

  static double factorial(int k) {
    double f = 1;
    for (int i = 2; i <= k; i++) f *= i;
    return f;
  }

  static long mix(long seed, int d, int stream) {
    long h = seed * 0x9E3779B97F4A7C15L + d * 0xBF58476D1CE4E5B9L + stream * 0x94D049BB133111EBL;
    h ^= h >>> 31;
    h *= 0xD6E8FEB86659FD93L;
    return h ^ (h >>> 32);
  }
}
