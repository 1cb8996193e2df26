package org.flscale.reproduce;

import java.util.SplittableRandom;
import org.flscale.verify.ActivationKernel;
import org.flscale.verify.NetworkShape;
import org.flscale.verify.SyntheticData;

/**
 * The paper's per-neuron observables of a dense network, measured on one posterior sample: each
 * hidden neuron's overlap with the linear feature s = u.x, in units of its spread under the prior
 * (the NNGP), and the counts the paper and the verifier use.
 *
 * <p>Layer 1: the overlap of neuron i is V_i . u (preconditioned weights, W_i = V_i/sqrt(d), so
 * W_i . u = V_i . u/sqrt(d)); under the prior it is N(0, 1), so the paper's cut
 * |W_i . u| > 3 sigma_1/sqrt(d) is |V_i . u| > 3. Deeper layer l: the overlap of a neuron's
 * pre-activation z_i (probe set) with s, o_i = <z_i, s>/<s, s>, divided by its root mean square
 * under prior draws of the whole network (measured once, {@link #PRIOR_DRAWS} draws), so the same
 * 3-sigma cut applies. A neuron is "specialised on the linear feature" when |corr(z_i, s)| > 0.8.
 *
 * <p>The parameter layout (V_l row-major, neuron i of layer l at weightOffset(l) + i n[l-1], the
 * readout last) is the dense network's; {@code OverlapObservablesTest} checks it against the
 * network's own specialisation count, so a change of layout fails a test instead of the numbers.
 */
final class OverlapObservables {
  static final int PRIOR_DRAWS = 8;
  static final double OUTLIER_SIGMAS = 3;
  static final double CORRELATION_CUT = 0.8;
  /** Histogram of overlaps in prior units: bins of width 0.25 on [-10, 10], the end bins hold what lies beyond. */
  static final int BINS = 80;
  static final double HIST_LO = -10, HIST_WIDTH = 0.25;

  private final NetworkShape shape;
  private final int depth;
  private final double[] teacher;
  private final double[][] probeX;
  private final double[] s;
  private final double ss;
  private final double[][][] z, h;
  private final double[] priorRms;

  /** probe: test points for the deeper layers' pre-activations (none are needed for a single hidden layer). */
  OverlapObservables(NetworkShape shape, double[] teacher, int probe, long seed) {
    this.shape = shape;
    this.depth = shape.depth();
    this.teacher = teacher;
    int d = shape.inputDim(), m = depth >= 2 ? probe : 0;
    SplittableRandom rng = new SplittableRandom(seed * 31 + 7);
    probeX = new double[d][m];
    s = new double[m];
    for (int mu = 0; mu < m; mu++) {
      for (int k = 0; k < d; k++) {
        probeX[k][mu] = rng.nextGaussian();
        s[mu] += probeX[k][mu] * teacher[k];
      }
    }
    double acc = 0;
    for (double v : s) acc += v * v;
    ss = acc;
    z = new double[depth + 1][][];
    h = new double[depth + 1][][];
    h[0] = probeX;
    for (int l = 1; l <= depth; l++) {
      z[l] = new double[shape.widths()[l]][m];
      h[l] = new double[shape.widths()[l]][m];
    }
    priorRms = new double[depth + 1];
    priorRms[1] = 1;
    if (depth >= 2) calibrate(new SplittableRandom(seed * 17 + 3));
  }

  int layers() {
    return depth;
  }

  /** The root mean square overlap of layer l's neurons under the prior (1 for layer 1 by construction). */
  double priorRms(int layer) {
    return priorRms[layer];
  }

  private void calibrate(SplittableRandom rng) {
    double[] theta = new double[shape.parameterCount()];
    double[] sum = new double[depth + 1];
    for (int draw = 0; draw < PRIOR_DRAWS; draw++) {
      for (int i = 0; i < theta.length; i++) theta[i] = rng.nextGaussian();
      forward(theta);
      for (int l = 2; l <= depth; l++) for (int i = 0; i < shape.widths()[l]; i++) sum[l] += sq(overlap(l, i));
    }
    for (int l = 2; l <= depth; l++) priorRms[l] = Math.sqrt(sum[l] / (PRIOR_DRAWS * shape.widths()[l]));
  }

