package org.flscale.verify;

import java.util.SplittableRandom;

/**
 * The dense network of a {@link NetworkShape} (kind dense, any depth) on single-index data
 * ({@link SyntheticData}). Parameters: V_1, ..., V_L row-major n[l] x n[l-1], then the readout b,
 * all N(0, 1) under the prior; layer l computes h_l = act_l(V_l h_{l-1} / sqrt(n[l-1])) and
 * f = readoutScale b . h_L. Observables: first-layer neurons whose weight vector overlaps the
 * teacher, deeper-layer neurons whose activation correlates with y on the test set.
 */
public final class DenseNetwork extends KindNetwork<SyntheticData, DenseNetwork.Workspace> {
  /** The dense kind: every layer dense, a single-index target. */
  static final NetworkKind KIND = new NetworkKind() {
    @Override public String name() { return "dense"; }
    @Override public String unsupported(org.flscale.model.ArchModel model) { return NetworkKind.singleIndexOnly(model); }
    @Override public KindNetwork<?, ?> at(ModelInstance m, int d) { return new DenseNetwork(m.shape(d), m.targetDegree()); }
  };

  private final NetworkShape shape;
  private final int depth, degree;
  private final int[] n;
  private final int[] off;
  private final double[] fanScale;

  public DenseNetwork(NetworkShape shape, int degree) {
    this.shape = shape;
    this.degree = degree;
    this.depth = shape.depth();
    this.n = shape.widths().clone();
    this.off = new int[depth + 2];
    for (int l = 1; l <= depth + 1; l++) off[l] = shape.weightOffset(l);
    this.fanScale = new double[depth + 1];
    for (int l = 1; l <= depth; l++) fanScale[l] = 1 / Math.sqrt(n[l - 1]);
  }

  public NetworkShape shape() {
    return shape;
  }

  @Override double parameters() {
    double p = n[depth];
    for (int l = 1; l <= depth; l++) p += (double) n[l - 1] * n[l];
    return p;
  }

  @Override public double macsPerSample() { return shape.macsPerSample(); }
  @Override public int readoutWidth() { return shape.outputWidth(); }
  @Override int inputDim() { return n[0]; }
  @Override int[] widths() { return shape.widths(); }
  @Override int specialisedGroups() { return depth; }
  @Override SyntheticData trainingData(int count, long seed) { return SyntheticData.training(n[0], degree, count, seed); }
  @Override SyntheticData testData(int count, long seed) { return SyntheticData.test(n[0], degree, count, seed); }

  @Override
  double doublesPerSample(boolean withGradient) {
    double units = 0;
    for (int l = 1; l <= depth; l++) units += n[l];
    return 2.0 * n[0] + units * (withGradient ? 4 : 2) + 3;
  }

  /** Buffers for one data set: per hidden layer l = 1..L pre-activations, activations, derivatives and dU/dz, [l][unit][sample]. */
  public final class Workspace extends KindNetwork.Buffers<SyntheticData> {
    final double[][][] z, h, dh, delta;

    Workspace(SyntheticData data, boolean withGradient) {
      super(data);
      int size = data.count;
      z = new double[depth + 1][][];
      h = new double[depth + 1][][];
      dh = new double[depth + 1][][];
      delta = new double[depth + 1][][];
      h[0] = data.xt;
      for (int l = 1; l <= depth; l++) {
        z[l] = new double[n[l]][size];
        h[l] = new double[n[l]][size];
        if (withGradient) {
          dh[l] = new double[n[l]][size];
          delta[l] = new double[n[l]][size];
        }
      }
    }
  }

  @Override Workspace buffers(SyntheticData data, boolean withGradient) {
    return new Workspace(data, withGradient);
  }

  /**
   * Samples a block: about 32 K doubles of activations (256 KiB), the hidden units' four buffers
   * and the input of a block fitting in the core's 1 MiB L2, in multiples of 8 (a vector).
   */
  @Override int sampleBlock(Workspace ws) {
    int units = n[0];
    for (int l = 1; l <= depth; l++) units += n[l];
    return Math.max(64, (32768 / units) & ~7);
  }

