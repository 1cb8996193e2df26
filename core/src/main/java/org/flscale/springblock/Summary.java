package org.flscale.springblock;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.flscale.math.Affine;
import org.flscale.math.Q;
import org.flscale.springblock.chain.ChainPhaseDiagram;
import org.flscale.springblock.mlp.MlpDiagram;
import org.flscale.springblock.mlp.NoiseKind;

/** The text and JSON summaries of a sweep. */
final class Summary {
  private Summary() {}

  static String text(SpringBlockSpec spec, String file, ChainStudy chain, double chainSeconds, MlpDiagram mlp, int ran) {
    StringBuilder sb = new StringBuilder();
    ChainPhaseDiagram.Settings s = chain.diagram().settings();
    sb.append(spec.name()).append("  (").append(file).append(")\n");
    sb.append(String.format(Locale.ROOT, "chain: first-order, L = %d blocks, k = %s, eta = %s, %d steps (profile: mean over the second half), "
        + "%d seeds, %d frictions x %d noises  [%.1f s with the second-order runs]%n", s.blocks(), SweepFile.plain(s.stiffness()),
        SweepFile.plain(s.eta()), s.steps(), s.seeds(), s.frictions().length, s.noises().length, chainSeconds));
    sb.append(String.format(Locale.ROOT, "  no noise: the simulated rest state is the closed form (second difference mu/k on the moving blocks): "
        + "max |x - x_closed| = %.1e over the %d frictions%n", chain.closedFormError(), s.frictions().length));
    ChainBalance b = chain.balance();
    sb.append("  rules (rules/springblock.m): noise restores linearity above eps_* ~ ").append(monomial(b.noiseBoundary()))
        .append("; friction bends the chain above mu_* ~ ").append(monomial(b.frictionBoundary())).append('\n');
    sb.append("    curvature c ~ ").append(monomial(b.curvatureBranches().get(0))).append(" (whole chain moves), ~ ")
        .append(monomial(b.curvatureBranches().get(1))).append(" (part stuck)\n");
    sb.append("  measured boundary (noise at which |c| halves), slope of log eps_half against log mu with a 95% bootstrap interval over seeds:\n");
    for (ChainStudy.Regime r : chain.regimes()) {
      sb.append(String.format(Locale.ROOT, "    %-48s %s (%d frictions), eps_half/mu from %.3f to %.3f%n", r.name(),
          slope(r.slope()), r.slope().points(), r.ratioLo(), r.ratioHi()));
    }
    sb.append(String.format(Locale.ROOT, "  second-order chain (mu_right = %s, mu_left = %s, m = %s, gamma = %s, common noise decaying at lambda = %s):%n",
        SweepFile.plain(spec.number("inertial.mu_right")), SweepFile.plain(spec.number("inertial.mu_left")), SweepFile.plain(spec.number("inertial.mass")),
        SweepFile.plain(spec.number("inertial.damping")), SweepFile.plain(spec.number("inertial.decay"))));
    for (ChainStudy.InertialRun r : chain.inertial()) {
      sb.append(String.format(Locale.ROOT, "    noise %-6s c = %s, v = %s%n", SweepFile.plain(r.noise()), r.curvature().show(3), r.nonUniformity().show(3)));
    }
    if (mlp == null) return sb.append("mlp: not run (--chain-only)\n").toString();
    sb.append(String.format(Locale.ROOT, "mlp: depth %d (%d hidden layers of width %d, BatchNorm, LeakyReLU), %d training / %d test samples, "
        + "%d full-batch Adam steps (lr %s), %d seeds; %d runs stored (%d run now), %.1f min of training%n", spec.integer("mlp.depth"),
        spec.integer("mlp.depth") - 1, spec.integer("mlp.width"), spec.integer("mlp.train"), spec.integer("mlp.test"), spec.integer("mlp.steps"),
        SweepFile.plain(spec.number("mlp.lr")), spec.integer("mlp.seeds"), mlp.size(), ran, mlp.seconds() / 60));
    sb.append(String.format(Locale.ROOT, "  task: %d classes x %d Gaussian clusters, centres in a random %d-dimensional subspace of R^%d (radius %s), noise %s%n",
        spec.integer("mlp.classes"), spec.integer("mlp.clusters_per_class"), spec.integer("mlp.subspace"), spec.integer("mlp.input"),
        SweepFile.plain(spec.number("mlp.radius")), SweepFile.plain(spec.number("mlp.sigma"))));
    sb.append(String.format(Locale.ROOT, "  %-8s %-18s %-16s %-16s %-16s %s%n", "1-alpha", "noise", "c", "v", "test accuracy", "train accuracy"));
    for (Row r : rows(spec)) {
      sb.append(String.format(Locale.ROOT, "  %-8s %-18s %-16s %-16s %-16s %s%n", SweepFile.plain(r.nl), r.noise(),
          mlp.curvature(r.nl, r.kind, r.level).show(3), mlp.nonUniformity(r.nl, r.kind, r.level).show(3),
          mlp.testAccuracy(r.nl, r.kind, r.level).show(3), mlp.trainAccuracy(r.nl, r.kind, r.level).show(3)));
    }
    return sb.toString();
  }

