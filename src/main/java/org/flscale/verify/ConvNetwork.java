package org.flscale.verify;

import java.util.SplittableRandom;

/**
 * A two-layer CNN on non-overlapping patches (rules/layers.m, kind conv): the input x in R^(patch
 * patches) is cut into patches x_i in R^patch, `filters` filters w_c = V_c / sqrt(patch) are
 * shared by all patches, and the readout has a weight per filter and patch:
 * f = readoutScale sum_{c,i} b_{c,i} act(w_c . x_i), readoutScale from the parametrization with
 * fan-in filters x patches. Parameters: V (filters x patch, row-major), then b (index i filters + c),
 * all N(0, 1) under the prior.
 */
public final class ConvNetwork {
  final int filters, patch, patches;
  final ActivationKernel act;
  final double readoutScale;
  private final double fanScale;

  public ConvNetwork(int filters, int patch, int patches, ActivationKernel act, double readoutScale) {
    this.filters = filters;
    this.patch = patch;
    this.patches = patches;
    this.act = act;
    this.readoutScale = readoutScale;
    this.fanScale = 1 / Math.sqrt(patch);
  }

  public int parameterCount() {
    return filters * patch + filters * patches;
  }

  int readoutOffset() {
    return filters * patch;
  }

  public long macsPerSample() {
    return (long) filters * patch * patches + (long) filters * patches;
  }

  /** Buffers for one data set: pre-activations, activations, derivatives and deltas per patch, [patch][filter][sample]. */
  public final class Buffers {
    final TokenData data;
    final double[][][] z, h, dh, delta;
    final double[] f, r;

    Buffers(TokenData data, boolean withGradient) {
      if (data.pieces != patches || data.dim != patch) throw new IllegalArgumentException("data are not cut into " + patches + " patches of " + patch);
      this.data = data;
      int m = data.count;
      z = new double[patches][filters][m];
      h = new double[patches][filters][m];
      dh = withGradient ? new double[patches][filters][m] : null;
      delta = withGradient ? new double[patches][filters][m] : null;
      f = new double[m];
      r = new double[m];
    }
  }

  public Buffers buffers(TokenData data, boolean withGradient) {
    return new Buffers(data, withGradient);
  }

  public double[] forward(double[] theta, Buffers b, boolean derivatives) {
    int m = b.data.count, b0 = readoutOffset();
    java.util.Arrays.fill(b.f, 0.0);
    for (int i = 0; i < patches; i++) {
      Projection.apply(theta, 0, patch, filters, fanScale, b.data.xt[i], b.z[i], m);
      for (int c = 0; c < filters; c++) {
        act.apply(b.z[i][c], b.h[i][c], derivatives ? b.dh[i][c] : null, m);
        Network.axpy(0, m, readoutScale * theta[b0 + i * filters + c], b.h[i][c], b.f);
      }
    }
    return b.f;
  }

  public double potentialAndGradient(double[] theta, Buffers b, double kappa, double[] grad) {
    forward(theta, b, true);
    int m = b.data.count, b0 = readoutOffset();
    double loss = Potential.residuals(b.f, b.data.y, m, kappa, b.r);
    double prior = Potential.prior(theta, grad);
    for (int i = 0; i < patches; i++) {
      for (int c = 0; c < filters; c++) {
        int at = b0 + i * filters + c;
        grad[at] += readoutScale * Network.dot(0, m, b.r, b.h[i][c]);
        Network.scaledProduct(m, readoutScale * theta[at], b.r, b.dh[i][c], b.delta[i][c]);
      }
      // the filters are shared: their gradient sums the contributions of every patch
      Network.outerReduce(m, filters, patch, b.delta[i], b.data.xt[i], fanScale, grad, 0);
    }
    return 0.5 * prior + 0.5 * loss / kappa;
  }

  /** Binds the network to its data for the sampler. */
  public Trainable bind(TokenData train, TokenData test) {
    Buffers tr = buffers(train, true), te = buffers(test, false);
    double[] overlaps = new double[filters];
    return new Trainable() {
      @Override public int parameterCount() { return ConvNetwork.this.parameterCount(); }
      @Override public int inputDim() { return patch * patches; }
      @Override public int trainSize() { return train.count; }
      @Override public double potentialAndGradient(double[] theta, double kappa, double[] grad) {
        return ConvNetwork.this.potentialAndGradient(theta, tr, kappa, grad);
      }
      @Override public double[] trainOutput() { return tr.f; }
      @Override public double[] trainTargets() { return train.y; }
      @Override public double[] testOutput(double[] theta) { return forward(theta, te, false); }
      @Override public double[] testTargets() { return test.y; }
      @Override public int specialisedGroups() { return 1; }
      @Override public void countSpecialised(double[] theta, double threshold, double[] counts) {
        Projection.rowOverlaps(theta, 0, patch, filters, train.teacher, overlaps);
        for (double o : overlaps) if (o > threshold) counts[0]++;
      }
      @Override public double[] initialParameters(ChainStart start, SplittableRandom rng) {
        double[] theta = Potential.draw(parameterCount(), rng);
        if (start == ChainStart.ALIGNED) Projection.alignRows(theta, 0, patch, Math.min(ChainStart.ALIGNED_NEURONS, filters), train.teacher);
        return theta;
      }
      @Override public int[] widths() { return new int[] {patch * patches, filters}; }
    };
  }
}
