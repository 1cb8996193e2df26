package org.flscale.verify;

import java.util.SplittableRandom;

/**
 * A network bound to its training and test sets, as the sampler sees it: the potential and its
 * gradient on the training set, the predictor on the test set, and the count of units that have
 * specialised on the teacher. One implementation per layer kind; each preallocates its buffers,
 * so a step allocates nothing.
 */
public interface Trainable {
  int parameterCount();

  /** The d of the step size dt = c kappa d / P: the input dimension of the sample. */
  int inputDim();

  int trainSize();

  /** U = |theta|^2/2 + (1/(2 kappa)) sum_mu (f(x_mu) - y_mu)^2 on the training set; gradient into grad. */
  double potentialAndGradient(double[] theta, double kappa, double[] grad);

  /** f on the training set from the last potentialAndGradient. */
  double[] trainOutput();

  double[] trainTargets();

  /** f on the test set (a buffer overwritten by the next call). */
  double[] testOutput(double[] theta);

  double[] testTargets();

  /** Entries of the specialised-units record (one per hidden layer, or per part of a layer). */
  int specialisedGroups();

  /** Adds to counts[g] the units of group g whose overlap with the teacher exceeds the threshold; after testOutput. */
  void countSpecialised(double[] theta, double threshold, double[] counts);

  /** A prior draw, or one set partly onto the teacher for an aligned start. */
  double[] initialParameters(ChainStart start, SplittableRandom rng);

  /** Whether the gradient is computed in float (--precision fp32): finite differences of it need a larger step. */
  default boolean floatPasses() {
    return false;
  }

  /** Widths recorded with the result (hidden units of each layer). */
  int[] widths();
}
