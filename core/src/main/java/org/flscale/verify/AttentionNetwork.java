package org.flscale.verify;

import java.util.SplittableRandom;
import org.flscale.model.ArchModel;
import org.flscale.model.Target;

/**
 * The paper's softmax attention layer (kind attention): H heads over L tokens x_1..x_L in R^d,
 *
 * <pre>  f(X) = L^(-1/2) sum_h sum_{a,b} softmax_b(x_a . A_h x_b) (w_h . x_b),</pre>
 *
 * trained merged query-key matrices A_h (d x d, prior entries N(0, 1/d^2)) and value vectors w_h
 * (prior N(0, I/(d H))); no 1/sqrt(d) inside the softmax, the prior sets the scores' scale. In
 * preconditioned units A_h = Ahat_h / d and w_h = what_h / sqrt(d H), every parameter N(0, 1)
 * under the prior. Parameters: Ahat_0..Ahat_{H-1} (row-major), then what_0..what_{H-1}.
 * The data are pairs of tokens ({@link PairData}); f is the layer itself (no readout).
 */
public final class AttentionNetwork extends KindNetwork<PairData, AttentionNetwork.Buffers> {
  /** The attention kind: option heads, the input's tokens, a target over token pairs. */
  static final NetworkKind KIND = new NetworkKind() {
    @Override public String name() { return "attention"; }
    @Override public String reading() { return " over ordered token pairs a != b"; }
    @Override public String specialised(String threshold) {
      return "[heads whose value vector lies in the key directions' span (overlap > " + threshold + "), largest score overlap |P_a A P_b|/|A| over heads]";
    }

    @Override public String unsupported(ArchModel model) {
      if (model.input().tokens() == null) return "the attention layer reads tokens: declare the input as 'input x : gaussian(d) tokens L'";
      if (!model.target().terms().get(0).overTokens()
          || model.target().terms().get(0).factors().stream().anyMatch(f -> f.token() == null)) {
        return "the verifier trains attention targets whose every factor reads x_a or x_b, not " + model.target().display();
      }
      return null;
    }

    @Override public String sizeProblem(ModelInstance m, int d) {
      int factors = m.model().target().terms().get(0).factors().size();
      if (d < factors) return m.model().baseScale() + "=" + d + " has no room for the target's " + factors + " orthonormal directions";
      return m.size(m.model().input().tokens(), d) < 2 ? "at " + m.model().baseScale() + "=" + d + " a sequence has fewer than two tokens: no pairs a != b" : null;
    }

    @Override public KindNetwork<?, ?> at(ModelInstance m, int d) {
      ArchModel model = m.model();
      return new AttentionNetwork(d, m.size(model.input().tokens(), d), m.size(model.layers().get(0).option("heads"), d), model.target().terms().get(0).factors());
    }
  };

  final int dim, tokens, heads;
  private final java.util.List<Target.Factor> factors;
  private final double scoreScale, valueScale, outScale;

  public AttentionNetwork(int dim, int tokens, int heads, java.util.List<Target.Factor> factors) {
    this.dim = dim;
    this.tokens = tokens;
    this.heads = heads;
    this.factors = factors;
    this.scoreScale = 1.0 / dim;
    this.valueScale = 1 / Math.sqrt((double) dim * heads);
    this.outScale = 1 / Math.sqrt(tokens);
  }

  @Override double parameters() { return (double) heads * dim * dim + (double) heads * dim; }
  @Override public double macsPerSample() { return (double) heads * tokens * ((double) dim * dim + 2.0 * tokens * dim + dim + tokens); }
  @Override public int readoutWidth() { return heads * tokens; }
  @Override double doublesPerSample(boolean withGradient) { return 2.0 * tokens * dim + heads * ((double) tokens * tokens + 2.0 * tokens) + dim + tokens + 5; }
  @Override int inputDim() { return dim; }
  @Override int[] widths() { return new int[] {dim, heads}; }
  @Override int specialisedGroups() { return 2; }
  @Override PairData trainingData(int count, long seed) { return PairData.training(tokens, dim, factors, count, seed); }
  @Override PairData testData(int count, long seed) { return PairData.test(tokens, dim, factors, count, seed); }

  private int scoreOffset(int h) {
    return h * dim * dim;
  }

  private int valueOffset(int h) {
    return heads * dim * dim + h * dim;
  }

  /** Per data set: A_h x_b of the head in hand [token][coordinate][sample]; per head the softmax weights p[h][a][b][sample], values v[h][b] and outputs o[h][a]; scratch. */
  public final class Buffers extends KindNetwork.Buffers<PairData> {
    final double[][][] z;
    final double[][][][] p;
    final double[][][] v, o;
    final double[][] g, tk;
    final double[] t, max;
    /** The input by coordinate: x[j][k] is the data's x[k][j] (references only), the rows a sum over tokens reads. */
    final double[][][] byCoordinate;

