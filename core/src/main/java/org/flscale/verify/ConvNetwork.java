package org.flscale.verify;

import java.util.Map;
import java.util.SplittableRandom;

/**
 * A two-layer CNN on non-overlapping patches (rules/layers.m, kind conv): the input x in R^(patch
 * patches) is cut into patches x_i in R^patch, `filters` filters w_c = V_c / sqrt(patch) are
 * shared by all patches, and the readout has a weight per filter and patch:
 * f = readoutScale sum_{c,i} b_{c,i} act(w_c . x_i), readoutScale from the parametrization with
 * fan-in filters x patches. Parameters: V (filters x patch, row-major), then b (index i filters + c),
 * all N(0, 1) under the prior. The target is read patch-wise ({@link TokenData}).
 */
public final class ConvNetwork extends KindNetwork<TokenData, ConvNetwork.Buffers> {
  /** The conv kind: options width, patch, patches; d must be whole patches. */
  static final NetworkKind KIND = new NetworkKind() {
    @Override public String name() { return "conv"; }
    @Override public String unsupported(org.flscale.model.ArchModel model) { return NetworkKind.singleIndexOnly(model); }
    @Override public String reading() { return " read patch-wise"; }

    @Override public String sizeProblem(ModelInstance m, int d) {
      Map<String, Integer> o = m.optionSizes(d);
      long p = o.get("patch"), n = o.get("patches");
      return p * n == d ? null : m.model().baseScale() + "=" + d + " is not patch x patches = " + p + " x " + n
          + " (choose d with patch patches = d, e.g. a square for patch = patches = d^(1/2))";
    }

    @Override public KindNetwork<?, ?> at(ModelInstance m, int d) {
      Map<String, Integer> o = m.optionSizes(d);
      int n = m.width(0, d), patches = o.get("patches");
      return new ConvNetwork(n, o.get("patch"), patches, m.kernel(0), m.readoutScale(n * patches), m.targetDegree());
    }
  };

  final int filters, patch, patches, degree;
  final ActivationKernel act;
  final double readoutScale;
  private final double fanScale;

  public ConvNetwork(int filters, int patch, int patches, ActivationKernel act, double readoutScale, int degree) {
    this.filters = filters;
    this.patch = patch;
    this.patches = patches;
    this.act = act;
    this.readoutScale = readoutScale;
    this.degree = degree;
    this.fanScale = 1 / Math.sqrt(patch);
  }

  @Override double parameters() { return (double) filters * patch + (double) filters * patches; }
  @Override public double macsPerSample() { return (double) filters * patch * patches + (double) filters * patches; }
  @Override public int readoutWidth() { return filters * patches; }
  @Override double doublesPerSample(boolean withGradient) { return (double) patch * patches + (double) patches * filters * (withGradient ? 4 : 2) + 3; }
  @Override int inputDim() { return patch * patches; }
  @Override int[] widths() { return new int[] {patch * patches, filters}; }
  @Override int specialisedGroups() { return 1; }
  @Override TokenData trainingData(int count, long seed) { return TokenData.training(patches, patch, degree, count, seed); }
  @Override TokenData testData(int count, long seed) { return TokenData.test(patches, patch, degree, count, seed); }

  private int readoutOffset() {
    return filters * patch;
  }

  /** Buffers for one data set: pre-activations, activations, derivatives and deltas per patch, [patch][filter][sample]. */
  public final class Buffers extends KindNetwork.Buffers<TokenData> {
    final double[][][] z, h, dh, delta;

    Buffers(TokenData data, boolean withGradient) {
      super(data);
      if (data.pieces != patches || data.dim != patch) throw new IllegalArgumentException("data are not cut into " + patches + " patches of " + patch);
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

  /** Samples a block: the patches' four buffers and the input of a block near 256 KiB (as {@link DenseNetwork#sampleBlock}). */
  @Override int sampleBlock(Buffers b) {
    return Math.max(64, (32768 / (patch * patches + filters * patches)) & ~7);
  }

  @Override void forward(double[] theta, Buffers b, boolean derivatives) {
    forward(theta, b, derivatives, 0, b.data.count);
  }

  @Override void backward(double[] theta, Buffers b, double[] grad) {
    backward(theta, b, grad, 0, b.data.count);
  }

  @Override
  void forward(double[] theta, Buffers b, boolean derivatives, int from, int to) {
    int b0 = readoutOffset();
    java.util.Arrays.fill(b.f, from, to, 0.0);
    for (int i = 0; i < patches; i++) {
      BatchOps.project(theta, 0, patch, filters, fanScale, b.data.xt[i], b.z[i], from, to);
      for (int c = 0; c < filters; c++) {
        act.apply(b.z[i][c], b.h[i][c], derivatives ? b.dh[i][c] : null, from, to);
        BatchOps.axpy(from, to, readoutScale * theta[b0 + i * filters + c], b.h[i][c], b.f);
      }
    }
  }

  @Override
  void backward(double[] theta, Buffers b, double[] grad, int from, int to) {
    int b0 = readoutOffset();
    for (int i = 0; i < patches; i++) {
      for (int c = 0; c < filters; c++) {
        int at = b0 + i * filters + c;
        grad[at] += readoutScale * BatchOps.dot(from, to, b.r, b.h[i][c]);
        BatchOps.scaledProduct(from, to, readoutScale * theta[at], b.r, b.dh[i][c], b.delta[i][c]);
      }
      // the filters are shared: their gradient sums the contributions of every patch
      BatchOps.outerReduce(from, to, filters, patch, b.delta[i], b.data.xt[i], fanScale, grad, 0);
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
