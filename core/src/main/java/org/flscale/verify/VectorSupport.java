package org.flscale.verify;

/**
 * Whether the verifier's kernels run on the JDK's Vector API ({@link VectorKernels}): when the
 * incubator module jdk.incubator.vector is in the boot layer (the launcher adds it for verify) and
 * -Dflscale.vector=off does not turn it off. Otherwise the scalar kernels of {@link BatchOps} and
 * {@link ActivationKernel} run; both paths are tested against each other.
 */
public final class VectorSupport {
  private VectorSupport() {}

  /** Read once: the kernels branch on this constant, which the JIT folds away. */
  static final boolean ENABLED = probe();

  private static boolean probe() {
    if ("off".equals(System.getProperty("flscale.vector"))) return false;
    if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) return false;
    try {
      return VectorKernels.S.length() >= 2; // a machine without SIMD registers gains nothing
    } catch (LinkageError e) {
      return false;
    }
  }

  /** One line for reports and benchmarks: which kernels run. */
  public static String describe() {
    if (!ENABLED) return "scalar kernels (jdk.incubator.vector " + (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty() ? "not loaded" : "turned off") + ")";
    return "vector kernels (" + VectorKernels.S.vectorBitSize() + "-bit, " + VectorKernels.S.length() + " doubles a vector)";
  }

  public static boolean enabled() {
    return ENABLED;
  }
}