    Buffers(PairData data, boolean withGradient) {
      super(data);
      if (data.tokens != tokens || data.dim != dim) throw new IllegalArgumentException("data are not " + tokens + " tokens of dimension " + dim);
      int m = data.count;
      z = new double[tokens][dim][m];
      p = new double[heads][tokens][tokens][m];
      v = new double[heads][tokens][m];
      o = new double[heads][tokens][m];
      g = new double[dim][m];
      tk = new double[tokens][m];
      t = new double[m];
      max = new double[m];
      byCoordinate = new double[dim][tokens][];
      for (int j = 0; j < dim; j++) for (int k = 0; k < tokens; k++) byCoordinate[j][k] = data.xt[k][j];
    }
  }

  @Override Buffers buffers(PairData data, boolean withGradient) {
    return new Buffers(data, withGradient);
  }

  /** Samples a block: the scores, values and outputs of a block near 256 KiB (as {@link DenseNetwork#sampleBlock}). */
  @Override int sampleBlock(Buffers b) {
    return Math.max(64, (32768 / (tokens * dim * 2 + heads * (tokens * tokens + 2 * tokens) + dim)) & ~7);
  }

  @Override void forward(double[] theta, Buffers b, boolean derivatives) {
    forward(theta, b, derivatives, 0, b.data.count);
  }

  @Override void backward(double[] theta, Buffers b, double[] grad) {
    backward(theta, b, grad, 0, b.data.count);
  }

  @Override
  void forward(double[] theta, Buffers b, boolean derivatives, int from, int to) {
    double[][][] x = b.data.xt;
    java.util.Arrays.fill(b.f, from, to, 0.0);
    for (int h = 0; h < heads; h++) {
      for (int k = 0; k < tokens; k++) {
        BatchOps.project(theta, scoreOffset(h), dim, dim, scoreScale, x[k], b.z[k], from, to); // z_k = A_h x_k
        double[] v = b.v[h][k];
        java.util.Arrays.fill(v, from, to, 0.0);
        for (int j = 0; j < dim; j++) BatchOps.axpy(from, to, valueScale * theta[valueOffset(h) + j], x[k][j], v);
      }
      for (int a = 0; a < tokens; a++) {
        double[][] p = b.p[h][a];
        for (int k = 0; k < tokens; k++) BatchOps.columnDots(x[a], b.z[k], dim, p[k], from, to); // s_ak = x_a . A_h x_k
        softmax(p, b.max, b.t, from, to);
        double[] o = b.o[h][a];
        BatchOps.columnDots(p, b.v[h], tokens, o, from, to); // o_a = sum_k p_ak v_k
        BatchOps.axpy(from, to, outScale, o, b.f);
      }
    }
  }

  /** The rows p[k] hold scores s_k per sample; they become softmax_k(s), the maximum subtracted for range. */
  private void softmax(double[][] p, double[] max, double[] sum, int from, int to) {
    System.arraycopy(p[0], from, max, from, to - from);
    for (int k = 1; k < tokens; k++) for (int mu = from; mu < to; mu++) max[mu] = Math.max(max[mu], p[k][mu]);
    java.util.Arrays.fill(sum, from, to, 0.0);
    for (int k = 0; k < tokens; k++) {
      double[] r = p[k];
      for (int mu = from; mu < to; mu++) {
        r[mu] = Math.exp(r[mu] - max[mu]);
        sum[mu] += r[mu];
      }
    }
    for (int mu = from; mu < to; mu++) sum[mu] = 1 / sum[mu];
    for (int k = 0; k < tokens; k++) BatchOps.multiplyInPlace(from, to, p[k], sum);
  }

  /**
   * With r = dU/df: dU/dv_hb = r L^-1/2 sum_a p_ab, and dU/ds_hab = r L^-1/2 p_ab (v_b - o_a); a score
   * s_ab = x_a . A_h x_b gives dU/dA_h = sum_a x_a (sum_b dU/ds_ab x_b)^T, reduced over the batch.
   */
  @Override
  void backward(double[] theta, Buffers b, double[] grad, int from, int to) {
    double[][][] x = b.data.xt;
    double[] t = b.t;
    for (int h = 0; h < heads; h++) {
      double[][][] p = b.p[h];
      for (int k = 0; k < tokens; k++) {
        java.util.Arrays.fill(t, from, to, 0.0);
        for (int a = 0; a < tokens; a++) BatchOps.axpy(from, to, 1, p[a][k], t);
        BatchOps.multiplyInPlace(from, to, t, b.r);
        for (int j = 0; j < dim; j++) grad[valueOffset(h) + j] += outScale * valueScale * BatchOps.dot(from, to, t, x[k][j]);
      }
      for (int a = 0; a < tokens; a++) {
        double[] o = b.o[h][a];
        for (int k = 0; k < tokens; k++) {
          double[] pk = p[a][k], v = b.v[h][k], tk = b.tk[k];
          for (int mu = from; mu < to; mu++) tk[mu] = outScale * b.r[mu] * pk[mu] * (v[mu] - o[mu]); // dU/ds_ak
        }
        for (int j = 0; j < dim; j++) BatchOps.columnDots(b.tk, b.byCoordinate[j], tokens, b.g[j], from, to); // sum_k dU/ds_ak x_k
        BatchOps.outerReduce(from, to, dim, dim, x[a], b.g, scoreScale, grad, scoreOffset(h));
      }
    }
  }

