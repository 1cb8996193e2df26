package org.flscale.verify;

import java.util.SplittableRandom;

/**
 * Samples that are sequences of pieces: the L tokens of an attention head, or the non-overlapping
 * patches of a convolution (piece i of x is coordinates i*dim .. (i+1)*dim - 1). Every piece is
 * N(0, I_dim); the target is read piece-wise, y = sum_i He_k(u . x_i) / sqrt(k! pieces), with a
 * random unit teacher u in R^dim, so that <y^2> = 1 as for the dense target. A function of
 * (dim, pieces, seed) like {@link SyntheticData}: the training sets of a P ladder are nested.
 */
public final class TokenData extends Samples {
  public final int pieces;
  public final int dim;
  public final int degree;
  public final double[] teacher;
  /** Feature-major inputs, xt[piece][coordinate][sample]: the layout the networks read. */
  public final double[][][] xt;

  private TokenData(int pieces, int dim, int degree, double[] teacher, double[][][] xt, double[] y, int count) {
    super(y, count);
    this.pieces = pieces;
    this.dim = dim;
    this.degree = degree;
    this.teacher = teacher;
    this.xt = xt;
  }

  public static TokenData training(int pieces, int dim, int degree, int count, long seed) {
    return generate(pieces, dim, degree, count, seed, 4);
  }

  public static TokenData test(int pieces, int dim, int degree, int count, long seed) {
    return generate(pieces, dim, degree, count, seed, 5);
  }

  private static TokenData generate(int pieces, int dim, int degree, int count, long seed, int stream) {
    double[] u = SyntheticData.teacher(dim, seed);
    // the stream depends on the number of pieces too: sequences of other lengths are other data
    SplittableRandom rng = new SplittableRandom(SyntheticData.mix(seed * 1_000_003L + pieces, dim, stream));
    double[][][] xt = new double[pieces][dim][count];
    double[] y = new double[count];
    double norm = Math.sqrt(SyntheticData.factorial(degree) * pieces);
    for (int mu = 0; mu < count; mu++) {
      double sum = 0;
      for (int i = 0; i < pieces; i++) {
        double proj = 0;
        for (int k = 0; k < dim; k++) {
          double v = rng.nextGaussian();
          xt[i][k][mu] = v;
          proj += v * u[k];
        }
        sum += SyntheticData.hermite(degree, proj);
      }
      y[mu] = sum / norm;
    }
    return new TokenData(pieces, dim, degree, u, xt, y, count);
  }
}
