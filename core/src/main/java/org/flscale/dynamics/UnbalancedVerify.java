package org.flscale.dynamics;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.flscale.math.Q;
import org.flscale.model.DynamicsSpec;

/**
 * The unbalanced neuron's check: (1) the exact (mu, phi) equations against plain gradient descent on
 * (a, w); (2) over a sweep of the large parameter, the time to learn and the kernel distance from the
 * exact equations, their fitted exponents beside the rules'; (3) with --student, the ReLU student.
 */
final class UnbalancedVerify {
  static final int DIM = 10;

  private UnbalancedVerify() {}

  static String run(DynamicsSpec spec, UnbalancedTheory theory, DynamicsVerify.Options o, PrintStream err) throws Exception {
    if (!spec.freeScales().isEmpty()) throw new IllegalArgumentException("the unbalanced check sweeps " + spec.base() + " alone: tie every other scale to it (scale X = " + spec.base() + "^q)");
    double[] lambdas = o.quick() ? new double[] {4, 8, 16} : new double[] {4, 8, 16, 32, 64, 128};
    int seeds = o.quick() ? 2 : 4;
    Map<String, Q> none = Map.of();
    String settings = "unbalanced lambdas=" + java.util.Arrays.toString(lambdas) + " seeds=" + seeds;
    StringBuilder out = new StringBuilder();
    try (CellLog log = new CellLog(o.dir().resolve("neuron.tsv"), settings, o.resume())) {
      List<Runnable> jobs = new ArrayList<>();
      for (double l : lambdas) for (int s = 0; s < seeds; s++) {
        String key = "lambda=" + l + ",seed=" + s;
        if (log.get(key) != null) continue;
        long seed = 17L * s + 3;
        jobs.add(() -> log.put(key, measure(spec, l, seed)));
      }
      ExactLinearVerify.runAll(jobs, null, err);
      double[][] times = new double[lambdas.length][seeds], dist = new double[lambdas.length][seeds];
      for (int i = 0; i < lambdas.length; i++) for (int s = 0; s < seeds; s++) {
        double[] v = log.get("lambda=" + lambdas[i] + ",seed=" + s);
        times[i][s] = v[0];
        dist[i][s] = v[1];
      }
      SlopeFit tFit = SlopeFit.fit(lambdas, times, 0, 11), sFit = SlopeFit.fit(lambdas, dist, 1e-13, 12);
      // dominant balance drops logarithms (the time to grow from mu0 is ~ log(beta/mu0)): the second
      // fit tests lambda^a log(lambda) against the plain power
      double[][] perLog = new double[lambdas.length][seeds];
      for (int i = 0; i < lambdas.length; i++) for (int s = 0; s < seeds; s++) perLog[i][s] = times[i][s] / Math.log(lambdas[i]);
      SlopeFit tLogFit = SlopeFit.fit(lambdas, perLog, 0, 13);
      double tPred = theory.learnTime().at(none).doubleValue(), sPred = theory.kernelDistance().at(none).doubleValue();
      out.append(String.format(Locale.ROOT, "%nunbalanced neuron (d = %d, eta_a = eta_w = 1), %s = %d..%d, %d seeds (directions of w0); "
          + "regime derived: %s%n", DIM, spec.base(), (int) lambdas[0], (int) lambdas[lambdas.length - 1], seeds, theory.regime(none)));
      out.append(String.format(Locale.ROOT, "  time to learn (loss 1%%)    derived %-6s measured %s  %s%n", theory.learnTime().at(none),
          tFit.show(), tFit.verdict(tPred)));
      out.append(String.format(Locale.ROOT, "  time to learn / log(%s)    derived %-6s measured %s  %s%n", spec.base(),
          theory.learnTime().at(none), tLogFit.show(), tLogFit.verdict(tPred)));
      if (tFit.conclusive() && tLogFit.conclusive() && tFit.verdict(tPred).equals("inconsistent")
          && tLogFit.verdict(tPred).equals("inconsistent") && tFit.lo() > tPred && tLogFit.hi() < tPred) {
        out.append(String.format(Locale.ROOT, "  => time to learn: inconclusive between %s^a and %s^a log(%s), a = %s: "
            + "the logarithm that dominant balance drops still matters at these sizes%n", spec.base(), spec.base(), spec.base(), theory.learnTime().at(none)));
      }
      out.append(String.format(Locale.ROOT, "  kernel distance S(0, end)  derived %-6s measured %s  %s%n", theory.kernelDistance().at(none),
          sFit.show(), sFit.verdict(sPred)));
    }
    out.append(compare(spec, lambdas[0]));
    if (o.student()) out.append(ReluStudentStudy.run(o, err));
    return out.toString();
  }

