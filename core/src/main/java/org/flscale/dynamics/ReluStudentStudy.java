package org.flscale.dynamics;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.flscale.report.HeatMaps;

/**
 * The (tau, delta) phase portrait of a two-layer ReLU student of a three-neuron ReLU teacher:
 * kernel distance S(0, end), test loss and time to fit, per cell, drawn as heat maps. The authors'
 * d = 100, width 50, n = 1000 is scaled down to d = 20, width 20, n = 200 to run in minutes on two cores.
 */
final class ReluStudentStudy {
  static final int D = 20, WIDTH = 20, TEACHER = 3, N_TRAIN = 200, N_TEST = 500, N_KERNEL = 60, MAX_STEPS = 15000;
  static final double T_MAX = 300;

  private ReluStudentStudy() {}

  static String run(DynamicsVerify.Options o, PrintStream err) throws Exception {
    double[] taus = o.quick() ? new double[] {0.1, 1.0} : logspace(-1, 0.3, 6);
    double[] deltas = o.quick() ? new double[] {-1, 0, 1} : linspace(-1, 1, 7);
    String settings = "student d=" + D + " width=" + WIDTH + " n=" + N_TRAIN + " taus=" + java.util.Arrays.toString(taus) + " deltas="
        + java.util.Arrays.toString(deltas) + " tmax=" + T_MAX;
    try (CellLog log = new CellLog(o.dir().resolve("student.tsv"), settings, o.resume())) {
      List<Runnable> jobs = new ArrayList<>();
      for (double tau : taus) for (double delta : deltas) {
        String key = "tau=" + tau + ",delta=" + delta;
        if (log.get(key) == null) jobs.add(() -> log.put(key, train(tau, delta)));
      }
      ExactLinearVerify.runAll(jobs, null, err);
      double[][] s = new double[taus.length][deltas.length], test = new double[taus.length][deltas.length], time = new double[taus.length][deltas.length];
      String[][] sT = new String[taus.length][deltas.length], lT = new String[taus.length][deltas.length], tT = new String[taus.length][deltas.length];
      for (int r = 0; r < taus.length; r++) for (int c = 0; c < deltas.length; c++) {
        double[] v = log.get("tau=" + taus[r] + ",delta=" + deltas[c]);
        s[r][c] = v[0];
        test[r][c] = Math.log10(v[1]);
        time[r][c] = Math.log10(v[2]);
        sT[r][c] = String.format(Locale.ROOT, "%.2f", v[0]);
        lT[r][c] = String.format(Locale.ROOT, "%.0e", v[1]);
        tT[r][c] = Double.isFinite(v[2]) && v[2] < T_MAX ? String.format(Locale.ROOT, "%.2g", v[2]) : ">" + (int) T_MAX;
      }
      Path figures = o.dir().resolve("figures");
      Files.createDirectories(figures);
      List<String> cols = labels(deltas), rows = labels(taus);
      new HeatMaps("ReLU student (d = " + D + ", width " + WIDTH + ", " + TEACHER + " teacher neurons, n = " + N_TRAIN + "): phase portrait over (delta, tau)",
          "full-batch GD, symmetric init (f(x; theta_0) = 0), a_i |w_i| = tau^2, eta_w a^2 - eta_a |w|^2 = delta; training time up to " + (int) T_MAX,
          List.of(new HeatMaps.Panel("kernel distance S(0, end)", "delta", "tau", cols, rows, s, sT, false, List.of()),
              new HeatMaps.Panel("log10 test loss / teacher variance", "delta", "tau", cols, rows, test, lT, false, List.of()),
              new HeatMaps.Panel("log10 time to train loss 1%", "delta", "tau", cols, rows, time, tT, false, List.of())))
          .write(figures, "unbalanced-student-portrait");
      StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%nReLU student, d = %d, width %d, n = %d: per (tau, delta) "
          + "kernel distance / test loss / time to 1%%%n", D, WIDTH, N_TRAIN));
      sb.append("  tau \\ delta ");
      for (double dl : deltas) sb.append(String.format(Locale.ROOT, "%20.2f", dl));
      sb.append('\n');
      for (int r = 0; r < taus.length; r++) {
        sb.append(String.format(Locale.ROOT, "  %-11.3f", taus[r]));
        for (int c = 0; c < deltas.length; c++) sb.append(String.format(Locale.ROOT, "%20s", sT[r][c] + "/" + lT[r][c] + "/" + tT[r][c]));
        sb.append('\n');
      }
      sb.append("  figure: ").append(figures.resolve("unbalanced-student-portrait.png")).append('\n');
      return sb.toString();
    }
  }

  /** {kernel distance, test loss relative to the teacher's variance, time to reach 1% train loss}. */
  static double[] train(double tau, double delta) {
    Random rnd = new Random(2024);
    double[][] teacher = new double[TEACHER][];
    for (int k = 0; k < TEACHER; k++) teacher[k] = ReluStudent.sphere(D, rnd, Math.sqrt(D));
    double[][] xs = inputs(N_TRAIN, rnd), xt = inputs(N_TEST, rnd);
    double[] ys = labels(xs, teacher), yt = labels(xt, teacher);
    ReluStudent st = new ReluStudent(D, WIDTH, tau, delta, new Random(7));
    double[][] xk = java.util.Arrays.copyOf(xs, N_KERNEL);
    double[] k0 = st.gram(xk);
    double var = variance(yt), loss0 = 0.5 * variance(ys) + 0.5 * mean(ys) * mean(ys), t = 0, tFit = Double.POSITIVE_INFINITY;
    double gain = 2;
    double last = Double.POSITIVE_INFINITY;
    for (int step = 0; step < MAX_STEPS && t < T_MAX; step++) {
      // the step is a fraction of 1 / (mean diagonal of the Gram matrix / n), an upper bound on its top eigenvalue
      double lr = gain / Math.max(1e-3, st.meanDiagonal(xs));
      double loss = st.step(xs, ys, lr);
      if (loss > last * 1.5) gain /= 2;
      last = loss;
      t += lr;
      if (loss < 0.01 * loss0 && tFit == Double.POSITIVE_INFINITY) tFit = t;
      if (loss < 1e-6 * loss0) break;
    }
    double test = 0;
    for (int m = 0; m < N_TEST; m++) test += Math.pow(st.predict(xt[m]) - yt[m], 2) / N_TEST;
    return new double[] {ReluStudent.kernelDistance(k0, st.gram(xk)), test / var, tFit};
  }

  private static double[][] inputs(int n, Random rnd) {
    double[][] x = new double[n][];
    for (int m = 0; m < n; m++) x[m] = ReluStudent.sphere(D, rnd, 1);
    return x;
  }

  private static double[] labels(double[][] xs, double[][] teacher) {
    double[] y = new double[xs.length];
    for (int m = 0; m < xs.length; m++) for (double[] t : teacher) y[m] += Math.max(0, ReluStudent.dot(t, xs[m]));
    return y;
  }

  private static double mean(double[] v) {
    double s = 0;
    for (double x : v) s += x;
    return s / v.length;
  }

  private static double variance(double[] v) {
    double m = mean(v), s = 0;
    for (double x : v) s += (x - m) * (x - m);
    return s / v.length;
  }

  static double[] logspace(double a, double b, int n) {
    double[] out = new double[n];
    for (int i = 0; i < n; i++) out[i] = Math.pow(10, a + (b - a) * i / (n - 1));
    return out;
  }

  static double[] linspace(double a, double b, int n) {
    double[] out = new double[n];
    for (int i = 0; i < n; i++) out[i] = a + (b - a) * i / (n - 1);
    return out;
  }

  private static List<String> labels(double[] xs) {
    List<String> out = new ArrayList<>();
    for (double x : xs) out.add(String.format(Locale.ROOT, "%.2f", x));
    return out;
  }
}
