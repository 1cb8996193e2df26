import java.util.Locale;
import java.util.SplittableRandom;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;
import org.flscale.verify.*;

/**
 * The verifier's speed, for bench/verify-bench.sh (which interleaves it with numpy and PyTorch).
 *   kernels              which kernels run (vector or scalar)
 *   peak                 one core's FP64 peak: a loop of independent vector FMAs held in registers
 *   steps REPS d,N,P ... the Langevin step loop (forward, backward, noisy update of a two-layer erf
 *                        network) at each size, with the peak measured before every size, REPS times:
 *                        "peak GFLOPS" and "step d N P steps seconds GFLOPS" lines, each followed by the
 *                        same loop with --precision fp32's passes: "step-fp32 d N P steps seconds GFLOPS fp64/fp32"
 *   chain d T [K [warmup|fp32|fp32-warmup]] K chains (default 1) of the reference cell at d: N = d, P = 16 d, kappa = 0.1,
 *                        dt = 0.1 kappa d / P, T prior times (the verifier's sampler); the first is cold:
 *                        "chain java d P T steps cpu-seconds wall-seconds alignment cold|warm|after-warmup";
 *                        warmup: verify's KernelWarmup runs first (in verify it overlaps the derivation);
 *                        fp32: the passes of --precision fp32 (who: java-fp32, java-fp32-warmed)
 * Times are the thread's CPU time (wall time on a shared machine measures the scheduler's share).
 * FLOPs counted per step: 4 P d N (the two matrix products) + 4 P N (readout); activations, noise
 * and the update are not counted (they are what the kernels spend beyond the products).
 */
public class VerifyBench {
  public static void main(String[] args) {
    switch (args[0]) {
      case "peak" -> System.out.printf(Locale.ROOT, "peak %.3f%n", peak());
      case "kernels" -> System.out.println(VectorSupport.describe());
      case "steps" -> {
        int reps = Integer.parseInt(args[1]);
        for (int rep = 0; rep < reps; rep++) {
          for (int a = 2; a < args.length; a++) {
            String[] s = args[a].split(",");
            System.out.printf(Locale.ROOT, "peak %.3f%n", peak());
            steps(Integer.parseInt(s[0]), Integer.parseInt(s[1]), Integer.parseInt(s[2]));
          }
        }
      }
      case "chain" -> {
        int d = Integer.parseInt(args[1]), k = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        boolean warmup = args.length > 4 && args[4].endsWith("warmup"), fp32 = args.length > 4 && args[4].startsWith("fp32");
        if (warmup) KernelWarmup.start(fp32 ? Precision.FP32 : Precision.FP64); // as verify does, while it derives its prediction
        for (int rep = 0; rep < k; rep++) chain(d, Double.parseDouble(args[2]), rep, warmup, fp32);
      }
      default -> throw new IllegalArgumentException("peak | steps REPS d,N,P ... | chain d T [K [warmup|fp32|fp32-warmup]]");
    }
  }

  private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
  private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

  /**
   * This thread's CPU time: on a machine shared with other work (load above the core count) wall
   * time measures the scheduler's share, CPU time what the code did with the core it got.
   */
  static long cpuNanos() {
    return THREADS.getCurrentThreadCpuTime();
  }

  /** GFLOP/s of 16 independent FMA chains (enough to cover the FMA latency on two pipes), best of 5. */
  static double peak() {
    double best = 0;
    for (int rep = 0; rep < 5; rep++) {
      long iters = 4_000_000;
      long t0 = cpuNanos();
      double sink = fmaLoop(iters, 1e-9 * rep);
      double sec = (cpuNanos() - t0) * 1e-9;
      if (sink == 42) System.out.print(""); // keeps the loop alive
      best = Math.max(best, 2.0 * 16 * S.length() * iters / sec / 1e9);
    }
    return best;
  }

  private static double fmaLoop(long iters, double eps) {
    DoubleVector m = DoubleVector.broadcast(S, 1 - 1e-12), a = DoubleVector.broadcast(S, eps);
    DoubleVector c0 = DoubleVector.broadcast(S, 1), c1 = c0, c2 = c0, c3 = c0, c4 = c0, c5 = c0, c6 = c0, c7 = c0;
    DoubleVector c8 = c0, c9 = c0, c10 = c0, c11 = c0, c12 = c0, c13 = c0, c14 = c0, c15 = c0;
    for (long i = 0; i < iters; i++) {
      c0 = c0.fma(m, a); c1 = c1.fma(m, a); c2 = c2.fma(m, a); c3 = c3.fma(m, a);
      c4 = c4.fma(m, a); c5 = c5.fma(m, a); c6 = c6.fma(m, a); c7 = c7.fma(m, a);
      c8 = c8.fma(m, a); c9 = c9.fma(m, a); c10 = c10.fma(m, a); c11 = c11.fma(m, a);
      c12 = c12.fma(m, a); c13 = c13.fma(m, a); c14 = c14.fma(m, a); c15 = c15.fma(m, a);
    }
    return c0.add(c1).add(c2).add(c3).add(c4).add(c5).add(c6).add(c7).add(c8).add(c9).add(c10).add(c11)
        .add(c12).add(c13).add(c14).add(c15).reduceLanes(jdk.incubator.vector.VectorOperators.ADD);
  }

