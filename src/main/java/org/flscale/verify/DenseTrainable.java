package org.flscale.verify;

import java.util.SplittableRandom;

/** A dense {@link Network} bound to its data: first-layer overlaps with the teacher, deeper layers by correlation with y. */
final class DenseTrainable implements Trainable {
  private final Network net;
  private final SyntheticData train, test;
  private final Network.Workspace ws, tws;
  private final double[] overlaps;
  private final double yMean, yVar;

  DenseTrainable(Network net, SyntheticData train, SyntheticData test) {
    this.net = net;
    this.train = train;
    this.test = test;
    this.ws = net.workspace(train.count, true);
    this.tws = net.workspace(test.count, false);
    NetworkShape shape = net.shape();
    this.overlaps = new double[shape.depth() >= 1 ? shape.widths()[1] : 0];
    double m = 0, v = 0;
    for (double y : test.y) m += y;
    m /= test.count;
    for (double y : test.y) v += (y - m) * (y - m);
    yMean = m;
    yVar = v;
  }

  @Override public int parameterCount() { return net.shape().parameterCount(); }
  @Override public int inputDim() { return net.shape().inputDim(); }
  @Override public int trainSize() { return train.count; }
  @Override public double[] trainOutput() { return ws.output(); }
  @Override public double[] trainTargets() { return train.y; }
  @Override public double[] testTargets() { return test.y; }
  @Override public int specialisedGroups() { return net.shape().depth(); }
  @Override public int[] widths() { return net.shape().widths(); }

  @Override
  public double potentialAndGradient(double[] theta, double kappa, double[] grad) {
    return net.potentialAndGradient(theta, train.xt, train.y, train.count, kappa, ws, grad);
  }

  @Override
  public double[] testOutput(double[] theta) {
    net.forward(theta, test.xt, test.count, tws, false);
    return tws.output();
  }

  @Override
  public void countSpecialised(double[] theta, double threshold, double[] counts) {
    int depth = net.shape().depth();
    if (depth < 1) return;
    net.firstLayerOverlaps(theta, train.teacher, overlaps);
    for (double o : overlaps) if (o > threshold) counts[0]++;
    for (int l = 2; l <= depth; l++) counts[l - 1] += correlatedNeurons(tws.activations(l), net.shape().widths()[l], threshold);
  }

  @Override
  public double[] initialParameters(ChainStart start, SplittableRandom rng) {
    return start.initialParameters(net.shape(), train.teacher, rng);
  }

  /** Neurons of a deeper layer whose activation over the test set correlates with y above the threshold. */
  private int correlatedNeurons(double[][] h, int width, double threshold) {
    int count = 0, m = test.count;
    for (int i = 0; i < width; i++) {
      double hm = 0;
      for (int mu = 0; mu < m; mu++) hm += h[i][mu];
      hm /= m;
      double cov = 0, var = 0;
      for (int mu = 0; mu < m; mu++) {
        double a = h[i][mu] - hm;
        cov += a * (test.y[mu] - yMean);
        var += a * a;
      }
      if (var > 0 && Math.abs(cov) / Math.sqrt(var * yVar) > threshold) count++;
    }
    return count;
  }
}
