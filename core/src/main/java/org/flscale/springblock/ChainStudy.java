package org.flscale.springblock;

import java.util.ArrayList;
import java.util.List;
import org.flscale.rules.RuleBook;
import org.flscale.springblock.chain.ChainParams;
import org.flscale.springblock.chain.ChainPhaseDiagram;
import org.flscale.springblock.chain.FirstOrderChain;
import org.flscale.springblock.chain.FrictionalProfile;
import org.flscale.springblock.chain.InertialChain;

/**
 * The chain side of a sweep: the noiseless runs against the closed-form profile, the noise-friction
 * phase diagram with its measured boundary, the boundaries the rules derive, and the second-order
 * chain at each noise amplitude.
 */
public record ChainStudy(ChainPhaseDiagram diagram, ChainBalance balance, double closedFormError, double wholeChainFriction,
    List<Regime> regimes, List<InertialRun> inertial) {

  /** The boundary's fitted slope over a range of frictions, and eps_half/mu there. */
  public record Regime(String name, double muLo, double muHi, ChainPhaseDiagram.Slope slope, double ratioLo, double ratioHi) {}

  /** The second-order chain at one noise amplitude: c and v over seeds, and the seed-mean profile. */
  public record InertialRun(double noise, Spread curvature, Spread nonUniformity, double[] meanPositions) {}

  public static ChainStudy run(SpringBlockSpec spec, RuleBook rules) {
    ChainPhaseDiagram.Settings s = spec.chain();
    ChainPhaseDiagram d = ChainPhaseDiagram.run(s);
    double err = 0;
    for (double mu : s.frictions()) {
      // long enough for the slowest relaxation of the noiseless chain (rate about eta k pi^2/(L+1)^2)
      int steps = Math.max(s.steps(), (int) Math.min(5_000_000, 200 * Math.pow(s.blocks() + 1, 2) / (s.eta() * s.stiffness())));
      double[] sim = FirstOrderChain.run(new ChainParams(s.blocks(), s.stiffness(), mu, 0, s.eta(), steps), 0);
      double[] exact = FrictionalProfile.positions(s.blocks(), mu / s.stiffness());
      for (int l = 0; l < sim.length; l++) err = Math.max(err, Math.abs(sim[l] - exact[l]));
    }
    // the largest friction at which every block still moves: (L+1)(L+2) mu/k = 2
    double whole = 2 * s.stiffness() / ((s.blocks() + 1.0) * (s.blocks() + 2.0));
    double[] mus = s.frictions(), half = d.halfNoise();
    List<Regime> regimes = new ArrayList<>();
    regimes.add(regime("all frictions", d, mus[0], mus[mus.length - 1], half));
    regimes.add(regime("whole chain moves (mu < 2k/((L+1)(L+2)))", d, mus[0], whole, half));
    regimes.add(regime("part of the chain stuck (mu > 2k/((L+1)(L+2)))", d, whole, mus[mus.length - 1], half));
    List<InertialRun> inertial = new ArrayList<>();
    for (double eps : spec.list("inertial.noise")) {
      InertialChain.Params p = spec.inertial(eps);
      double[] c = new double[s.seeds()], v = new double[s.seeds()], mean = new double[s.blocks() + 2];
      for (int r = 0; r < s.seeds(); r++) {
        double[] x = InertialChain.run(p, 31L * r + 3);
        LoadCurve lc = LoadCurve.ofChain(x);
        c[r] = lc.curvature();
        v[r] = lc.nonUniformity();
        for (int l = 0; l < x.length; l++) mean[l] += x[l] / s.seeds();
      }
      inertial.add(new InertialRun(eps, Spread.of(c), Spread.of(v), mean));
    }
    return new ChainStudy(d, ChainBalance.derive(rules), err, whole, regimes, inertial);
  }

  private static Regime regime(String name, ChainPhaseDiagram d, double lo, double hi, double[] half) {
    double rlo = Double.POSITIVE_INFINITY, rhi = Double.NEGATIVE_INFINITY;
    double[] mus = d.settings().frictions();
    for (int i = 0; i < mus.length; i++) {
      if (mus[i] < lo || mus[i] > hi || !Double.isFinite(half[i])) continue;
      rlo = Math.min(rlo, half[i] / mus[i]);
      rhi = Math.max(rhi, half[i] / mus[i]);
    }
    return new Regime(name, lo, hi, d.noiseSlope(lo, hi, 1000, 17), rlo, rhi);
  }
}
