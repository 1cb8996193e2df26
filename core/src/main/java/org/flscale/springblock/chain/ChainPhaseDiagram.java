package org.flscale.springblock.chain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.stat.regression.SimpleRegression;
import org.flscale.springblock.LoadCurve;

/**
 * The noise-friction phase diagram of the first-order chain: curvature c and non-uniformity v of
 * the time-averaged profile over a grid of friction mu (columns) and noise eps (rows), for several
 * seeds. The measured boundary is, for each friction, the noise at which |c| has fallen to half its
 * noiseless (closed-form) value, interpolated in log eps; its slope against log mu is fitted with a
 * bootstrap over seeds.
 */
public final class ChainPhaseDiagram {
  /** The grid and the chain; frictions and noises are positive and increasing. */
  public record Settings(int blocks, double stiffness, double eta, int steps, double[] frictions, double[] noises, int seeds) {}

  /** A fitted slope with its 95% bootstrap interval and the frictions that entered. */
  public record Slope(double slope, double lo, double hi, int points) {}

  private final Settings s;
  /** [friction][noise][seed]. */
  private final double[][][] c, v;
  private final double[] noiseless;

  private ChainPhaseDiagram(Settings s, double[][][] c, double[][][] v, double[] noiseless) {
    this.s = s;
    this.c = c;
    this.v = v;
    this.noiseless = noiseless;
  }

  public static ChainPhaseDiagram run(Settings s) {
    int nm = s.frictions().length, ne = s.noises().length;
    double[][][] c = new double[nm][ne][s.seeds()], v = new double[nm][ne][s.seeds()];
    double[] c0 = new double[nm];
    for (int i = 0; i < nm; i++) {
      c0[i] = LoadCurve.ofChain(FrictionalProfile.positions(s.blocks(), s.frictions()[i] / s.stiffness())).curvature();
      for (int j = 0; j < ne; j++) {
        ChainParams p = new ChainParams(s.blocks(), s.stiffness(), s.frictions()[i], s.noises()[j], s.eta(), s.steps());
        for (int r = 0; r < s.seeds(); r++) {
          LoadCurve lc = LoadCurve.ofChain(FirstOrderChain.run(p, 1_000_003L * r + 7919L * i + j));
          c[i][j][r] = lc.curvature();
          v[i][j][r] = lc.nonUniformity();
        }
      }
    }
    return new ChainPhaseDiagram(s, c, v, c0);
  }

  public Settings settings() {
    return s;
  }

  /** c of the closed-form noiseless profile at friction i. */
  public double noiselessCurvature(int i) {
    return noiseless[i];
  }

  public double[] curvatures(int i, int j) {
    return c[i][j].clone();
  }

  public double[] nonUniformities(int i, int j) {
    return v[i][j].clone();
  }

  /** The half-curvature noise of every friction (NaN where |c| does not halve inside the grid), over the given seeds. */
  public double[] halfNoise(int[] seeds) {
    double[] out = new double[s.frictions().length];
    double[] eps = s.noises();
    for (int i = 0; i < out.length; i++) {
      out[i] = Double.NaN;
      double half = Math.abs(noiseless[i]) / 2, prev = Math.abs(noiseless[i]);
      for (int j = 0; j < eps.length; j++) {
        double m = 0;
        for (int r : seeds) m += c[i][j][r] / seeds.length;
        m = Math.abs(m);
        if (m <= half) {
          if (j > 0 && prev > half) {
            double t = (prev - half) / (prev - m);
            out[i] = Math.exp(Math.log(eps[j - 1]) + t * (Math.log(eps[j]) - Math.log(eps[j - 1])));
          }
          break;
        }
        prev = m;
      }
    }
    return out;
  }

  public double[] halfNoise() {
    int[] all = new int[s.seeds()];
    Arrays.setAll(all, r -> r);
    return halfNoise(all);
  }

  /**
   * The slope of log eps_half against log mu over the frictions in [muLo, muHi], with a bootstrap
   * over seeds (whole seeds resampled, the half points found again on each replicate).
   */
  public Slope noiseSlope(double muLo, double muHi, int replicates, long seed) {
    SimpleRegression all = fit(halfNoise(), muLo, muHi);
    double point = all.getN() >= 2 ? all.getSlope() : Double.NaN;
    int used = (int) all.getN();
    SplittableRandom rng = new SplittableRandom(seed);
    List<Double> reps = new ArrayList<>();
    int[] pick = new int[s.seeds()];
    for (int b = 0; b < replicates; b++) {
      for (int r = 0; r < pick.length; r++) pick[r] = rng.nextInt(pick.length);
      SimpleRegression r = fit(halfNoise(pick), muLo, muHi);
      if (r.getN() >= 2) reps.add(r.getSlope());
    }
    double[] sorted = reps.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    if (sorted.length == 0) return new Slope(point, Double.NaN, Double.NaN, used);
    return new Slope(point, sorted[(int) Math.floor(0.025 * (sorted.length - 1))], sorted[(int) Math.ceil(0.975 * (sorted.length - 1))], used);
  }

  private SimpleRegression fit(double[] half, double muLo, double muHi) {
    SimpleRegression reg = new SimpleRegression();
    for (int i = 0; i < half.length; i++) {
      double mu = s.frictions()[i];
      if (Double.isFinite(half[i]) && mu >= muLo && mu <= muHi) reg.addData(Math.log(mu), Math.log(half[i]));
    }
    return reg;
  }

  /** Geometric grid of count values from lo to hi. */
  public static double[] geometric(double lo, double hi, int count) {
    double[] g = new double[count];
    for (int i = 0; i < count; i++) g[i] = count == 1 ? lo : lo * Math.pow(hi / lo, (double) i / (count - 1));
    return g;
  }
}
