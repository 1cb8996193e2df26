package org.flscale.verify;

import java.util.SplittableRandom;

/**
 * What every network kind shares: parameters in preconditioned units (N(0, 1) under the prior),
 * buffers per data set allocated once, the potential U = |theta|^2/2 + (1/(2 kappa)) sum (f - y)^2
 * built from the kind's forward and backward passes, and the binding to a training and a test set
 * for the sampler. A kind supplies its sizes, its data, the two passes and its observables; it
 * registers itself in {@link NetworkKinds}.
 *
 * <p>Constructors allocate nothing that grows with the sizes (the buffers come with {@link #bind}),
 * so a network can be built to estimate the cost and memory of sizes that would not fit.
 *
 * @param <S> the kind's data
 * @param <B> its buffers for one data set
 */
public abstract class KindNetwork<S extends Samples, B extends KindNetwork.Buffers<S>> {
  /** A data set, the output f on it and the residual r = (f - y)/kappa; kinds add their activations. */
  public static class Buffers<S extends Samples> {
    final S data;
    final double[] f, r;

    Buffers(S data) {
      this.data = data;
      this.f = new double[data.count];
      this.r = new double[data.count];
    }
  }

  /** Number of parameters, as a double: an estimate that cannot overflow for sizes that are then refused. */
  abstract double parameters();

  public final int parameterCount() {
    double n = parameters();
    if (n > Integer.MAX_VALUE - 8) throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "%.3g parameters cannot be allocated", n));
    return (int) n;
  }

  /** Multiply-adds of one forward pass per sample (the cost model). */
  public abstract double macsPerSample();

  /** Units feeding the output (the cost model's per-sample readout term). */
  public abstract int readoutWidth();

  /** Doubles held per sample by a data set and its buffers (the memory estimate). */
  abstract double doublesPerSample(boolean withGradient);

  /** The d of the step size dt = c kappa d / P: the input dimension of a sample. */
  abstract int inputDim();

  /** Sizes recorded with a result: the input dimension, then the hidden units of each layer. */
  abstract int[] widths();

  abstract S trainingData(int count, long seed);

  abstract S testData(int count, long seed);

  abstract B buffers(S data, boolean withGradient);

  /** f on the buffers' data into b.f (with the activations' derivatives when a backward pass follows). */
  abstract void forward(double[] theta, B b, boolean derivatives);

  /** Adds the likelihood's gradient to grad (which holds the prior's), from b.r and the forward pass's buffers. */
  abstract void backward(double[] theta, B b, double[] grad);

  /**
   * Samples a block of the training step takes through the forward and the backward pass together,
   * so that a block's activations are still in cache when the backward pass reads them (a whole
   * batch of the reference cell is 5 to 20 MiB). A kind whose passes take sample ranges
   * ({@link #forward(double[], Buffers, boolean, int, int)}, {@link #backward(double[], Buffers, double[], int, int)})
   * returns less than the batch; the default, the whole batch, needs only the plain passes.
   */
  int sampleBlock(B b) {
    return b.data.count;
  }

  /** The forward pass on samples [from, to) only; kinds that return a block below the batch override it. */
  void forward(double[] theta, B b, boolean derivatives, int from, int to) {
    if (from != 0 || to != b.data.count) throw new UnsupportedOperationException("this kind's passes take the whole batch");
    forward(theta, b, derivatives);
  }

  /** The backward pass on samples [from, to) only, adding their part of the gradient. */
  void backward(double[] theta, B b, double[] grad, int from, int to) {
    if (from != 0 || to != b.data.count) throw new UnsupportedOperationException("this kind's passes take the whole batch");
    backward(theta, b, grad);
  }

  /** Entries of the specialised-units record (one per hidden layer, or per part of a layer). */
  abstract int specialisedGroups();

  /** Adds to counts[g] the units of group g that have specialised; after a forward pass on the test buffers. */
  abstract void countSpecialised(double[] theta, double threshold, S train, B test, double[] counts);

  /** A prior draw, set partly onto the teacher for an aligned start. */
  abstract double[] initialParameters(ChainStart start, S train, SplittableRandom rng);

  /** U on the buffers' data and its gradient into grad (overwritten), a block of samples at a time. */
  final double potentialAndGradient(double[] theta, B b, double kappa, double[] grad) {
    double prior = Potential.prior(theta, grad), loss = 0;
    int count = b.data.count, block = Math.max(1, sampleBlock(b));
    for (int from = 0; from < count; from += block) {
      int to = Math.min(count, from + block);
      forward(theta, b, true, from, to);
      loss += Potential.residuals(b.f, b.data.y, from, to, kappa, b.r);
      backward(theta, b, grad, from, to);
    }
    return 0.5 * prior + 0.5 * loss / kappa;
  }

  /** The network bound to the training set of P samples and the test set of a seed. */
  public final Trainable bind(int p, int testSize, long seed) {
    return bind(trainingData(p, seed), testData(testSize, seed));
  }

  public final Trainable bind(S train, S test) {
    B tr = buffers(train, true), te = buffers(test, false);
    return new Trainable() {
      @Override public int parameterCount() { return KindNetwork.this.parameterCount(); }
      @Override public int inputDim() { return KindNetwork.this.inputDim(); }
      @Override public int trainSize() { return train.count; }
      @Override public double potentialAndGradient(double[] theta, double kappa, double[] grad) {
        return KindNetwork.this.potentialAndGradient(theta, tr, kappa, grad);
      }
      @Override public double[] trainOutput() { return tr.f; }
      @Override public double[] trainTargets() { return train.y; }
      @Override public double[] testOutput(double[] theta) {
        forward(theta, te, false);
        return te.f;
      }
      @Override public double[] testTargets() { return test.y; }
      @Override public int specialisedGroups() { return KindNetwork.this.specialisedGroups(); }
      @Override public void countSpecialised(double[] theta, double threshold, double[] counts) {
        KindNetwork.this.countSpecialised(theta, threshold, train, te, counts);
      }
      @Override public double[] initialParameters(ChainStart start, SplittableRandom rng) {
        return KindNetwork.this.initialParameters(start, train, rng);
      }
      @Override public int[] widths() { return KindNetwork.this.widths(); }
    };
  }
}
