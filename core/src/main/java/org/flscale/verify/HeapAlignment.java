package org.flscale.verify;

/**
 * Where in a double[] the first element on a 64-byte boundary lies, so that the vector kernels'
 * packed panels can start there: a 512-bit load that straddles two cache lines costs about twice
 * one that does not (measured 0.38 against 0.22 ns a load on this project's machine), and a heap
 * array starts wherever the allocator put it. The address is read through sun.misc.Unsafe (module
 * jdk.unsupported) from the array's reference; it is only a hint: the garbage collector may move
 * the array at any time, which costs speed, never correctness, since a kernel packs and reads at
 * the same offset within one call. Off (offset 0) where Unsafe is missing, where references are
 * not compressed 32-bit ones of a known shift, and from JDK 23 on, whose Unsafe warns on use.
 */
final class HeapAlignment {
  private HeapAlignment() {}

  /** Doubles of padding a buffer needs so that an aligned start always fits. */
  static final int PAD = 7;
  /** Floats of padding, for the float kernels' buffers. */
  static final int FLOAT_PAD = 15;

  private static final sun.misc.Unsafe UNSAFE;
  private static final long BASE; // offset of the first element of an Object[]
  private static final long DATA; // offset of the first element of a double[]
  private static final long FLOAT_DATA; // of a float[]
  private static final int SHIFT; // how a compressed reference becomes an address

  static {
    sun.misc.Unsafe u = null;
    long base = 0, data = 0, floatData = 0;
    int shift = -1;
    try {
      if (Runtime.version().feature() < 23) {
        java.lang.reflect.Field f = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
        f.setAccessible(true);
        u = (sun.misc.Unsafe) f.get(null);
        base = u.arrayBaseOffset(Object[].class);
        data = u.arrayBaseOffset(double[].class);
        floatData = u.arrayBaseOffset(float[].class);
        if (u.arrayIndexScale(Object[].class) == 4) shift = shift(u, base);
      }
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      shift = -1;
    }
    UNSAFE = shift >= 0 ? u : null;
    BASE = base;
    DATA = data;
    FLOAT_DATA = floatData;
    SHIFT = shift;
  }

  /** The shift of compressed references: two empty long[] (16 bytes each) allocated one after the other differ by 16 >> shift. */
  private static int shift(sun.misc.Unsafe u, long base) {
    for (int attempt = 0; attempt < 4; attempt++) {
      long[] x = new long[0], y = new long[0];
      long diff = reference(u, base, y) - reference(u, base, x);
      if (diff == 16) return 0;
      if (diff == 2) return 3;
    }
    return -1;
  }

  private static long reference(sun.misc.Unsafe u, long base, Object o) {
    Object[] holder = {o};
    return u.getInt(holder, base) & 0xffffffffL;
  }

  /** The first index (0 to 7) of a whose element starts a cache line; 0 when unknown. */
  static int offset(double[] a) {
    if (UNSAFE == null) return 0;
    long address = (reference(UNSAFE, BASE, a) << SHIFT) + DATA;
    return (int) (((64 - (address & 63)) & 63) >> 3);
  }

  /** The first index (0 to 15) of a whose element starts a cache line; 0 when unknown. */
  static int offset(float[] a) {
    if (UNSAFE == null) return 0;
    long address = (reference(UNSAFE, BASE, a) << SHIFT) + FLOAT_DATA;
    return (int) (((64 - (address & 63)) & 63) >> 2);
  }
}
