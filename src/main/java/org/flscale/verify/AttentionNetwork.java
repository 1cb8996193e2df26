package org.flscale.verify;

import java.util.SplittableRandom;

/**
 * One softmax attention head over L tokens x_l in R^d (rules/layers.m, kind attention): a trained
 * query q = Q / sqrt(d) (prior q ~ N(0, I/d), so the scores s_l = q . x_l are O(1)), values
 * act(V x_l / sqrt(d)) with `units` units, and f = readoutScale b . sum_l softmax(s)_l act(V x_l / sqrt(d)),
 * readoutScale from the parametrization with fan-in units. Parameters: Q (d), V (units x d,
 * row-major), b (units), all N(0, 1) under the prior.
 */
public final class AttentionNetwork {
  final int dim, units, tokens;
  final ActivationKernel act;
  final double readoutScale;
  private final double fanScale;

  public AttentionNetwork(int dim, int units, int tokens, ActivationKernel act, double readoutScale) {
    this.dim = dim;
    this.units = units;
    this.tokens = tokens;
    this.act = act;
    this.readoutScale = readoutScale;
    this.fanScale = 1 / Math.sqrt(dim);
  }

  public int parameterCount() {
    return dim + units * dim + units;
  }

  int valueOffset() {
    return dim;
  }

  int readoutOffset() {
    return dim + units * dim;
  }

  public long macsPerSample() {
    return (long) tokens * (units * dim + dim + units);
  }

  /** Buffers for one data set, token-major: z, h, dh, delta [token][unit][sample]; scores and softmax weights [token][sample]. */
  public final class Buffers {
    final TokenData data;
    final double[][][] z, h, dh, delta;
    final double[][] score, weight, tokenOut;
    final double[] f, r, tmp;

    Buffers(TokenData data, boolean withGradient) {
      if (data.pieces != tokens || data.dim != dim) throw new IllegalArgumentException("data are not " + tokens + " tokens of dimension " + dim);
      this.data = data;
      int m = data.count;
      z = new double[tokens][units][m];
      h = new double[tokens][units][m];
      dh = withGradient ? new double[tokens][units][m] : null;
      delta = withGradient ? new double[tokens][units][m] : null;
      score = new double[tokens][m];
      weight = new double[tokens][m];
      tokenOut = new double[tokens][m];
      f = new double[m];
      r = new double[m];
      tmp = new double[m];
    }
  }

  public Buffers buffers(TokenData data, boolean withGradient) {
    return new Buffers(data, withGradient);
  }

  public double[] forward(double[] theta, Buffers b, boolean derivatives) {
    int m = b.data.count, v0 = valueOffset(), b0 = readoutOffset();
    double[][][] x = b.data.xt;
    for (int l = 0; l < tokens; l++) {
      double[] s = b.score[l];
      java.util.Arrays.fill(s, 0.0);
      for (int k = 0; k < dim; k++) Network.axpy(0, m, fanScale * theta[k], x[l][k], s);
    }
    softmax(b.score, b.weight, b.tmp, m);
    java.util.Arrays.fill(b.f, 0.0);
    for (int l = 0; l < tokens; l++) {
      Projection.apply(theta, v0, dim, units, fanScale, x[l], b.z[l], m);
      double[] out = b.tokenOut[l];
      java.util.Arrays.fill(out, 0.0);
      for (int j = 0; j < units; j++) {
        act.apply(b.z[l][j], b.h[l][j], derivatives ? b.dh[l][j] : null, m);
        Network.axpy(0, m, readoutScale * theta[b0 + j], b.h[l][j], out);
      }
      double[] w = b.weight[l];
      for (int mu = 0; mu < m; mu++) b.f[mu] += w[mu] * out[mu];
    }
    return b.f;
  }

