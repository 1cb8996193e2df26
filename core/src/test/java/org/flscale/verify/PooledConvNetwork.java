package org.flscale.verify;

import java.util.Map;
import java.util.SplittableRandom;

/**
 * The verifier's half of docs/extending.md's example, written as a user would: a CNN with global
 * average pooling, f = readoutScale sum_c b_c sum_i act(w_c . x_i)/sqrt(patches), filters shared
 * across patches, one readout weight per filter. Registered by the line
 * {@code org.flscale.verify.PooledConvNetwork$Kind} in
 * {@code META-INF/services/org.flscale.verify.NetworkKind}; no other Java is touched.
 * Parameters: V (filters x patch, row-major), then b (filters), all N(0, 1) under the prior.
 */
public final class PooledConvNetwork extends KindNetwork<TokenData, PooledConvNetwork.Buffers> {
  /** The kind, found by the ServiceLoader: options width, patch, patches, as the rule file declares. */
  public static final class Kind implements NetworkKind {
    @Override public String name() { return "pooled_conv"; }
    @Override public String unsupported(org.flscale.model.ArchModel model) { return NetworkKind.singleIndexOnly(model); }
    @Override public String reading() { return " read patch-wise"; }

    @Override public String sizeProblem(ModelInstance m, int d) {
      Map<String, Integer> o = m.optionSizes(d);
      return (long) o.get("patch") * o.get("patches") == d ? null : "d=" + d + " is not patch x patches";
    }

    @Override public KindNetwork<?, ?> at(ModelInstance m, int d) {
      Map<String, Integer> o = m.optionSizes(d);
      int n = m.width(0, d);
      return new PooledConvNetwork(n, o.get("patch"), o.get("patches"), m.kernel(0), m.readoutScale(n), m.targetDegree());
    }
  }

  final int filters, patch, patches, degree;
  final ActivationKernel act;
  final double readoutScale, poolScale, fanScale;

  PooledConvNetwork(int filters, int patch, int patches, ActivationKernel act, double readoutScale, int degree) {
    this.filters = filters;
    this.patch = patch;
    this.patches = patches;
    this.act = act;
    this.readoutScale = readoutScale;
    this.degree = degree;
    this.poolScale = 1 / Math.sqrt(patches);
    this.fanScale = 1 / Math.sqrt(patch);
  }

  @Override double parameters() { return (double) filters * patch + filters; }
  @Override public double macsPerSample() { return (double) filters * patch * patches + (double) filters * patches; }
  @Override public int readoutWidth() { return filters; }
  @Override double doublesPerSample(boolean withGradient) { return (double) patch * patches + (double) patches * filters * (withGradient ? 4 : 2) + 3; }
  @Override int inputDim() { return patch * patches; }
  @Override int[] widths() { return new int[] {patch * patches, filters}; }
  @Override int specialisedGroups() { return 1; }
  @Override TokenData trainingData(int count, long seed) { return TokenData.training(patches, patch, degree, count, seed); }
  @Override TokenData testData(int count, long seed) { return TokenData.test(patches, patch, degree, count, seed); }

  /** Pre-activations, activations, derivatives and deltas per patch, [patch][filter][sample]. */
  public final class Buffers extends KindNetwork.Buffers<TokenData> {
    final double[][][] z, h, dh, delta;

    Buffers(TokenData data, boolean withGradient) {
      super(data);
      int m = data.count;
      z = new double[patches][filters][m];
      h = new double[patches][filters][m];
      dh = withGradient ? new double[patches][filters][m] : null;
      delta = withGradient ? new double[patches][filters][m] : null;
    }
  }

  @Override Buffers buffers(TokenData data, boolean withGradient) {
    return new Buffers(data, withGradient);
  }

  @Override
  void forward(double[] theta, Buffers b, boolean derivatives) {
    int m = b.data.count, b0 = filters * patch;
    java.util.Arrays.fill(b.f, 0.0);
    for (int i = 0; i < patches; i++) {
      BatchOps.project(theta, 0, patch, filters, fanScale, b.data.xt[i], b.z[i], m);
      for (int c = 0; c < filters; c++) {
        act.apply(b.z[i][c], b.h[i][c], derivatives ? b.dh[i][c] : null, m);
        BatchOps.axpy(0, m, readoutScale * poolScale * theta[b0 + c], b.h[i][c], b.f);
      }
    }
  }

  @Override
  void backward(double[] theta, Buffers b, double[] grad) {
    int m = b.data.count, b0 = filters * patch;
    for (int i = 0; i < patches; i++) {
      for (int c = 0; c < filters; c++) {
        grad[b0 + c] += readoutScale * poolScale * BatchOps.dot(0, m, b.r, b.h[i][c]);
        BatchOps.scaledProduct(m, readoutScale * poolScale * theta[b0 + c], b.r, b.dh[i][c], b.delta[i][c]);
      }
      BatchOps.outerReduce(m, filters, patch, b.delta[i], b.data.xt[i], fanScale, grad, 0);
    }
  }

  @Override
  void countSpecialised(double[] theta, double threshold, TokenData train, Buffers test, double[] counts) {
    for (int c = 0; c < filters; c++) if (BatchOps.overlap(theta, c * patch, patch, train.teacher) > threshold) counts[0]++;
  }

  @Override
  double[] initialParameters(ChainStart start, TokenData train, SplittableRandom rng) {
    double[] theta = Potential.draw(parameterCount(), rng);
    if (start == ChainStart.ALIGNED) BatchOps.alignRows(theta, 0, patch, Math.min(ChainStart.ALIGNED_NEURONS, filters), train.teacher);
    return theta;
  }
}