  @Override void forward(double[] theta, Workspace ws, boolean derivatives) {
    forward(theta, ws, derivatives, 0, ws.data.count);
  }

  @Override void backward(double[] theta, Workspace ws, double[] grad) {
    backward(theta, ws, grad, 0, ws.data.count);
  }

  @Override
  void forward(double[] theta, Workspace ws, boolean derivatives, int from, int to) {
    for (int l = 1; l <= depth; l++) {
      BatchOps.project(theta, off[l], n[l - 1], n[l], fanScale[l], ws.h[l - 1], ws.z[l], from, to);
      ActivationKernel act = shape.activations()[l - 1];
      for (int i = 0; i < n[l]; i++) act.apply(ws.z[l][i], ws.h[l][i], derivatives ? ws.dh[l][i] : null, from, to);
    }
    int b0 = off[depth + 1];
    double c = shape.readoutScale();
    java.util.Arrays.fill(ws.f, from, to, 0.0);
    for (int i = 0; i < n[depth]; i++) BatchOps.axpy(from, to, c * theta[b0 + i], ws.h[depth][i], ws.f);
  }

  @Override
  void backward(double[] theta, Workspace ws, double[] grad, int from, int to) {
    int nl = n[depth], b0 = off[depth + 1];
    double c = shape.readoutScale();
    for (int i = 0; i < nl; i++) grad[b0 + i] += c * BatchOps.dot(from, to, ws.r, ws.h[depth][i]);
    if (depth > 0) {
      for (int i = 0; i < nl; i++) BatchOps.scaledProduct(from, to, c * theta[b0 + i], ws.r, ws.dh[depth][i], ws.delta[depth][i]);
    }
    for (int l = depth; l >= 1; l--) {
      BatchOps.outerReduce(from, to, n[l], n[l - 1], ws.delta[l], ws.h[l - 1], l == 1 ? ws.data.x : null, fanScale[l], grad, off[l]);
      if (l > 1) BatchOps.projectBack(theta, off[l], n[l - 1], n[l], fanScale[l], ws.delta[l], ws.delta[l - 1], ws.dh[l - 1], from, to);
    }
  }

  @Override
  double[] initialParameters(ChainStart start, SyntheticData train, SplittableRandom rng) {
    double[] theta = Potential.draw(parameterCount(), rng);
    if (start == ChainStart.ALIGNED && depth >= 1) BatchOps.alignRows(theta, 0, n[0], Math.min(ChainStart.ALIGNED_NEURONS, n[1]), train.teacher);
    return theta;
  }

  @Override
  void countSpecialised(double[] theta, double threshold, SyntheticData train, Workspace test, double[] counts) {
    if (depth < 1) return;
    for (int i = 0; i < n[1]; i++) if (BatchOps.overlap(theta, i * n[0], n[0], train.teacher) > threshold) counts[0]++;
    for (int l = 2; l <= depth; l++) counts[l - 1] += correlatedNeurons(test.h[l], n[l], test.data.y, threshold);
  }

  /** Neurons of a deeper layer whose activation over the test set correlates with y above the threshold. */
  private static int correlatedNeurons(double[][] h, int width, double[] y, double threshold) {
    int count = 0, m = y.length;
    double yMean = 0, yVar = 0;
    for (double v : y) yMean += v;
    yMean /= m;
    for (double v : y) yVar += (v - yMean) * (v - yMean);
    for (int i = 0; i < width; i++) {
      double hm = 0;
      for (int mu = 0; mu < m; mu++) hm += h[i][mu];
      hm /= m;
      double cov = 0, var = 0;
      for (int mu = 0; mu < m; mu++) {
        double a = h[i][mu] - hm;
        cov += a * (y[mu] - yMean);
        var += a * a;
      }
      if (var > 0 && Math.abs(cov) / Math.sqrt(var * yVar) > threshold) count++;
    }
    return count;
  }
}