  /** {time to reach 1% of beta^2/2, kernel distance at the end (loss 1e-8 beta^2), phi0}. */
  private static double[] measure(DynamicsSpec spec, double lambda, long seed) {
    double delta = spec.numeric("delta", lambda, Map.of()), mu0 = spec.numeric("init", lambda, Map.of());
    double beta = spec.entry("beta") == null ? 1 : spec.numeric("beta", lambda, Map.of());
    NeuronDescent gd = new NeuronDescent(DIM, delta, mu0, beta, seed);
    NeuronFlow flow = new NeuronFlow(delta, beta);
    NeuronFlow.Point p0 = gd.state();
    double tMax = 1e3 * (1 + Math.abs(delta) + 1 / Math.abs(mu0)) / (beta * beta);
    NeuronFlow.Stop learnt = flow.until(p0, 0.01 * beta * beta / 2, tMax);
    NeuronFlow.Stop end = flow.until(learnt.state(), 1e-8 * beta * beta, tMax);
    return new double[] {learnt.time(), flow.kernelDistance(p0, end.state(), DIM), p0.phi()};
  }

  /** Gradient descent at two learning rates against the exact equations, at the smallest size. */
  private static String compare(DynamicsSpec spec, double lambda) {
    double delta = spec.numeric("delta", lambda, Map.of()), mu0 = spec.numeric("init", lambda, Map.of());
    double beta = spec.entry("beta") == null ? 1 : spec.numeric("beta", lambda, Map.of());
    NeuronFlow flow = new NeuronFlow(delta, beta);
    StringBuilder sb = new StringBuilder();
    double rate = Math.max(flow.s(Math.abs(mu0)), flow.s(beta));
    for (double f : new double[] {1e-2, 5e-3}) {
      NeuronDescent gd = new NeuronDescent(DIM, delta, mu0, beta, 3);
      NeuronFlow.Point p0 = gd.state();
      double tEnd = 1.5 * flow.until(p0, 0.01 * beta * beta / 2, 1e3 * (1 + Math.abs(delta) + 1 / Math.abs(mu0)) / (beta * beta)).time();
      double lr = f / rate;
      long steps = (long) Math.ceil(tEnd / lr);
      if (steps > 5_000_000) return String.format(Locale.ROOT, "  gradient descent against the exact equations: skipped (%d steps)%n", steps);
      double dMu = 0, dPhi = 0;
      long every = Math.max(1, steps / 200);
      NeuronFlow.Point exact = p0;
      long last = 0;
      for (long k = 1; k <= steps; k++) {
        gd.step(lr);
        if (k % every == 0) {
          exact = flow.at(exact, (k - last) * lr);
          last = k;
          NeuronFlow.Point g = gd.state();
          dMu = Math.max(dMu, Math.abs(g.mu() - exact.mu()) / beta);
          dPhi = Math.max(dPhi, Math.abs(g.phi() - exact.phi()));
        }
      }
      sb.append(String.format(Locale.ROOT, "  gradient descent (lr = %.1e, %d steps to t = %.3g) against the exact (mu, phi) equations: "
          + "max |d mu|/beta = %.2e, max |d phi| = %.2e%n", lr, steps, tEnd, dMu, dPhi));
    }
    return sb.toString();
  }
}
