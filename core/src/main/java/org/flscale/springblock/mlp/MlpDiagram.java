package org.flscale.springblock.mlp;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.flscale.springblock.Spread;

/**
 * The network's phase diagram from the stored runs: for each non-linearity and noise setting the
 * spread over seeds of c, v and the accuracies, and the mean load curve.
 */
public final class MlpDiagram {
  private final List<MlpCell> cells;

  public MlpDiagram(List<MlpCell> cells) {
    this.cells = List.copyOf(cells);
  }

  /** The runs of one setting (NONE matches every kind at level 0). */
  public List<MlpCell> runs(double nonlinearity, NoiseKind kind, double level) {
    List<MlpCell> out = new ArrayList<>();
    for (MlpCell c : cells) {
      if (Math.abs(c.nonlinearity() - nonlinearity) > 1e-9) continue;
      boolean clean = NoiseKind.of(c.noiseKind()) == NoiseKind.NONE;
      if (kind == NoiseKind.NONE ? clean : c.noiseKind().equals(kind.label) && Math.abs(c.noise() - level) < 1e-9) out.add(c);
    }
    return out;
  }

  public Spread curvature(double nl, NoiseKind kind, double level) {
    return stat(nl, kind, level, MlpCell::curvature);
  }

  public Spread nonUniformity(double nl, NoiseKind kind, double level) {
    return stat(nl, kind, level, MlpCell::nonUniformity);
  }

  public Spread testAccuracy(double nl, NoiseKind kind, double level) {
    return stat(nl, kind, level, MlpCell::testAccuracy);
  }

  public Spread trainAccuracy(double nl, NoiseKind kind, double level) {
    return stat(nl, kind, level, MlpCell::trainAccuracy);
  }

  private Spread stat(double nl, NoiseKind kind, double level, ToDoubleFunction<MlpCell> f) {
    return Spread.of(runs(nl, kind, level).stream().mapToDouble(f).toArray());
  }

  /** The mean of log D_l over the seeds of a setting (empty when there is no run). */
  public double[] meanLoadCurve(double nl, NoiseKind kind, double level) {
    List<MlpCell> rs = runs(nl, kind, level);
    if (rs.isEmpty()) return new double[0];
    double[] m = new double[rs.get(0).logSeparation().size()];
    for (MlpCell c : rs) for (int l = 0; l < m.length; l++) m[l] += c.logSeparation().get(l) / rs.size();
    return m;
  }

  /** Total seconds of training in the stored runs. */
  public double seconds() {
    return cells.stream().mapToDouble(MlpCell::seconds).sum();
  }

  public int size() {
    return cells.size();
  }
}