  /** Adds one sample's observables to acc. */
  void measure(double[] theta, Accumulator acc) {
    int d = shape.inputDim();
    for (int i = 0; i < shape.widths()[1]; i++) {
      double dot = 0, norm = 0;
      int at = shape.weightOffset(1) + i * d;
      for (int k = 0; k < d; k++) {
        dot += theta[at + k] * teacher[k];
        norm += theta[at + k] * theta[at + k];
      }
      acc.add(1, dot, norm > 0 ? Math.abs(dot) / Math.sqrt(norm) : 0);
    }
    if (depth >= 2) {
      forward(theta);
      for (int l = 2; l <= depth; l++) {
        for (int i = 0; i < shape.widths()[l]; i++) acc.add(l, overlap(l, i) / priorRms[l], Math.abs(correlation(l, i)));
      }
    }
    acc.samples++;
  }

  private double overlap(int l, int i) {
    double zs = 0;
    for (int mu = 0; mu < s.length; mu++) zs += z[l][i][mu] * s[mu];
    return zs / ss;
  }

  private double correlation(int l, int i) {
    double[] zi = z[l][i];
    int m = zi.length;
    double mean = 0;
    for (double v : zi) mean += v;
    mean /= m;
    double cov = 0, var = 0;
    for (int mu = 0; mu < m; mu++) {
      double a = zi[mu] - mean;
      cov += a * s[mu];
      var += a * a;
    }
    return var > 0 ? cov / Math.sqrt(var * ss) : 0;
  }

  /** The pre-activations and activations of every layer on the probe set (layer 1 too: layer 2 reads it). */
  private void forward(double[] theta) {
    int m = s.length;
    for (int l = 1; l <= depth; l++) {
      int nin = shape.widths()[l - 1], nout = shape.widths()[l], off = shape.weightOffset(l);
      double scale = 1 / Math.sqrt(nin);
      ActivationKernel act = shape.activations()[l - 1];
      for (int i = 0; i < nout; i++) {
        double[] zi = z[l][i];
        java.util.Arrays.fill(zi, 0);
        for (int k = 0; k < nin; k++) {
          double w = scale * theta[off + i * nin + k];
          double[] hk = h[l - 1][k];
          for (int mu = 0; mu < m; mu++) zi[mu] += w * hk[mu];
        }
        act.apply(zi, h[l][i], null, m);
      }
    }
  }

  private static double sq(double v) {
    return v * v;
  }

  /** Sums over the samples of one chain, per layer (index 1..depth). */
  static final class Accumulator {
    final double[] outliers, specialised, linearSpecialised, meanAbsOverlap;
    final double[][] histogram;
    final int[] widths;
    long samples;

    Accumulator(int[] widths) {
      this.widths = widths;
      int depth = widths.length - 1;
      outliers = new double[depth + 1];
      specialised = new double[depth + 1];
      linearSpecialised = new double[depth + 1];
      meanAbsOverlap = new double[depth + 1];
      histogram = new double[depth + 1][BINS];
    }

    /**
     * One neuron of layer l: its overlap in prior units, and for layer 1 its weight's cosine with u
     * (the verifier's specialisation, > 0.8), for deeper layers |corr(z_i, u.x)|.
     */
    void add(int l, double overlap, double second) {
      if (Math.abs(overlap) > OUTLIER_SIGMAS) outliers[l]++;
      if (second > CORRELATION_CUT) {
        if (l == 1) specialised[l]++;
        else linearSpecialised[l]++;
      }
      meanAbsOverlap[l] += Math.abs(overlap) / widths[l];
      int bin = (int) Math.floor((overlap - HIST_LO) / HIST_WIDTH);
      histogram[l][Math.max(0, Math.min(BINS - 1, bin))]++;
    }
  }
}
