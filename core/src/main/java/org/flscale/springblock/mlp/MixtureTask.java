package org.flscale.springblock.mlp;

import java.util.SplittableRandom;

/**
 * A seeded classification task that a linear model cannot solve: a Gaussian mixture of
 * classes x clustersPerClass clusters whose centres lie in a random subspace of low dimension r
 * inside R^d, the clusters dealt to the classes in turn, plus isotropic noise sigma in all d
 * coordinates. Every class is a union of clusters scattered over the same region, so the class
 * means nearly coincide and no hyperplane separates a class from the rest; the regions have to be
 * carved by a non-linear map, and many clusters in few dimensions take several layers of it.
 * The centres are a function of the task seed; the samples of a (task, seed, stream).
 */
public final class MixtureTask {
  /** The task: dimensions, clusters, and the geometry of the centres. */
  public record Spec(int dim, int classes, int clustersPerClass, int subspace, double radius, double sigma, long seed) {
    public Spec {
      if (dim < 1 || classes < 2 || clustersPerClass < 1 || subspace < 1 || subspace > dim || radius <= 0 || sigma < 0) {
        throw new IllegalArgumentException("bad mixture task");
      }
    }
  }

  public final Spec spec;
  public final int count;
  /** Inputs, row-major count x dim. */
  public final double[] x;
  public final int[] labels;

  private MixtureTask(Spec spec, int count, double[] x, int[] labels) {
    this.spec = spec;
    this.count = count;
    this.x = x;
    this.labels = labels;
  }

  /** The cluster centres (clusters x dim, row-major); cluster q belongs to class q mod classes. */
  public static double[] centres(Spec s) {
    SplittableRandom rng = new SplittableRandom(s.seed() * 0x9E3779B97F4A7C15L + 17);
    // an orthonormal basis of a random r-dimensional subspace (Gram-Schmidt on Gaussian vectors)
    double[][] basis = new double[s.subspace()][s.dim()];
    for (int a = 0; a < s.subspace(); a++) {
      for (int k = 0; k < s.dim(); k++) basis[a][k] = rng.nextGaussian();
      for (int b = 0; b < a; b++) {
        double dot = 0;
        for (int k = 0; k < s.dim(); k++) dot += basis[a][k] * basis[b][k];
        for (int k = 0; k < s.dim(); k++) basis[a][k] -= dot * basis[b][k];
      }
      double norm = 0;
      for (int k = 0; k < s.dim(); k++) norm += basis[a][k] * basis[a][k];
      norm = Math.sqrt(norm);
      for (int k = 0; k < s.dim(); k++) basis[a][k] /= norm;
    }
    int clusters = s.classes() * s.clustersPerClass();
    double[] c = new double[clusters * s.dim()];
    for (int q = 0; q < clusters; q++) {
      for (int a = 0; a < s.subspace(); a++) {
        double g = s.radius() * rng.nextGaussian() / Math.sqrt(s.subspace());
        for (int k = 0; k < s.dim(); k++) c[q * s.dim() + k] += g * basis[a][k];
      }
    }
    return c;
  }

  /** count samples of the task; stream 0, 1, ... give independent sets (training, test) per seed. */
  public static MixtureTask sample(Spec s, int count, long seed, int stream) {
    double[] centres = centres(s);
    int clusters = s.classes() * s.clustersPerClass(), d = s.dim();
    SplittableRandom rng = new SplittableRandom((seed * 1_000_003L + stream) * 0x2545F4914F6CDD1DL + s.seed());
    double[] x = new double[count * d];
    int[] y = new int[count];
    for (int i = 0; i < count; i++) {
      int q = rng.nextInt(clusters);
      y[i] = q % s.classes();
      for (int k = 0; k < d; k++) x[i * d + k] = centres[q * d + k] + s.sigma() * rng.nextGaussian();
    }
    return new MixtureTask(s, count, x, y);
  }
}