  /** The step loop in fp64, then in fp32 on the same data and start: "step ..." and "step-fp32 ... ratio" lines. */
  static void steps(int d, int n, int p) {
    NetworkShape shape = new NetworkShape(new int[] {d, n}, new ActivationKernel[] {ActivationKernel.named("erf")}, 1 / Math.sqrt(n));
    DenseNetwork dense = new DenseNetwork(shape, 3);
    SyntheticData train = SyntheticData.training(d, 3, p, 1), test = SyntheticData.test(d, 3, 10, 1);
    double flopsPerStep = 4.0 * p * d * n + 4.0 * p * n;
    int steps = (int) Math.max(20, Math.min(20000, 1e10 / flopsPerStep));
    double fp64 = stepLoop(dense.bind(train, test), d, p, steps);
    System.out.printf(Locale.ROOT, "step %d %d %d %d %.6f %.3f%n", d, n, p, steps, fp64, flopsPerStep * steps / fp64 / 1e9);
    double fp32 = stepLoop(FloatDenseNetwork.bind(dense, train, test), d, p, steps);
    System.out.printf(Locale.ROOT, "step-fp32 %d %d %d %d %.6f %.3f %.3f%n", d, n, p, steps, fp32, flopsPerStep * steps / fp32 / 1e9, fp64 / fp32);
  }

  /** Best CPU seconds of `steps` Langevin steps (forward, backward, noisy update) over 3 timed runs after a warm-up. */
  private static double stepLoop(Trainable net, int d, int p, int steps) {
    SplittableRandom rng = new SplittableRandom(1);
    double[] theta = net.initialParameters(ChainStart.RANDOM, rng);
    double[] grad = new double[theta.length];
    double dt = 0.1 * 0.1 * d / p, noise = Math.sqrt(2 * dt);
    double best = Double.MAX_VALUE;
    for (int rep = 0; rep < 4; rep++) { // the first is the JIT's warm-up
      long t0 = cpuNanos();
      for (int k = 0; k < steps; k++) {
        net.potentialAndGradient(theta, 0.1, grad);
        for (int i = 0; i < theta.length; i++) theta[i] += -dt * grad[i] + noise * rng.nextGaussian();
      }
      if (rep > 0) best = Math.min(best, (cpuNanos() - t0) * 1e-9);
    }
    return best;
  }

  static void chain(int d, double priorTime, int rep, boolean warmup, boolean fp32) {
    int p = 16 * d;
    SamplerSettings st = new SamplerSettings(SamplerSettings.Mode.LANGEVIN, 0.1, 0.1, priorTime, 0.5, 100, 4000, 0.8);
    NetworkShape shape = new NetworkShape(new int[] {d, d}, new ActivationKernel[] {ActivationKernel.named("erf")}, 1 / Math.sqrt(d));
    SyntheticData train = SyntheticData.training(d, 3, p, rep), test = SyntheticData.test(d, 3, 4000, rep);
    SplittableRandom rng = new SplittableRandom(rep);
    DenseNetwork dense = new DenseNetwork(shape, 3);
    Trainable net = fp32 ? FloatDenseNetwork.bind(dense, train, test) : dense.bind(train, test);
    double[] theta = net.initialParameters(ChainStart.RANDOM, rng);
    if (warmup) KernelWarmup.await();
    long c0 = cpuNanos();
    ChainResult r = new LangevinSampler(st).run(net, theta, rng);
    double cpu = (cpuNanos() - c0) * 1e-9;
    System.out.printf(Locale.ROOT, "chain %s %d %d %g %d %.4f %.4f %.4f %s%n", (fp32 ? "java-fp32" : "java") + (warmup ? "-warmed" : ""), d, p, priorTime, r.steps(), cpu, r.seconds(), r.alignment(),
        warmup ? "after-warmup" : rep == 0 ? "cold" : "warm");
  }
}
