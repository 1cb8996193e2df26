package org.flscale.verify;

import java.util.SplittableRandom;

/**
 * A {@link DenseNetwork} whose training step runs in float (--precision fp32): each step rounds
 * theta to a float copy, the forward and backward passes on the training set run on float buffers
 * ({@link FloatOps}), and each block's weight gradient, summed in float, is added into the double
 * gradient, beside the prior's, which stays double with theta, the noise and the update. The
 * observables (the predictor on the test set, the specialised units) are the double network's at
 * the sampled theta: fp32 changes the dynamics, not the measurement of where they went.
 */
public final class FloatDenseNetwork implements Trainable {
  private final DenseNetwork net;
  private final NetworkShape shape;
  private final SyntheticData train;
  private final DenseNetwork.Workspace test;
  private final int depth, block;
  private final int[] n, off;
  private final double[] fanScale;
  private final float[] fanScale32, w, xRows, f32, r32;
  private final double[] f, r;
  /** Per hidden layer l = 1..L: pre-activations, activations, derivatives, dU/dz; [l][unit][sample]. */
  private final float[][][] z, h, dh, delta;

  /** The network at its sizes bound to the training set of P samples and the test set of a seed; dense only. */
  static Trainable bind(KindNetwork<?, ?> network, int p, int testSize, long seed) {
    if (!(network instanceof DenseNetwork dense)) throw new IllegalArgumentException(Precision.FP32.unsupported(network.getClass().getSimpleName()));
    return new FloatDenseNetwork(dense, dense.trainingData(p, seed), dense.testData(testSize, seed));
  }

  /** The network bound to a training and a test set (for benchmarks and tests). */
  public static Trainable bind(DenseNetwork net, SyntheticData train, SyntheticData test) {
    return new FloatDenseNetwork(net, train, test);
  }

  FloatDenseNetwork(DenseNetwork net, SyntheticData train, SyntheticData test) {
    this.net = net;
    this.shape = net.shape();
    this.train = train;
    this.test = net.buffers(test, false);
    this.depth = shape.depth();
    this.n = shape.widths().clone();
    this.off = new int[depth + 2];
    this.fanScale = new double[depth + 1];
    this.fanScale32 = new float[depth + 1];
    for (int l = 1; l <= depth + 1; l++) off[l] = shape.weightOffset(l);
    for (int l = 1; l <= depth; l++) {
      fanScale[l] = 1 / Math.sqrt(n[l - 1]);
      fanScale32[l] = (float) fanScale[l];
    }
    int count = train.count, units = 0;
    for (int width : n) units += width;
    // about 64 K floats of activations a block (256 KiB, in L2), whole register blocks of 3 vectors
    int panel = 3 * (VectorSupport.ENABLED ? FloatKernels.L : 16);
    this.block = Math.max(panel, 65536 / units / panel * panel);
    this.w = new float[net.parameterCount()];
    this.xRows = new float[train.x.length];
    FloatOps.round(train.x, xRows);
    this.f32 = new float[count];
    this.r32 = new float[count];
    this.f = new double[count];
    this.r = new double[count];
    z = new float[depth + 1][][];
    h = new float[depth + 1][][];
    dh = new float[depth + 1][][];
    delta = new float[depth + 1][][];
    h[0] = FloatOps.round(train.xt);
    for (int l = 1; l <= depth; l++) {
      z[l] = new float[n[l]][count];
      h[l] = new float[n[l]][count];
      dh[l] = new float[n[l]][count];
      delta[l] = new float[n[l]][count];
    }
  }

  @Override public double potentialAndGradient(double[] theta, double kappa, double[] grad) {
    double prior = Potential.prior(theta, grad), loss = 0;
    FloatOps.round(theta, w);
    for (int from = 0; from < train.count; from += block) {
      int to = Math.min(train.count, from + block);
      forward(from, to);
      loss += Potential.residuals(f, train.y, from, to, kappa, r);
      backward(grad, from, to);
    }
    return 0.5 * prior + 0.5 * loss / kappa;
  }

  /** f on samples [from, to) (into f, widened) with every layer's derivatives. */
  private void forward(int from, int to) {
    for (int l = 1; l <= depth; l++) {
      FloatOps.project(w, off[l], n[l - 1], n[l], fanScale32[l], h[l - 1], z[l], from, to);
      ActivationKernel act = shape.activations()[l - 1];
      for (int i = 0; i < n[l]; i++) FloatOps.activate(act, z[l][i], h[l][i], dh[l][i], from, to);
    }
    int b0 = off[depth + 1];
    float c = (float) shape.readoutScale();
    java.util.Arrays.fill(f32, from, to, 0f);
    for (int i = 0; i < n[depth]; i++) FloatOps.axpy(from, to, c * w[b0 + i], h[depth][i], f32);
    for (int mu = from; mu < to; mu++) f[mu] = f32[mu];
  }

  /** Adds the likelihood's gradient on samples [from, to) to grad, from the residuals r. */
  private void backward(double[] grad, int from, int to) {
    for (int mu = from; mu < to; mu++) r32[mu] = (float) r[mu];
    int nl = n[depth], b0 = off[depth + 1];
    double c = shape.readoutScale();
    for (int i = 0; i < nl; i++) grad[b0 + i] += c * FloatOps.dot(from, to, r32, h[depth][i]);
    for (int i = 0; depth > 0 && i < nl; i++) FloatOps.scaledProduct(from, to, (float) c * w[b0 + i], r32, dh[depth][i], delta[depth][i]);
    for (int l = depth; l >= 1; l--) {
      FloatOps.outerReduce(from, to, n[l], n[l - 1], delta[l], h[l - 1], l == 1 ? xRows : null, fanScale[l], grad, off[l]);
      if (l > 1) FloatOps.projectBack(w, off[l], n[l - 1], n[l], fanScale32[l], delta[l], delta[l - 1], dh[l - 1], from, to);
    }
  }

  @Override public boolean floatPasses() { return true; }
  @Override public int parameterCount() { return net.parameterCount(); }
  @Override public int inputDim() { return net.inputDim(); }
  @Override public int trainSize() { return train.count; }
  @Override public double[] trainOutput() { return f; }
  @Override public double[] trainTargets() { return train.y; }
  @Override public double[] testTargets() { return test.data.y; }
  @Override public int specialisedGroups() { return net.specialisedGroups(); }
  @Override public int[] widths() { return net.widths(); }

  @Override public double[] testOutput(double[] theta) {
    net.forward(theta, test, false);
    return test.f;
  }

  @Override public void countSpecialised(double[] theta, double threshold, double[] counts) {
    net.countSpecialised(theta, threshold, train, test, counts);
  }

  @Override public double[] initialParameters(ChainStart start, SplittableRandom rng) {
    return net.initialParameters(start, train, rng);
  }
}