  /**
   * Group 0: heads whose value vector lies in the span of the key token's directions (overlap above
   * the threshold). Group 1: the largest score overlap over heads, |P_a A_h P_b|_F / |A_h|_F with
   * P_a, P_b the projections on the query's and the key's directions: about 1/d under the prior,
   * 1 for a score of the target's form.
   */
  @Override
  void countSpecialised(double[] theta, double threshold, PairData train, Buffers test, double[] counts) {
    double best = 0;
    for (int h = 0; h < heads; h++) {
      if (spanOverlap(theta, valueOffset(h), train, false) > threshold) counts[0]++;
      double num = 0, den = 0;
      for (int i = 0; i < dim; i++) for (int j = 0; j < dim; j++) den += sq(theta[scoreOffset(h) + i * dim + j]);
      for (int fa = 0; fa < train.directions.length; fa++) {
        if (!train.query[fa]) continue;
        for (int fb = 0; fb < train.directions.length; fb++) {
          if (train.query[fb]) continue;
          double s = 0;
          for (int i = 0; i < dim; i++) for (int j = 0; j < dim; j++) s += train.directions[fa][i] * theta[scoreOffset(h) + i * dim + j] * train.directions[fb][j];
          num += s * s;
        }
      }
      if (den > 0) best = Math.max(best, Math.sqrt(num / den));
    }
    counts[1] += best;
  }

  private static double sq(double v) {
    return v * v;
  }

  /** |P w| / |w| for the vector at theta[at..at+dim) and P the projection on the query's (or key's) directions. */
  private double spanOverlap(double[] theta, int at, PairData train, boolean queryToken) {
    double in = 0, norm = 0;
    for (int f = 0; f < train.directions.length; f++) {
      if (train.query[f] != queryToken) continue;
      double dot = 0;
      for (int k = 0; k < dim; k++) dot += train.directions[f][k] * theta[at + k];
      in += dot * dot;
    }
    for (int k = 0; k < dim; k++) norm += sq(theta[at + k]);
    return norm > 0 ? Math.sqrt(in / norm) : 0;
  }

  /**
   * The aligned start is the target's first-order form: head 0 gets A_0 = u_a u_b^T (|A_0|_F = 1, the
   * prior's typical norm; u_a the first query direction, u_b the first key direction) and w_0 along
   * the last key direction with the prior's norm; a second head, when there is one, gets A_1 = 0
   * (uniform attention) and the opposite value vector, which cancels the first head's
   * softmax-averaged value L^(1/2) mean_b w_0 . x_b, a linear term orthogonal to the target. (Putting every head on
   * the score would add those terms up: a start farther from the target than a prior draw.)
   */
  @Override
  double[] initialParameters(ChainStart start, PairData train, SplittableRandom rng) {
    double[] theta = Potential.draw(parameterCount(), rng);
    if (start != ChainStart.ALIGNED) return theta;
    int qa = -1, kb = -1, kv = -1;
    for (int f = 0; f < train.directions.length; f++) {
      if (train.query[f] && qa < 0) qa = f;
      if (!train.query[f]) {
        if (kb < 0) kb = f;
        kv = f;
      }
    }
    if (qa < 0) qa = kb; // a target on the key token only: the score reads that direction on both tokens
    if (kb < 0) kb = kv = qa;
    for (int i = 0; i < dim; i++) for (int j = 0; j < dim; j++) theta[scoreOffset(0) + i * dim + j] = dim * train.directions[qa][i] * train.directions[kb][j];
    BatchOps.alignRows(theta, valueOffset(0), dim, 1, train.directions[kv]);
    if (heads > 1) {
      java.util.Arrays.fill(theta, scoreOffset(1), scoreOffset(1) + dim * dim, 0.0);
      for (int k = 0; k < dim; k++) theta[valueOffset(1) + k] = -theta[valueOffset(0) + k];
    }
    return theta;
  }
}
