package org.flscale.springblock.mlp;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The deep MLP of the spring-block experiments: hidden layers Linear (no bias; BatchNorm follows)
 * -> BatchNorm -> LeakyReLU(alpha) -> dropout, then a linear readout to the classes and softmax
 * cross-entropy. Forward and backward by hand on the preallocated arrays of a {@link Pass}; the
 * matrix products are EJML's. Weights start as N(0, 1/fan-in).
 */
public final class DeepMlp {
  final int inputDim, hidden, width, classes;
  final double alpha;
  /** weights[l]: fan-in x fan-out, row-major; l = hidden is the readout. */
  final DMatrixRMaj[] weights, dWeights;
  final BatchNormLayer[] norms;
  final double[] bias, dBias;

  public DeepMlp(int inputDim, int hidden, int width, int classes, double alpha, long seed) {
    if (hidden < 1 || width < 1 || classes < 2) throw new IllegalArgumentException("bad MLP shape");
    this.inputDim = inputDim;
    this.hidden = hidden;
    this.width = width;
    this.classes = classes;
    this.alpha = alpha;
    SplittableRandom rng = new SplittableRandom(seed);
    weights = new DMatrixRMaj[hidden + 1];
    dWeights = new DMatrixRMaj[hidden + 1];
    norms = new BatchNormLayer[hidden];
    for (int l = 0; l <= hidden; l++) {
      int in = l == 0 ? inputDim : width, out = l == hidden ? classes : width;
      weights[l] = new DMatrixRMaj(in, out);
      dWeights[l] = new DMatrixRMaj(in, out);
      double sd = 1 / Math.sqrt(in);
      for (int q = 0; q < in * out; q++) weights[l].data[q] = sd * rng.nextGaussian();
      if (l < hidden) norms[l] = new BatchNormLayer(width);
    }
    bias = new double[classes];
    dBias = new double[classes];
  }

  /** The parameter arrays and, in the same order, their gradient arrays (for the optimiser). */
  public double[][] parameters() {
    return collect(false);
  }

  public double[][] gradients() {
    return collect(true);
  }

  private double[][] collect(boolean grads) {
    List<double[]> out = new ArrayList<>();
    for (int l = 0; l <= hidden; l++) {
      out.add((grads ? dWeights : weights)[l].data);
      if (l < hidden) {
        out.add(grads ? norms[l].dGamma : norms[l].gamma);
        out.add(grads ? norms[l].dBeta : norms[l].beta);
      }
    }
    out.add(grads ? dBias : bias);
    return out.toArray(new double[0][]);
  }

  public Pass pass(int n) {
    return new Pass(n);
  }

  /** The activations of one batch of n samples, and the buffers of its backward pass. */
  public final class Pass {
    final int n;
    /** h[0] the input (shared, not copied); h[l] layer l's output after dropout. */
    final DMatrixRMaj[] h;
    final double[][] zh, y, mask;
    final DMatrixRMaj z, logits, dh, dLogits;
    final double[] prob;

    Pass(int n) {
      this.n = n;
      h = new DMatrixRMaj[hidden + 1];
      zh = new double[hidden][n * width];
      y = new double[hidden][n * width];
      mask = new double[hidden][];
      for (int l = 1; l <= hidden; l++) h[l] = new DMatrixRMaj(n, width);
      z = new DMatrixRMaj(n, width);
      dh = new DMatrixRMaj(n, width);
      logits = new DMatrixRMaj(n, classes);
      dLogits = new DMatrixRMaj(n, classes);
      prob = new double[n * classes];
    }

    /** Layer l's features (l = 0 the input), n x width row-major; valid after a forward pass. */
    public double[] features(int l) {
      return h[l].data;
    }

    /**
     * Forward pass over the inputs (n x inputDim, row-major); returns the mean cross-entropy
     * against the labels. train: batch statistics (kept for evaluation) and dropout with rate
     * dropout drawn from rng; otherwise the kept statistics and no dropout.
     */
    public double forward(double[] x, int[] labels, boolean train, double dropout, SplittableRandom rng) {
      h[0] = DMatrixRMaj.wrap(n, inputDim, x);
      for (int l = 0; l < hidden; l++) {
        CommonOps_DDRM.mult(h[l], weights[l], z);
        norms[l].forward(z.data, n, train, zh[l], y[l]);
        double[] out = h[l + 1].data, yl = y[l];
        boolean drop = train && dropout > 0;
        if (drop && mask[l] == null) mask[l] = new double[n * width];
        double keep = 1 / (1 - dropout);
        for (int q = 0; q < n * width; q++) {
          double a = yl[q] > 0 ? yl[q] : alpha * yl[q];
          if (drop) {
            mask[l][q] = rng.nextDouble() < dropout ? 0 : keep;
            a *= mask[l][q];
          }
          out[q] = a;
        }
        if (!drop && mask[l] != null) java.util.Arrays.fill(mask[l], 1);
      }
      CommonOps_DDRM.mult(h[hidden], weights[hidden], logits);
      double loss = 0;
      for (int i = 0; i < n; i++) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < classes; c++) {
          logits.data[i * classes + c] += bias[c];
          max = Math.max(max, logits.data[i * classes + c]);
        }
        double sum = 0;
        for (int c = 0; c < classes; c++) sum += prob[i * classes + c] = Math.exp(logits.data[i * classes + c] - max);
        for (int c = 0; c < classes; c++) prob[i * classes + c] /= sum;
        loss -= Math.log(Math.max(prob[i * classes + labels[i]], 1e-300));
      }
      return loss / n;
    }

    /** The fraction of samples whose largest logit is their label (after a forward pass). */
    public double accuracy(int[] labels) {
      int right = 0;
      for (int i = 0; i < n; i++) {
        int best = 0;
        for (int c = 1; c < classes; c++) if (prob[i * classes + c] > prob[i * classes + best]) best = c;
        if (best == labels[i]) right++;
      }
      return (double) right / n;
    }

    /** Backward pass of the last (training) forward pass: fills the gradient arrays. */
    public void backward(int[] labels) {
      for (int i = 0; i < n; i++) {
        for (int c = 0; c < classes; c++) dLogits.data[i * classes + c] = (prob[i * classes + c] - (c == labels[i] ? 1 : 0)) / n;
      }
      java.util.Arrays.fill(dBias, 0);
      for (int i = 0; i < n; i++) for (int c = 0; c < classes; c++) dBias[c] += dLogits.data[i * classes + c];
      CommonOps_DDRM.multTransA(h[hidden], dLogits, dWeights[hidden]);
      CommonOps_DDRM.multTransB(dLogits, weights[hidden], dh);
      for (int l = hidden - 1; l >= 0; l--) {
        double[] g = z.data, yl = y[l], ml = mask[l];
        for (int q = 0; q < n * width; q++) {
          double d = ml == null ? dh.data[q] : dh.data[q] * ml[q];
          g[q] = yl[q] > 0 ? d : alpha * d;
        }
        norms[l].backward(g, zh[l], n);
        CommonOps_DDRM.multTransA(h[l], z, dWeights[l]);
        if (l > 0) CommonOps_DDRM.multTransB(z, weights[l], dh);
      }
    }
  }
}
