package org.flscale.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.SplittableRandom;
import org.apache.commons.math3.special.Erf;
import org.junit.jupiter.api.Test;

/**
 * The float kernels (vector and scalar) against the double ones on the same float-rounded inputs,
 * over sizes that cover every tail: rows not a multiple of 4, batches and features not a multiple
 * of the 16 float lanes, ranges that start inside the batch. Float sums of t terms of size 1 are
 * off by about 6e-8 t: the tolerance is 1e-6 per term summed, far below the O(1) of an index slip.
 */
class FloatKernelsTest {
  private static final double PER_TERM = 1e-6;

  @Test
  void productsAndGradientMatchTheDoubleKernels() {
    assumeTrue(VectorSupport.enabled());
    SplittableRandom rng = new SplittableRandom(11);
    for (int rows : new int[] {1, 3, 4, 5, 13}) for (int depth : new int[] {1, 7, 16, 17, 33, 50}) for (int count : new int[] {1, 15, 16, 47, 49, 113})
      for (int from : new int[] {0, 3, 19}) {
        if (from >= count) continue;
        String where = rows + "x" + depth + " over [" + from + ", " + count + ")";
        double[] theta = rounded(gaussian(rng, 3 + rows * depth));
        double[][] in = rounded(matrix(rng, depth, count)), del = rounded(matrix(rng, rows, count)), scale = rounded(matrix(rng, depth, count));
        float[] w = toFloat(theta);
        float[][] in32 = FloatOps.round(in), del32 = FloatOps.round(del), scale32 = FloatOps.round(scale);
        float s = 0.375f;

        double[][] z = new double[rows][count];
        BatchOps.scalarProject(theta, 3, depth, rows, s, in, z, from, count);
        float[][] zv = filled(rows, count), zs = filled(rows, count);
        FloatKernels.product(w, 3, depth, 1, rows, depth, s, in32, zv, from, count);
        FloatOps.scalarProject(w, 3, depth, rows, s, in32, zs, from, count);
        assertClose(z, zv, from, depth, "vector project " + where);
        assertClose(z, zs, from, depth, "scalar project " + where);

        double[][] back = new double[depth][count];
        BatchOps.scalarProjectBack(theta, 3, depth, rows, s, del, back, scale, from, count);
        float[][] bv = filled(depth, count), bs = filled(depth, count);
        FloatOps.projectBack(w, 3, depth, rows, s, del32, bv, scale32, from, count);
        FloatOps.scalarProjectBack(w, 3, depth, rows, s, del32, bs, from, count);
        for (int k = 0; k < depth; k++) for (int j = from; j < count; j++) bs[k][j] *= scale32[k][j];
        assertClose(back, bv, from, rows, "vector projectBack " + where);
        assertClose(back, bs, from, rows, "scalar projectBack " + where);

        double[] g = gaussian(rng, 2 + rows * depth), gv = g.clone(), gr = g.clone(), gs = g.clone();
        BatchOps.scalarOuterReduce(from, count, rows, depth, del, in, 0.3, g, 2);
        float[] rowMajor = new float[count * depth];
        for (int mu = 0; mu < count; mu++) for (int k = 0; k < depth; k++) rowMajor[mu * depth + k] = in32[k][mu];
        FloatKernels.outerReduce(from, count, rows, depth, del32, in32, null, 0.3, gv, 2);
        FloatKernels.outerReduce(from, count, rows, depth, del32, in32, rowMajor, 0.3, gr, 2);
        FloatOps.scalarOuterReduce(from, count, rows, depth, del32, in32, 0.3, gs, 2);
        for (int q = 0; q < g.length; q++) {
          double tol = PER_TERM * (count - from);
          assertEquals(g[q], gv[q], tol, "vector outerReduce " + where + " at " + q);
          assertEquals(g[q], gr[q], tol, "vector outerReduce sample-major " + where + " at " + q);
          assertEquals(g[q], gs[q], tol, "scalar outerReduce " + where + " at " + q);
        }
      }
  }

