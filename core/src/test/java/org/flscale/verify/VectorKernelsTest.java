package org.flscale.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.SplittableRandom;
import org.apache.commons.math3.special.Erf;
import org.junit.jupiter.api.Test;

/**
 * The Vector API kernels against the scalar ones on tiny sizes that cover every tail (rows not a
 * multiple of 4, batches and features not a multiple of the vector length): equal to 1e-12
 * relative to the size of the terms (only the order of the additions differs). The erf against
 * commons-math3 and against the scalar table. No timing here (that is bench/).
 */
class VectorKernelsTest {
  private static final double TOL = 1e-12;

  @Test
  void theSurefireRunLoadsTheVectorModule() {
    assertTrue(VectorSupport.enabled(), "the tests run with --add-modules jdk.incubator.vector: " + VectorSupport.describe());
  }

  @Test
  void productsAndGradientMatchTheScalarKernels() {
    assumeTrue(VectorSupport.enabled());
    SplittableRandom rng = new SplittableRandom(7);
    int[] rowsList = {1, 3, 4, 5, 9}, depthList = {1, 2, 7, 8, 17}, countList = {1, 5, 8, 23, 24, 49, 97};
    for (int rows : rowsList) for (int depth : depthList) for (int count : countList) for (int from : new int[] {0, 3}) {
      if (from >= count) continue;
      String where = rows + "x" + depth + " over [" + from + ", " + count + ")";
      double[] theta = gaussian(rng, 3 + rows * depth);
      double[][] in = matrix(rng, depth, count), del = matrix(rng, rows, count), scale = matrix(rng, depth, count);
      double s = 0.37;
      double[][] a = new double[rows][count], b = new double[rows][count];
      BatchOps.scalarProject(theta, 3, depth, rows, s, in, a, from, count);
      VectorKernels.product(theta, 3, depth, 1, rows, depth, s, in, b, from, count);
      assertClose(a, b, depth, "project " + where);

      double[][] c = new double[depth][count], e = new double[depth][count];
      BatchOps.scalarProjectBack(theta, 3, depth, rows, s, del, c, scale, from, count);
      BatchOps.projectBack(theta, 3, depth, rows, s, del, e, scale, from, count);
      assertClose(c, e, rows, "projectBack " + where);

      double[] g1 = gaussian(rng, 2 + rows * depth), g2 = g1.clone();
      BatchOps.scalarOuterReduce(from, count, rows, depth, del, in, s, g1, 2);
      VectorKernels.outerReduce(from, count, rows, depth, del, in, null, s, g2, 2);
      for (int q = 0; q < g1.length; q++) assertEquals(g1[q], g2[q], TOL * (1 + count), "outerReduce " + where + " at " + q);
      double[] g3 = g1.clone(), g4 = g1.clone(), rowMajor = new double[count * depth];
      for (int mu = 0; mu < count; mu++) for (int k = 0; k < depth; k++) rowMajor[mu * depth + k] = in[k][mu];
      BatchOps.scalarOuterReduce(from, count, rows, depth, del, in, s, g3, 2);
      VectorKernels.outerReduce(from, count, rows, depth, del, in, rowMajor, s, g4, 2);
      for (int q = 0; q < g1.length; q++) assertEquals(g3[q], g4[q], TOL * (1 + count), "outerReduce sample-major " + where + " at " + q);
    }
  }

  @Test
  void columnDotsMatchTheSumOverRows() {
    assumeTrue(VectorSupport.enabled());
    SplittableRandom rng = new SplittableRandom(5);
    for (int rows : new int[] {1, 3, 8}) for (int count : new int[] {1, 7, 8, 33, 71}) for (int from : new int[] {0, 2}) {
      if (from >= count) continue;
      double[][] a = matrix(rng, rows, count), b = matrix(rng, rows, count);
      double[] out = new double[count];
      java.util.Arrays.fill(out, 7.0);
      VectorKernels.columnDots(a, b, rows, out, from, count);
      for (int mu = 0; mu < count; mu++) {
        double sum = 0;
        for (int j = 0; j < rows; j++) sum += a[j][mu] * b[j][mu];
        assertEquals(mu < from ? 7.0 : sum, out[mu], TOL * (1 + rows), rows + " rows over [" + from + ", " + count + ") at " + mu);
      }
    }
  }

