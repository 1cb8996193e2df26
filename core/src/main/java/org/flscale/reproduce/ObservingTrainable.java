package org.flscale.reproduce;

import java.util.SplittableRandom;
import org.flscale.verify.ChainStart;
import org.flscale.verify.Trainable;

/**
 * A dense network as the sampler sees it, with the paper's overlap observables taken on every
 * posterior sample: the sampler calls {@link #countSpecialised} once per sample after burn-in (the
 * verifier's own hook), and this wrapper measures the same theta there. Everything else is the
 * wrapped network's.
 */
final class ObservingTrainable implements Trainable {
  private final Trainable inner;
  private final OverlapObservables observables;
  final OverlapObservables.Accumulator accumulator;

  ObservingTrainable(Trainable inner, OverlapObservables observables, int[] widths) {
    this.inner = inner;
    this.observables = observables;
    this.accumulator = new OverlapObservables.Accumulator(widths);
  }

  @Override public int parameterCount() { return inner.parameterCount(); }
  @Override public int inputDim() { return inner.inputDim(); }
  @Override public int trainSize() { return inner.trainSize(); }
  @Override public double potentialAndGradient(double[] theta, double kappa, double[] grad) { return inner.potentialAndGradient(theta, kappa, grad); }
  @Override public double[] trainOutput() { return inner.trainOutput(); }
  @Override public double[] trainTargets() { return inner.trainTargets(); }
  @Override public double[] testOutput(double[] theta) { return inner.testOutput(theta); }
  @Override public double[] testTargets() { return inner.testTargets(); }
  @Override public int specialisedGroups() { return inner.specialisedGroups(); }
  @Override public double[] initialParameters(ChainStart start, SplittableRandom rng) { return inner.initialParameters(start, rng); }
  @Override public int[] widths() { return inner.widths(); }

  @Override
  public void countSpecialised(double[] theta, double threshold, double[] counts) {
    inner.countSpecialised(theta, threshold, counts);
    observables.measure(theta, accumulator);
  }
}
