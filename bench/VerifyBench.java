import java.util.Locale;
import java.util.SplittableRandom;
import org.flscale.verify.*;

/**
 * Times the verifier's training inner loop (one full-batch Langevin step of a two-layer erf
 * network: forward, backward, update) and prints one line per size:
 *   java d N P steps seconds gflops
 * FLOPs counted: 4 P d N (the two matrix products) + 4 P N (readout) per step; activations and
 * noise are not counted. Also times one whole chain of the reference cell with --chain.
 * Run: java -cp "target/flscale-0.1.0.jar:target/lib/*" bench/VerifyBench.java [--chain] d,N,P ...
 */
public class VerifyBench {
  public static void main(String[] args) {
    boolean chain = false;
    java.util.List<int[]> sizes = new java.util.ArrayList<>();
    for (String a : args) {
      if (a.equals("--chain")) chain = true;
      else {
        String[] s = a.split(",");
        sizes.add(new int[] {Integer.parseInt(s[0]), Integer.parseInt(s[1]), Integer.parseInt(s[2])});
      }
    }
    if (chain) {
      int d = 32, p = 16 * d;
      SamplerSettings st = new SamplerSettings(SamplerSettings.Mode.LANGEVIN, 0.1, 0.1, 3, 0.5, 100, 4000, 0.8);
      NetworkShape shape = new NetworkShape(new int[] {d, d}, new ActivationKernel[] {ActivationKernel.named("erf")}, 1 / Math.sqrt(d));
      for (int rep = 0; rep < 3; rep++) {
        SyntheticData train = SyntheticData.training(d, 3, p, rep), test = SyntheticData.test(d, 3, 4000, rep);
        SplittableRandom rng = new SplittableRandom(rep);
        Trainable net = new DenseNetwork(shape, 3).bind(train, test);
        double[] theta = net.initialParameters(ChainStart.RANDOM, rng);
        ChainResult r = new LangevinSampler(st).run(net, theta, rng);
        double numpy = 3e-8 * 16 * 16 * Math.pow(d, 3) / 0.1;
        System.out.printf(Locale.ROOT, "chain d=32 P/d=16 kappa=0.1 T=3: steps=%d java=%.3fs numpy-reference=%.3fs ratio(numpy/java)=%.2f A=%.3f%n",
            r.steps(), r.seconds(), numpy, numpy / r.seconds(), r.alignment());
      }
    }
    for (int[] s : sizes) {
      int d = s[0], n = s[1], p = s[2];
      NetworkShape shape = new NetworkShape(new int[] {d, n}, new ActivationKernel[] {ActivationKernel.named("erf")}, 1 / Math.sqrt(n));
      Trainable net = new DenseNetwork(shape, 3).bind(p, 10, 1);
      SplittableRandom rng = new SplittableRandom(1);
      double[] theta = net.initialParameters(ChainStart.RANDOM, rng);
      double[] grad = new double[theta.length];
      double dt = 0.1 * 0.1 * d / p, noise = Math.sqrt(2 * dt);
      double flopsPerStep = 4.0 * p * d * n + 4.0 * p * n;
      int steps = (int) Math.max(20, Math.min(20000, 2e10 / flopsPerStep));
      double best = Double.MAX_VALUE;
      for (int rep = 0; rep < 3; rep++) {
        long t0 = System.nanoTime();
        for (int k = 0; k < steps; k++) {
          net.potentialAndGradient(theta, 0.1, grad);
          for (int i = 0; i < theta.length; i++) theta[i] += -dt * grad[i] + noise * rng.nextGaussian();
        }
        best = Math.min(best, (System.nanoTime() - t0) * 1e-9);
      }
      System.out.printf(Locale.ROOT, "java %d %d %d %d %.6f %.3f%n", d, n, p, steps, best, flopsPerStep * steps / best / 1e9);
    }
  }
}