  @Test
  void theRangeKernelsLeaveSamplesOutsideTheRangeAlone() {
    assumeTrue(VectorSupport.enabled());
    SplittableRandom rng = new SplittableRandom(11);
    int rows = 5, depth = 9, count = 61, from = 13, to = 40;
    double[] theta = gaussian(rng, rows * depth);
    double[][] in = matrix(rng, depth, count), out = new double[rows][count];
    for (double[] row : out) java.util.Arrays.fill(row, 7.0);
    VectorKernels.product(theta, 0, depth, 1, rows, depth, 1.0, in, out, from, to);
    double[] z = gaussian(rng, count), h = new double[count];
    java.util.Arrays.fill(h, 7.0);
    VectorErf.erf(z, h, null, from, to);
    for (int j = 0; j < count; j++) {
      boolean inside = j >= from && j < to;
      for (double[] row : out) assertEquals(!inside, row[j] == 7.0, "product at " + j);
      assertEquals(!inside, h[j] == 7.0, "erf at " + j);
    }
  }

  @Test
  void theAlignedOffsetStartsACacheLineOrIsZero() {
    for (int size = 8; size < 40; size++) {
      int o = HeapAlignment.offset(new double[size]);
      assertTrue(o >= 0 && o < 8, "offset " + o);
    }
  }

  @Test
  void theGradientHandlesBatchesLongerThanOnePackedBlock() {
    assumeTrue(VectorSupport.enabled());
    SplittableRandom rng = new SplittableRandom(3);
    int rows = 6, depth = 2 * VectorKernels.S.length() * 3 + 1, count = 32768 / depth * 2 + 11;
    double[][] in = matrix(rng, depth, count), del = matrix(rng, rows, count);
    double[] g1 = new double[rows * depth], g2 = new double[rows * depth];
    BatchOps.scalarOuterReduce(0, count, rows, depth, del, in, 1.0, g1, 0);
    VectorKernels.outerReduce(0, count, rows, depth, del, in, null, 1.0, g2, 0);
    for (int q = 0; q < g1.length; q++) assertEquals(g1[q], g2[q], 1e-12 * count, "at " + q);
  }

  @Test
  void theFormulaErfIsAccurateTo2e11AndItsDerivativeIsExact() {
    double worst = 0;
    for (double x = -7; x <= 7; x += 1e-4) worst = Math.max(worst, Math.abs(ErfApproximation.erf(x) - Erf.erf(x)));
    assertTrue(worst < 2e-11, "max |error| " + worst);
    assertEquals(1.0, ErfApproximation.erf(40), 0);
    assertEquals(-1.0, ErfApproximation.erf(-1e300), 0);
  }

  @Test
  void theOwnExpIsWithinThreeUlpsOfTheJdks() {
    double worst = 0;
    for (double x = -708; x <= 0; x += 7.1e-4) worst = Math.max(worst, Math.abs(ErfApproximation.exp(x) - Math.exp(x)) / Math.ulp(Math.exp(x)));
    assertTrue(worst <= 3, "max error " + worst + " ulp"); // 7e-16 relative: rounding in the reduction, the polynomial and Math.exp
    assertEquals(1.0, ErfApproximation.exp(0), 0);
    assertTrue(ErfApproximation.exp(-1e6) > 0 && ErfApproximation.exp(-1e6) < 1e-307, "clamped, still normal");
  }

  @Test
  void theVectorErfIsTheScalarFormulaBitForBitAndMatchesTheTable() {
    assumeTrue(VectorSupport.enabled());
    int n = 4001 + VectorKernels.S.length() - 1;
    double[] z = new double[n], h = new double[n], dh = new double[n], ht = new double[n], dht = new double[n];
    for (int i = 0; i < n; i++) z[i] = -8 + 16.0 * i / n;
    VectorErf.erf(z, h, dh, 0, n);
    ActivationKernel.tabulatedErf(z, ht, dht, 0, n);
    for (int i = 0; i < n; i++) {
      double x = z[i], e = ErfApproximation.exp(-(x * x));
      // the same operations in the same order on every lane and in the tail: the same bits
      assertEquals(Double.doubleToRawLongBits(ErfApproximation.erf(x)), Double.doubleToRawLongBits(h[i]), "value at " + x);
      assertEquals(Double.doubleToRawLongBits(e * ErfApproximation.TWO_OVER_SQRT_PI), Double.doubleToRawLongBits(dh[i]), "derivative at " + x);
      assertEquals(ht[i], h[i], 2e-9, "against the table at " + x); // the table's own error is 1e-9
      assertEquals(dht[i], dh[i], 1e-7, "derivative against the table's interpolant at " + x);
    }
  }

  private static void assertClose(double[][] a, double[][] b, int terms, String what) {
    for (int r = 0; r < a.length; r++) {
      for (int j = 0; j < a[r].length; j++) assertEquals(a[r][j], b[r][j], TOL * (1 + terms), what + " at " + r + "," + j);
    }
  }

  private static double[] gaussian(SplittableRandom rng, int n) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) v[i] = rng.nextGaussian();
    return v;
  }

  private static double[][] matrix(SplittableRandom rng, int rows, int cols) {
    double[][] m = new double[rows][];
    for (int r = 0; r < rows; r++) m[r] = gaussian(rng, cols);
    return m;
  }
}
