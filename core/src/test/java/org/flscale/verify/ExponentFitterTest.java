package org.flscale.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The fitter on synthetic S-curves A(P) = 0.6 / (1 + (P_*(d)/P)^2) with P_* = 20 d^s, plus noise. */
class ExponentFitterTest {

  private static List<CellRecord> synthetic(List<Integer> dims, double s, double noise, int chains, long seed) {
    return synthetic(dims, 20, s, noise, chains, seed);
  }

  private static List<CellRecord> synthetic(List<Integer> dims, double prefactor, double s, double noise, int chains, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    List<CellRecord> out = new ArrayList<>();
    List<Double> ratios = SweepPlan.geometric(2, 512, 12);
    for (int d : dims) {
      double pstar = prefactor * Math.pow(d, s);
      for (int c = 0; c < chains; c++) {
        for (double r : ratios) {
          int p = (int) Math.round(r * d);
          // the 0.4 crossing of 0.6/(1+(P*/P)^2) is at P = P*/sqrt(1/2)... any constant factor is fine
          double a = 0.6 / (1 + Math.pow(pstar / p, 2)) + noise * rng.nextGaussian();
          out.add(new CellRecord("m", "s", d, p, r, c, c % 2 == 0 ? "random" : "aligned", List.of(d), a, 0, List.of(0.0), 0, 1, 1, 0.1, 0, false, null));
        }
      }
    }
    return out;
  }

  private static FitResult fit(List<CellRecord> records, Double predicted) {
    return new ExponentFitter(400, 1.0, 2.0, 1).fit(ExponentFitter.curves(records, r -> true), 0.4, predicted);
  }

  @Test
  void recoversPowerLawExponents() {
    for (double s : new double[] {0.5, 1, 1.5}) {
      FitResult f = fit(synthetic(List.of(16, 32, 64, 128), s, 0.03, 8, 2), s);
      assertEquals(s, f.slope(), 0.1, "slope for s = " + s);
      assertTrue(f.lo() <= s && s <= f.hi(), "interval [" + f.lo() + ", " + f.hi() + "] holds " + s);
      assertEquals("consistent", f.verdict(), f.reason());
    }
  }

  @Test
  void rejectsAWrongPrediction() {
    FitResult f = fit(synthetic(List.of(16, 32, 64, 128), 1, 0.03, 8, 3), 3.0);
    assertEquals("inconsistent", f.verdict(), f.reason());
  }

  @Test
  void tooNarrowARangeIsInconclusive() {
    FitResult f = fit(synthetic(List.of(16, 18, 20, 24), 1, 0.03, 8, 4), 1.0);
    assertEquals("inconclusive", f.verdict(), f.reason());
    assertTrue(f.reason().contains("narrow"), f.reason());
  }

  @Test
  void noisyDataGiveAWideIntervalAndNoVerdict() {
    FitResult f = fit(synthetic(List.of(16, 24, 32, 48), 1, 0.25, 2, 5), 1.0);
    assertTrue(!f.verdict().equals("consistent"), "noise 0.25 with 2 chains cannot confirm: " + f.reason());
  }

  @Test
  void pStarFallingWithDBeyondTheNoiseDecidesNothing() {
    // P_* ~ d^-1 with little noise: a prediction of +1 is not refuted by such data, they are called inconclusive
    List<CellRecord> falling = synthetic(List.of(16, 32, 64, 128), 50000, -1, 0.02, 8, 6); // P_* from 3125 down to 390, inside every ladder
    FitResult f = fit(falling, 1.0);
    assertEquals("inconclusive", f.verdict(), f.reason());
    assertTrue(f.reason().contains("not monotone"), f.reason());
    assertEquals("inconsistent", fit(falling, -3.0).verdict(), "a falling prediction is still tested");
  }

  @Test
  void aSingleChainGivesNoIntervalRatherThanAZeroWideOne() {
    FitResult f = fit(synthetic(List.of(16, 32, 64, 128), 1, 0.03, 1, 7), 1.0);
    assertTrue(Double.isNaN(f.lo()) && Double.isNaN(f.hi()), f.lo() + ", " + f.hi());
    assertTrue(f.reason().contains("single chain"), f.reason());
  }

  @Test
  void twoChainsPerSizeGiveAnIntervalButNoVerdict() {
    FitResult f = fit(synthetic(List.of(16, 32, 64, 128), 1, 0.03, 2, 8), 3.0);
    assertTrue(Double.isFinite(f.lo()) && f.hi() > f.lo(), f.lo() + ", " + f.hi());
    assertEquals("inconclusive", f.verdict(), f.reason());
    assertTrue(f.reason().contains("only 2 chains"), f.reason());
  }

  @Test
  void aSmokeRunDecidesNothing() {
    FitResult f = new ExponentFitter(200, 1.0, 2.0, 1, true, ExponentFitter.MIN_CHAINS).fit(ExponentFitter.curves(synthetic(List.of(16, 32, 64, 128), 1, 0.03, 8, 2), r -> true), 0.4, 3.0);
    assertEquals(ExponentFitter.SMOKE, f.verdict());
    assertTrue(f.reason().contains("inconsistent"), "the fit's own verdict is kept in the reason: " + f.reason());
  }

  @Test
  void logCorrectedPowerLawIsPreferredWhenPresent() {
    List<Integer> dims = List.of(8, 16, 32, 64, 128, 256);
    List<Double> ps = new ArrayList<>();
    for (int d : dims) ps.add(5 * d * Math.log(d));
    List<Double> xs = dims.stream().map(Integer::doubleValue).toList();
    double[] lin = ExponentFitter.fitLine(xs, ps, false), log = ExponentFitter.fitLine(xs, ps, true);
    assertEquals(1.0, log[0], 1e-9);
    assertTrue(log[2] < lin[2]);
  }

  @Test
  void crossingInterpolatesInLogP() {
    assertEquals(Math.sqrt(10 * 40), Crossing.of(new double[] {10, 40, 160}, new double[] {0.2, 0.6, 0.7}, 0.4), 1e-9);
    assertTrue(Double.isNaN(Crossing.of(new double[] {10, 40}, new double[] {0.5, 0.6}, 0.4)), "starts above");
    assertTrue(Double.isNaN(Crossing.of(new double[] {10, 40}, new double[] {0.1, 0.2}, 0.4)), "never reaches");
  }

  @Test
  void aSizeThatDoesNotCrossInsideItsLadderMakesTheFitInconclusive() {
    // P_* = 20 d^1.7 is beyond the ladder (P <= 512 d) at d = 128 only: dropping that size would flatten the slope
    FitResult f = fit(synthetic(List.of(8, 16, 32, 128), 1.7, 0.02, 8, 5), 1.7);
    assertEquals("inconclusive", f.verdict(), f.reason());
    assertTrue(f.reason().contains("d = 128") && f.reason().contains("beyond") && f.reason().contains("--ratios"), f.reason());
  }
}
