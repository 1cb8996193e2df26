package org.flscale.verify;

import java.util.SplittableRandom;

/**
 * Compiles the batch kernels before the first chain: a few hundred forward and backward passes of
 * tiny dense erf networks (shapes that take every branch of the kernels: whole register blocks,
 * partial ones and scalar tails) on a background thread while verify derives its prediction.
 * Without it the first chain on each thread runs its first hundreds of steps in the interpreter
 * (Vector API code there is a hundred times slower) and its recorded time is not its cost.
 */
public final class KernelWarmup {
  private KernelWarmup() {}

  private static Thread thread;

  /** Starts the warm-up once per process (later calls return at once). */
  public static synchronized void start() {
    start(Precision.FP64);
  }

  /** The same for the kernels of the given precision (fp32's float passes, and the double test-set pass it measures with). */
  public static synchronized void start(Precision precision) {
    if (thread != null) return;
    thread = new Thread(() -> run(precision), "flscale-kernel-warmup");
    thread.setDaemon(true);
    thread.setPriority(Thread.MIN_PRIORITY);
    thread.start();
  }

  /** Waits for the warm-up (bounded by its step count and by 3 s). */
  public static void await() {
    Thread t;
    synchronized (KernelWarmup.class) {
      t = thread;
    }
    if (t == null) return;
    try {
      t.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** At most this long (on a loaded machine the compiler threads are slow too); quiet, fp64 takes 1.3 s and fp32, two sets of kernels, 1.5-2 s. */
  private static final long LIMIT_NANOS = 3_000_000_000L;

  private static void run(Precision precision) {
    long end = System.nanoTime() + LIMIT_NANOS;
    int[][] shapes = {{16, 16, 48}, {12, 6, 36}, {40, 20, 120}};
    for (int round = 0; round < 2; round++) {
      for (int[] s : shapes) if (!steps(s[0], s[1], s[2], 1000, end, precision)) return;
    }
  }

  private static boolean steps(int d, int n, int p, int steps, long end, Precision precision) {
    NetworkShape shape = new NetworkShape(new int[] {d, n}, new ActivationKernel[] {ActivationKernel.named("erf")}, 1 / Math.sqrt(n));
    DenseNetwork dense = new DenseNetwork(shape, 3);
    Trainable net = precision == Precision.FP32 ? FloatDenseNetwork.bind(dense, p, 8, 1) : dense.bind(p, 8, 1);
    double[] theta = net.initialParameters(ChainStart.RANDOM, new SplittableRandom(1));
    double[] grad = new double[theta.length];
    for (int k = 0; k < steps; k++) {
      net.potentialAndGradient(theta, 0.1, grad);
      for (int i = 0; i < theta.length; i++) theta[i] -= 1e-3 * grad[i];
      if (k % 50 == 0) {
        net.testOutput(theta);
        if (System.nanoTime() > end) return false;
      }
    }
    return true;
  }
}