  private record Row(double nl, NoiseKind kind, double level) {
    String noise() {
      return kind == NoiseKind.NONE ? "none" : kind.label.replace('_', ' ') + " " + SweepFile.plain(level);
    }
  }

  private static List<Row> rows(SpringBlockSpec spec) {
    List<Row> out = new ArrayList<>();
    for (double nl : spec.list("mlp.nonlinearity")) for (SpringBlockSpec.Noise n : spec.noises()) out.add(new Row(nl, n.kind(), n.level()));
    return out;
  }

  static Map<String, Object> json(SpringBlockSpec spec, ChainStudy chain, MlpDiagram mlp) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("name", spec.name());
    Map<String, Object> c = new LinkedHashMap<>();
    ChainPhaseDiagram d = chain.diagram();
    ChainPhaseDiagram.Settings s = d.settings();
    c.put("closedFormError", chain.closedFormError());
    c.put("noiseBoundary", exponents(chain.balance().noiseBoundary()));
    c.put("frictionBoundary", exponents(chain.balance().frictionBoundary()));
    c.put("frictions", s.frictions());
    c.put("noises", s.noises());
    List<Object> grid = new ArrayList<>();
    for (int i = 0; i < s.frictions().length; i++) {
      for (int j = 0; j < s.noises().length; j++) {
        grid.add(Map.of("friction", s.frictions()[i], "noise", s.noises()[j], "c", Spread.of(d.curvatures(i, j)), "v", Spread.of(d.nonUniformities(i, j))));
      }
    }
    c.put("cells", grid);
    c.put("halfNoise", d.halfNoise());
    c.put("regimes", chain.regimes());
    c.put("inertial", chain.inertial());
    root.put("chain", c);
    if (mlp != null) {
      List<Object> cells = new ArrayList<>();
      for (Row r : rows(spec)) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("nonlinearity", r.nl);
        m.put("noise", r.kind.label);
        m.put("level", r.level);
        m.put("c", mlp.curvature(r.nl, r.kind, r.level));
        m.put("v", mlp.nonUniformity(r.nl, r.kind, r.level));
        m.put("testAccuracy", mlp.testAccuracy(r.nl, r.kind, r.level));
        m.put("trainAccuracy", mlp.trainAccuracy(r.nl, r.kind, r.level));
        m.put("meanLogSeparation", mlp.meanLoadCurve(r.nl, r.kind, r.level));
        cells.add(m);
      }
      root.put("mlp", Map.of("settings", spec.mlpSettingsKey(), "cells", cells));
    }
    return root;
  }

  private static Map<String, String> exponents(Affine a) {
    Map<String, String> m = new LinkedHashMap<>();
    for (String v : List.of(ChainBalance.MU, ChainBalance.K, ChainBalance.L)) m.put(v, a.coeff(v).toString());
    return m;
  }

  /** "mu^(1/2) k^(-1/2)", "k L^-2", "1". */
  static String monomial(Affine a) {
    StringBuilder sb = new StringBuilder();
    for (String v : List.of(ChainBalance.MU, ChainBalance.EPS, ChainBalance.K, ChainBalance.L)) {
      Q q = a.coeff(v);
      if (q.isZero()) continue;
      if (sb.length() > 0) sb.append(' ');
      sb.append(v);
      if (!q.equals(Q.ONE)) sb.append('^').append(q.isInteger() ? q.toString() : "(" + q + ")");
    }
    return sb.length() == 0 ? "1" : sb.toString();
  }

  private static String slope(ChainPhaseDiagram.Slope s) {
    return Double.isFinite(s.slope()) ? String.format(Locale.ROOT, "slope %.3f [%.3f, %.3f]", s.slope(), s.lo(), s.hi()) : "slope n/a";
  }
}
