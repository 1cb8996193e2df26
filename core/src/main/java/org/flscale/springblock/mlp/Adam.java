package org.flscale.springblock.mlp;

/** Adam (Kingma and Ba) over a list of parameter arrays, with its moments preallocated. */
public final class Adam {
  private final double[][] params, m, v;
  private final double lr, beta1 = 0.9, beta2 = 0.999, eps = 1e-8;
  private int t;

  public Adam(double[][] params, double lr) {
    this.params = params;
    this.lr = lr;
    m = new double[params.length][];
    v = new double[params.length][];
    for (int i = 0; i < params.length; i++) {
      m[i] = new double[params[i].length];
      v[i] = new double[params[i].length];
    }
  }

  /** One step along the gradients (parallel to the parameter arrays). */
  public void step(double[][] grads) {
    t++;
    double c1 = 1 - Math.pow(beta1, t), c2 = 1 - Math.pow(beta2, t);
    for (int i = 0; i < params.length; i++) {
      double[] p = params[i], g = grads[i], mi = m[i], vi = v[i];
      for (int j = 0; j < p.length; j++) {
        mi[j] = beta1 * mi[j] + (1 - beta1) * g[j];
        vi[j] = beta2 * vi[j] + (1 - beta2) * g[j] * g[j];
        p[j] -= lr * (mi[j] / c1) / (Math.sqrt(vi[j] / c2) + eps);
      }
    }
  }
}