  /**
   * The float erf, both paths, against commons-math3 over [-7, 7]: measured 3.8e-7 at most on this
   * grid, 4.3e-7 on one ten times finer (7 float ulps of 1, near |x| = 0.1 where 1 - t e Q(t) cancels); the derivative is the
   * exact formula in float, off by the rounding of x^2 inside the exponential (6e-8 x^2 relative).
   */
  @Test
  void floatErfMatchesCommonsMath() {
    int m = 140_001;
    float[] z = new float[m], hv = new float[m], dv = new float[m], hs = new float[m], ds = new float[m];
    for (int i = 0; i < m; i++) z[i] = (float) (-7 + 14.0 * i / (m - 1));
    if (VectorSupport.enabled()) FloatKernels.erf(z, hv, dv, 0, m);
    else FloatOps.scalarErf(z, hv, dv, 0, m);
    FloatOps.scalarErf(z, hs, ds, 0, m);
    double worst = 0;
    for (int i = 0; i < m; i++) {
      double exact = Erf.erf(z[i]), slope = 2 / Math.sqrt(Math.PI) * Math.exp(-(double) z[i] * z[i]);
      worst = Math.max(worst, Math.max(Math.abs(hv[i] - exact), Math.abs(hs[i] - exact)));
      double rel = 1.2e-7 * (2 + 2 * z[i] * z[i]); // x^2 rounded to float moves exp(-x^2) by 6e-8 x^2 relative
      assertEquals(slope, dv[i], rel * slope, "vector erf' at " + z[i]);
      assertEquals(slope, ds[i], rel * slope, "scalar erf' at " + z[i]);
    }
    System.out.println("float erf: max |error| over [-7, 7] = " + worst);
    assertTrue(worst < 5e-7, "float erf off by " + worst);
  }

  @Test
  void otherActivationsRunThroughTheirDoubleKernel() {
    float[] z = {-2.5f, -0.3f, 0f, 0.7f, 3.1f}, h = new float[5], dh = new float[5];
    for (String name : new String[] {"tanh", "relu", "quadratic", "linear"}) {
      ActivationKernel act = ActivationKernel.named(name);
      double[] zd = new double[5], hd = new double[5], dd = new double[5];
      for (int i = 0; i < 5; i++) zd[i] = z[i];
      act.apply(zd, hd, dd, 1, 5);
      FloatOps.activate(act, z, h, dh, 1, 5);
      assertEquals(0f, h[0], name + " leaves the samples before the range alone");
      for (int i = 1; i < 5; i++) {
        assertEquals(hd[i], h[i], 1e-7 * (1 + Math.abs(hd[i])), name);
        assertEquals(dd[i], dh[i], 1e-7 * (1 + Math.abs(dd[i])), name);
      }
    }
  }

  private static void assertClose(double[][] want, float[][] got, int from, int terms, String what) {
    for (int r = 0; r < want.length; r++) {
      for (int j = 0; j < from; j++) assertEquals(42f, got[r][j], what + ": a sample before the range was written");
      for (int j = from; j < want[r].length; j++) assertEquals(want[r][j], got[r][j], PER_TERM * terms, what + " at " + r + "," + j);
    }
  }

  private static float[][] filled(int rows, int count) {
    float[][] out = new float[rows][count];
    for (float[] row : out) java.util.Arrays.fill(row, 42f);
    return out;
  }

  private static double[] rounded(double[] v) {
    for (int i = 0; i < v.length; i++) v[i] = (float) v[i];
    return v;
  }

  private static double[][] rounded(double[][] m) {
    for (double[] row : m) rounded(row);
    return m;
  }

  private static float[] toFloat(double[] v) {
    float[] out = new float[v.length];
    FloatOps.round(v, out);
    return out;
  }

  private static double[] gaussian(SplittableRandom rng, int n) {
    return Potential.draw(n, rng);
  }

  private static double[][] matrix(SplittableRandom rng, int rows, int cols) {
    return java.util.stream.Stream.generate(() -> Potential.draw(cols, rng)).limit(rows).toArray(double[][]::new);
  }
}
