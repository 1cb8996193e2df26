package org.flscale.verify;

import java.util.SplittableRandom;

/**
 * One softmax attention head over L tokens x_l in R^d (rules/layers.m, kind attention): a trained
 * query q = Q / sqrt(d) (prior q ~ N(0, I/d), so the scores s_l = q . x_l are O(1)), values
 * act(V x_l / sqrt(d)) with `units` units, and f = readoutScale b . sum_l softmax(s)_l act(V x_l / sqrt(d)),
 * readoutScale from the parametrization with fan-in units. Parameters: Q (d), V (units x d,
 * row-major), b (units), all N(0, 1) under the prior.
 */
public final class AttentionNetwork extends KindNetwork<TokenData, AttentionNetwork.Buffers> {
  /** The attention kind: options width, tokens; the target read token-wise. */
  static final NetworkKind KIND = new NetworkKind() {
    @Override public String name() { return "attention"; }
    @Override public String unsupported(org.flscale.model.ArchModel model) { return NetworkKind.singleIndexOnly(model); }
    @Override public String reading() { return " read token-wise"; }

    @Override public KindNetwork<?, ?> at(ModelInstance m, int d) {
      int n = m.width(0, d);
      return new AttentionNetwork(d, n, m.optionSizes(d).get("tokens"), m.kernel(0), m.readoutScale(n), m.targetDegree());
    }
  };

  final int dim, units, tokens, degree;
  final ActivationKernel act;
  final double readoutScale;
  private final double fanScale;

  public AttentionNetwork(int dim, int units, int tokens, ActivationKernel act, double readoutScale, int degree) {
    this.dim = dim;
    this.units = units;
    this.tokens = tokens;
    this.act = act;
    this.readoutScale = readoutScale;
    this.degree = degree;
    this.fanScale = 1 / Math.sqrt(dim);
  }

  @Override double parameters() { return dim + (double) units * dim + units; }
  @Override public double macsPerSample() { return (double) tokens * ((double) units * dim + dim + units); }
  @Override public int readoutWidth() { return units; }
  @Override double doublesPerSample(boolean withGradient) { return (double) tokens * dim + (double) tokens * units * (withGradient ? 4 : 2) + 3.0 * tokens + 4; }
  @Override int inputDim() { return dim; }
  @Override int[] widths() { return new int[] {dim, units}; }
  @Override int specialisedGroups() { return 2; }
  @Override TokenData trainingData(int count, long seed) { return TokenData.training(tokens, dim, degree, count, seed); }
  @Override TokenData testData(int count, long seed) { return TokenData.test(tokens, dim, degree, count, seed); }

  private int valueOffset() {
    return dim;
  }

  private int readoutOffset() {
    return dim + units * dim;
  }

  /** Buffers for one data set, token-major: z, h, dh, delta [token][unit][sample]; scores and softmax weights [token][sample]. */
  public final class Buffers extends KindNetwork.Buffers<TokenData> {
    final double[][][] z, h, dh, delta;
    final double[][] score, weight, tokenOut;
    final double[] tmp;

    Buffers(TokenData data, boolean withGradient) {
      super(data);
      if (data.pieces != tokens || data.dim != dim) throw new IllegalArgumentException("data are not " + tokens + " tokens of dimension " + dim);
      int m = data.count;
      z = new double[tokens][units][m];
      h = new double[tokens][units][m];
      dh = withGradient ? new double[tokens][units][m] : null;
      delta = withGradient ? new double[tokens][units][m] : null;
      score = new double[tokens][m];
      weight = new double[tokens][m];
      tokenOut = new double[tokens][m];
      tmp = new double[m];
    }
  }

  @Override Buffers buffers(TokenData data, boolean withGradient) {
    return new Buffers(data, withGradient);
  }

  @Override
  void forward(double[] theta, Buffers b, boolean derivatives) {
    int m = b.data.count, v0 = valueOffset(), b0 = readoutOffset();
    double[][][] x = b.data.xt;
    for (int l = 0; l < tokens; l++) {
      double[] s = b.score[l];
      java.util.Arrays.fill(s, 0.0);
      for (int k = 0; k < dim; k++) BatchOps.axpy(0, m, fanScale * theta[k], x[l][k], s);
    }
    softmax(b.score, b.weight, b.tmp, m);
    java.util.Arrays.fill(b.f, 0.0);
    for (int l = 0; l < tokens; l++) {
      BatchOps.project(theta, v0, dim, units, fanScale, x[l], b.z[l], m);
      double[] out = b.tokenOut[l];
      java.util.Arrays.fill(out, 0.0);
      for (int j = 0; j < units; j++) {
        act.apply(b.z[l][j], b.h[l][j], derivatives ? b.dh[l][j] : null, m);
        BatchOps.axpy(0, m, readoutScale * theta[b0 + j], b.h[l][j], out);
      }
      double[] w = b.weight[l];
      for (int mu = 0; mu < m; mu++) b.f[mu] += w[mu] * out[mu];
    }
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

  @Override
  void backward(double[] theta, Buffers b, double[] grad) {
    int m = b.data.count, v0 = valueOffset(), b0 = readoutOffset();
    double[][][] x = b.data.xt;
    double[] ra = b.tmp;
    for (int l = 0; l < tokens; l++) {
      double[] w = b.weight[l], out = b.tokenOut[l];
      // query: df/ds_l = w_l (F_l - f), F_l the readout of token l alone; ds_l/dQ = x_l / sqrt(d)
      for (int mu = 0; mu < m; mu++) ra[mu] = b.r[mu] * w[mu] * (out[mu] - b.f[mu]);
      for (int k = 0; k < dim; k++) grad[k] += fanScale * BatchOps.dot(0, m, ra, x[l][k]);
      // values and readout: token l enters with weight w_l
      for (int mu = 0; mu < m; mu++) ra[mu] = b.r[mu] * w[mu];
      for (int j = 0; j < units; j++) {
        grad[b0 + j] += readoutScale * BatchOps.dot(0, m, ra, b.h[l][j]);
        BatchOps.scaledProduct(m, readoutScale * theta[b0 + j], ra, b.dh[l][j], b.delta[l][j]);
      }
      BatchOps.outerReduce(m, units, dim, b.delta[l], x[l], fanScale, grad, v0);
    }
  }

  /** Specialised: value units with overlap above the threshold, and whether the query is (group 1: 0 or 1). */
  @Override
  void countSpecialised(double[] theta, double threshold, TokenData train, Buffers test, double[] counts) {
    for (int j = 0; j < units; j++) if (BatchOps.overlap(theta, valueOffset() + j * dim, dim, train.teacher) > threshold) counts[0]++;
    if (BatchOps.overlap(theta, 0, dim, train.teacher) > threshold) counts[1]++;
  }

  /** The aligned start puts the query and three value units on the teacher. */
  @Override
  double[] initialParameters(ChainStart start, TokenData train, SplittableRandom rng) {
    double[] theta = Potential.draw(parameterCount(), rng);
    if (start == ChainStart.ALIGNED) {
      BatchOps.alignRows(theta, 0, dim, 1, train.teacher);
      BatchOps.alignRows(theta, valueOffset(), dim, Math.min(ChainStart.ALIGNED_NEURONS, units), train.teacher);
    }
    return theta;
  }
}
