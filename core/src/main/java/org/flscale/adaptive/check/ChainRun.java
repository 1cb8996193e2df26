package org.flscale.adaptive.check;

import org.flscale.adaptive.exact.LinearTask;
import org.flscale.adaptive.sample.LinearNetworkSampler;

/**
 * One MALA chain of the real network at one (chi, N): the step size is tuned during burn-in
 * (towards 60% acceptance), then fixed; the sample means of Q, the spike and the test outputs are
 * taken every {@code thin} steps after burn-in.
 */
public record ChainRun(double chiPower, int width, int chain, double q, double spike, double[] outputs, double acceptance,
    double step, double seconds) {
  public static ChainRun run(CheckPlan plan, LinearTask task, double chiPower, int width, int chain) {
    long t0 = System.nanoTime();
    double chi = plan.chi(width, chiPower), kappa = plan.kappa(width, chiPower);
    long seed = 1_000_003L * width + 7919L * chain + Math.round(1000 * chiPower) + 31L * plan.taskSeed();
    LinearNetworkSampler s = new LinearNetworkSampler(task, width, chi, kappa, 1, 1, 0.05, seed);
    int window = 100;
    for (int i = 1; i <= plan.burnIn(); i++) {
      s.step();
      if (i % window == 0) { // Robbins-Monro on log h towards 60% acceptance, frozen after burn-in
        s.stepSize(s.stepSize() * Math.exp(1.5 * (s.acceptance() - 0.6)));
        s.resetAcceptance();
      }
    }
    s.resetAcceptance();
    double q = 0, spike = 0;
    double[] out = new double[task.tests()];
    int kept = 0;
    for (int i = 1; i <= plan.steps(); i++) {
      s.step();
      if (i % plan.thin() != 0) continue;
      kept++;
      q += s.kernelScale();
      spike += s.spike();
      for (int t = 0; t < out.length; t++) out[t] += s.output(t);
    }
    for (int t = 0; t < out.length; t++) out[t] /= kept;
    return new ChainRun(chiPower, width, chain, q / kept, spike / kept, out, s.acceptance(), s.stepSize(), (System.nanoTime() - t0) * 1e-9);
  }
}
