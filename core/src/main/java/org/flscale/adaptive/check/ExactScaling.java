package org.flscale.adaptive.check;

import org.flscale.adaptive.exact.ExactPosterior;
import org.flscale.adaptive.exact.LinearTask;

/**
 * The exact posterior (which the chains check where sampling is affordable) continued to widths no
 * sampler reaches: the local slope in N of the kernel shift, the spike and tree level's relative error
 * between N = 2^18 and 2^20 on the check's data. That is where the rules' asymptotic exponents are
 * compared: at the sampled widths the slopes still carry the crossover's corrections.
 */
record ExactScaling(double shiftSlope, double spikeSlope, double treeSlope, int from, int to) {
  static final int FROM = 1 << 18, TO = 1 << 20;

  static ExactScaling of(CheckPlan plan, LinearTask task, double power, boolean lazy) {
    ExactPosterior.Moments a = moments(plan, task, power, FROM), b = moments(plan, task, power, TO);
    double shift = lazy ? 1 : 0, dl = Math.log((double) TO / FROM);
    return new ExactScaling(Math.log(Math.abs((b.meanQ() - shift) / (a.meanQ() - shift))) / dl,
        Math.log(Math.abs(b.spike() / a.spike())) / dl, Math.log(tree(b) / tree(a)) / dl, FROM, TO);
  }

  private static ExactPosterior.Moments moments(CheckPlan plan, LinearTask task, double power, int n) {
    return new ExactPosterior(task, n, plan.chi(n, power), plan.kappa(n, power), 1, 1).moments();
  }

  static double tree(ExactPosterior.Moments m) {
    return Math.abs(m.treeQ() - m.meanQ()) / Math.abs(m.meanQ() - 1);
  }
}
