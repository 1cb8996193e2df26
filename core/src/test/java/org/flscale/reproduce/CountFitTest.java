package org.flscale.reproduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The count fit recovers a power law, refutes a wrong exponent and says inconclusive when the data cannot decide. */
class CountFitTest {
  private static TreeMap<Integer, List<Double>> powerLaw(double exponent, double noise, int... widths) {
    SplittableRandom rng = new SplittableRandom(1);
    TreeMap<Integer, List<Double>> out = new TreeMap<>();
    for (int w : widths) {
      List<Double> chains = new ArrayList<>();
      for (int c = 0; c < 6; c++) chains.add(2 * Math.pow(w, exponent) * (1 + noise * rng.nextGaussian()));
      out.put(w, chains);
    }
    return out;
  }

  private final CountFit fitter = new CountFit(500, 2.0, 1.0, 4);

  @Test
  void recoversAndRefutes() {
    TreeMap<Integer, List<Double>> c = powerLaw(0.5, 0.1, 10, 20, 40, 80, 160);
    CountFit.Result r = fitter.fit(c, 0.5);
    assertEquals(0.5, r.slope(), 0.05);
    assertEquals("consistent", r.verdict(), r.reason());
    assertEquals("inconsistent", fitter.fit(c, 1.0).verdict());
  }

  @Test
  void inconclusiveOnANarrowRangeOrZeros() {
    assertEquals("inconclusive", fitter.fit(powerLaw(0.5, 0.1, 10, 12, 14), 0.5).verdict());
    TreeMap<Integer, List<Double>> zeros = powerLaw(0.5, 0.1, 10, 20, 40);
    zeros.put(10, List.of(0.0, 0.0, 0.0, 0.0));
    CountFit.Result r = fitter.fit(zeros, 0.5);
    assertEquals("inconclusive", r.verdict());
    assertTrue(r.reason().contains("fewer than three"), r.reason());
  }
}
