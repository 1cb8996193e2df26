package org.flscale.springblock.mlp;

import java.util.SplittableRandom;
import org.flscale.springblock.LoadCurve;

/**
 * Trains one deep MLP on a mixture task: full batch, Adam, cross-entropy, with label noise (a
 * fresh fraction of labels reset every step) or dropout; then measures on the training set (clean
 * labels, evaluation mode with the last batch's statistics) the separation D_l of every layer
 * l = 0..hidden (0 the input), the load curve log D_l and its c and v, and the accuracies.
 */
public final class MlpTrainer {
  /** The network and the training; depth = hidden layers + 1 (the readout). */
  public record Settings(int hidden, int width, int train, int test, int steps, double lr) {}

  /** What one run measured. */
  public record Outcome(double[] logSeparation, double curvature, double nonUniformity, double trainAccuracy,
      double testAccuracy, double finalLoss, double seconds) {}

  private MlpTrainer() {}

  /**
   * @param nonlinearity 1 - alpha, alpha the negative slope of LeakyReLU
   * @param noise the label-noise fraction or the dropout rate (ignored for NONE)
   */
  public static Outcome run(MixtureTask.Spec task, Settings s, double nonlinearity, NoiseKind kind, double noise, long seed) {
    long start = System.nanoTime();
    MixtureTask train = MixtureTask.sample(task, s.train(), seed, 0), test = MixtureTask.sample(task, s.test(), seed, 1);
    DeepMlp net = new DeepMlp(task.dim(), s.hidden(), s.width(), task.classes(), 1 - nonlinearity, seed * 31 + 5);
    DeepMlp.Pass pass = net.pass(s.train());
    Adam adam = new Adam(net.parameters(), s.lr());
    double[][] grads = net.gradients();
    SplittableRandom rng = new SplittableRandom(seed * 131 + 11);
    int[] labels = train.labels.clone();
    double dropout = kind == NoiseKind.DROPOUT ? noise : 0, flip = kind == NoiseKind.LABEL ? noise : 0;
    double loss = Double.NaN;
    for (int t = 0; t < s.steps(); t++) {
      if (flip > 0) {
        for (int i = 0; i < labels.length; i++) {
          labels[i] = rng.nextDouble() < flip ? rng.nextInt(task.classes()) : train.labels[i];
        }
      }
      loss = pass.forward(train.x, labels, true, dropout, rng);
      pass.backward(labels);
      adam.step(grads);
    }
    // statistics of the full clean training set without dropout, then evaluation with them
    pass.forward(train.x, train.labels, true, 0, rng);
    double trainAcc = pass.accuracy(train.labels);
    double[] logD = new double[s.hidden() + 1];
    logD[0] = Math.log(Separation.of(train.x, s.train(), task.dim(), train.labels, task.classes()));
    for (int l = 1; l <= s.hidden(); l++) {
      logD[l] = Math.log(Separation.of(pass.features(l), s.train(), s.width(), train.labels, task.classes()));
    }
    DeepMlp.Pass eval = net.pass(s.test());
    eval.forward(test.x, test.labels, false, 0, rng);
    double testAcc = eval.accuracy(test.labels);
    LoadCurve curve = LoadCurve.of(logD);
    return new Outcome(logD, curve.curvature(), curve.nonUniformity(), trainAcc, testAcc, loss, (System.nanoTime() - start) * 1e-9);
  }
}
