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

  /** Entries of the specialised-units record (one per hidden layer, or per part of a layer). */
  abstract int specialisedGroups();

  /** Adds to counts[g] the units of group g that have specialised; after a forward pass on the test buffers. */
  abstract void countSpecialised(double[] theta, double threshold, S train, B test, double[] counts);

  /** A prior draw, set partly onto the teacher for an aligned start. */
  abstract double[] initialParameters(ChainStart start, S train, SplittableRandom rng);

  /** U on the buffers' data and its gradient into grad (overwritten). */
  final double potentialAndGradient(double[] theta, B b, double kappa, double[] grad) {
    forward(theta, b, true);
    double loss = Potential.residuals(b.f, b.data.y, b.data.count, kappa, b.r);
    double prior = Potential.prior(theta, grad);
    backward(theta, b, grad);
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