  /** weight[l][mu] = exp(score[l][mu] - max) / sum over l, per sample (max subtracted for range). */
  private void softmax(double[][] score, double[][] weight, double[] sum, int m) {
    double[] max = sum; // reused: first the maximum, then the sum
    System.arraycopy(score[0], 0, max, 0, m);
    for (int l = 1; l < tokens; l++) for (int mu = 0; mu < m; mu++) max[mu] = Math.max(max[mu], score[l][mu]);
    for (int l = 0; l < tokens; l++) for (int mu = 0; mu < m; mu++) weight[l][mu] = Math.exp(score[l][mu] - max[mu]);
    java.util.Arrays.fill(sum, 0, m, 0.0);
    for (int l = 0; l < tokens; l++) for (int mu = 0; mu < m; mu++) sum[mu] += weight[l][mu];
    for (int l = 0; l < tokens; l++) for (int mu = 0; mu < m; mu++) weight[l][mu] /= sum[mu];
  }

  public double potentialAndGradient(double[] theta, Buffers b, double kappa, double[] grad) {
    forward(theta, b, true);
    int m = b.data.count, v0 = valueOffset(), b0 = readoutOffset();
    double[][][] x = b.data.xt;
    double loss = Potential.residuals(b.f, b.data.y, m, kappa, b.r);
    double prior = Potential.prior(theta, grad);
    double[] ra = b.tmp;
    for (int l = 0; l < tokens; l++) {
      double[] w = b.weight[l], out = b.tokenOut[l];
      // query: df/ds_l = w_l (F_l - f), F_l the readout of token l alone; ds_l/dQ = x_l / sqrt(d)
      for (int mu = 0; mu < m; mu++) ra[mu] = b.r[mu] * w[mu] * (out[mu] - b.f[mu]);
      for (int k = 0; k < dim; k++) grad[k] += fanScale * Network.dot(0, m, ra, x[l][k]);
      // values and readout: token l enters with weight w_l
      for (int mu = 0; mu < m; mu++) ra[mu] = b.r[mu] * w[mu];
      for (int j = 0; j < units; j++) {
        grad[b0 + j] += readoutScale * Network.dot(0, m, ra, b.h[l][j]);
        Network.scaledProduct(m, readoutScale * theta[b0 + j], ra, b.dh[l][j], b.delta[l][j]);
      }
      Network.outerReduce(m, units, dim, b.delta[l], x[l], fanScale, grad, v0);
    }
    return 0.5 * prior + 0.5 * loss / kappa;
  }

  /**
   * Binds the network to its data for the sampler. Specialised: value units with overlap above the
   * threshold, and whether the query is (group 1: 0 or 1). The aligned start puts the query and
   * three value units on the teacher.
   */
  public Trainable bind(TokenData train, TokenData test) {
    Buffers tr = buffers(train, true), te = buffers(test, false);
    double[] overlaps = new double[units];
    return new Trainable() {
      @Override public int parameterCount() { return AttentionNetwork.this.parameterCount(); }
      @Override public int inputDim() { return dim; }
      @Override public int trainSize() { return train.count; }
      @Override public double potentialAndGradient(double[] theta, double kappa, double[] grad) {
        return AttentionNetwork.this.potentialAndGradient(theta, tr, kappa, grad);
      }
      @Override public double[] trainOutput() { return tr.f; }
      @Override public double[] trainTargets() { return train.y; }
      @Override public double[] testOutput(double[] theta) { return forward(theta, te, false); }
      @Override public double[] testTargets() { return test.y; }
      @Override public int specialisedGroups() { return 2; }
      @Override public void countSpecialised(double[] theta, double threshold, double[] counts) {
        Projection.rowOverlaps(theta, valueOffset(), dim, units, train.teacher, overlaps);
        for (double o : overlaps) if (o > threshold) counts[0]++;
        if (Projection.overlap(theta, 0, dim, train.teacher) > threshold) counts[1]++;
      }
      @Override public double[] initialParameters(ChainStart start, SplittableRandom rng) {
        double[] theta = Potential.draw(parameterCount(), rng);
        if (start == ChainStart.ALIGNED) {
          Projection.alignRows(theta, 0, dim, 1, train.teacher);
          Projection.alignRows(theta, valueOffset(), dim, Math.min(ChainStart.ALIGNED_NEURONS, units), train.teacher);
        }
        return theta;
      }
      @Override public int[] widths() { return new int[] {dim, units}; }
    };
  }
}
