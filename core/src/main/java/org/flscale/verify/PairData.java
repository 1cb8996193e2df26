package org.flscale.verify;

import java.util.List;
import java.util.SplittableRandom;
import org.flscale.model.Target;

/**
 * Sequences of L tokens x_1..x_L ~ N(0, I_d) and a target over ordered token pairs a != b,
 * y = c sum_{a != b} prod_f He_{k_f}(u_f . x_{t_f}), each factor f reading the query token x_a or
 * the key token x_b. The directions u_f are random orthonormal (Gram-Schmidt of Gaussian vectors
 * of (d, seed)): the networks are rotation invariant, so which orthonormal set is immaterial.
 * c makes <y^2> = 1: distinct orthonormal directions make the pair terms orthogonal when both
 * tokens are read (c^-2 = L(L-1) prod k_f!); when only one token is, the sum is (L-1) times a sum
 * over single tokens (c^-2 = L (L-1)^2 prod k_f!). A function of (L, d, seed) like
 * {@link SyntheticData}: the training sets of a P ladder are nested, the test set independent.
 */
public final class PairData extends Samples {
  public final int tokens, dim;
  /** The factors' directions, one unit vector per factor, in the target's order. */
  public final double[][] directions;
  /** Each factor's token: true for the query token x_a, false for the key token x_b. */
  public final boolean[] query;
  /** Feature-major inputs, xt[token][coordinate][sample]. */
  public final double[][][] xt;

  private PairData(int tokens, int dim, double[][] directions, boolean[] query, double[][][] xt, double[] y, int count) {
    super(y, count);
    this.tokens = tokens;
    this.dim = dim;
    this.directions = directions;
    this.query = query;
    this.xt = xt;
  }

  public static PairData training(int tokens, int dim, List<Target.Factor> factors, int count, long seed) {
    return generate(tokens, dim, factors, count, seed, 6);
  }

  public static PairData test(int tokens, int dim, List<Target.Factor> factors, int count, long seed) {
    return generate(tokens, dim, factors, count, seed, 7);
  }

  /** count orthonormal directions in R^dim (count <= dim), a function of (dim, seed). */
  static double[][] orthonormal(int count, int dim, long seed) {
    SplittableRandom rng = new SplittableRandom(SyntheticData.mix(seed, dim, 8));
    double[][] u = new double[count][dim];
    for (int f = 0; f < count; f++) {
      for (int k = 0; k < dim; k++) u[f][k] = rng.nextGaussian();
      for (int g = 0; g < f; g++) {
        double dot = 0;
        for (int k = 0; k < dim; k++) dot += u[f][k] * u[g][k];
        for (int k = 0; k < dim; k++) u[f][k] -= dot * u[g][k];
      }
      double norm = 0;
      for (int k = 0; k < dim; k++) norm += u[f][k] * u[f][k];
      norm = Math.sqrt(norm);
      for (int k = 0; k < dim; k++) u[f][k] /= norm;
    }
    return u;
  }

  private static PairData generate(int tokens, int dim, List<Target.Factor> factors, int count, long seed, int stream) {
    int nf = factors.size();
    double[][] u = orthonormal(nf, dim, seed);
    boolean[] query = new boolean[nf];
    boolean anyQuery = false, anyKey = false;
    double norm = 1;
    for (int f = 0; f < nf; f++) {
      query[f] = Target.Factor.QUERY.equals(factors.get(f).token());
      anyQuery |= query[f];
      anyKey |= !query[f];
      norm *= SyntheticData.factorial(factors.get(f).degree());
    }
    norm *= (double) tokens * (tokens - 1) * (anyQuery && anyKey ? 1 : tokens - 1);
    double c = 1 / Math.sqrt(norm);
    SplittableRandom rng = new SplittableRandom(SyntheticData.mix(seed * 1_000_003L + tokens, dim, stream));
    double[][][] xt = new double[tokens][dim][count];
    double[] y = new double[count];
    double[][] qf = new double[tokens][2]; // per token: the product of its query factors, of its key factors
    for (int mu = 0; mu < count; mu++) {
      for (int t = 0; t < tokens; t++) {
        for (int k = 0; k < dim; k++) xt[t][k][mu] = rng.nextGaussian();
        qf[t][0] = 1;
        qf[t][1] = 1;
        for (int f = 0; f < nf; f++) {
          double proj = 0;
          for (int k = 0; k < dim; k++) proj += u[f][k] * xt[t][k][mu];
          qf[t][query[f] ? 0 : 1] *= SyntheticData.hermite(factors.get(f).degree(), proj);
        }
      }
      double sum = 0;
      for (int a = 0; a < tokens; a++) for (int b = 0; b < tokens; b++) if (a != b) sum += qf[a][0] * qf[b][1];
      y[mu] = c * sum;
    }
    return new PairData(tokens, dim, u, query, xt, y, count);
  }
}
