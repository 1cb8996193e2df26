package org.flscale.rules;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/** Arithmetic and wording for sets of Hermite degrees (truncated at a bound). */
public final class DegreeSets {
  private DegreeSets() {}

  /** Degrees of He_a(z) He_b(z): |a-b|, |a-b|+2, ..., a+b (the linearisation formula). */
  public static BitSet product(BitSet a, BitSet b, int bound) {
    BitSet out = new BitSet();
    for (int i = a.nextSetBit(0); i >= 0 && i <= bound; i = a.nextSetBit(i + 1)) {
      for (int j = b.nextSetBit(0); j >= 0 && j <= bound; j = b.nextSetBit(j + 1)) {
        for (int t = Math.abs(i - j); t <= Math.min(i + j, bound); t += 2) out.set(t);
      }
    }
    return out;
  }

  /** Degrees of act(F) for F with degree set {@code in}: the union over act's degrees m of in^m. */
  public static BitSet compose(BitSet actDegrees, BitSet in, int bound) {
    BitSet out = new BitSet();
    BitSet power = new BitSet();
    power.set(0); // in^0 = constants
    for (int m = 0; m <= bound; m++) {
      if (actDegrees.get(m)) out.or(power);
      power = product(power, in, bound);
      if (power.isEmpty()) break;
    }
    return out;
  }

  public static String describe(BitSet set, boolean finite) {
    if (set.isEmpty()) return "no degrees";
    List<String> shown = new ArrayList<>();
    int last = set.length() - 1;
    if (finite) {
      for (int i = set.nextSetBit(0); i >= 0; i = set.nextSetBit(i + 1)) shown.add(String.valueOf(i));
      return (shown.size() == 1 ? "degree " : "degrees ") + String.join(", ", shown) + (finite ? "" : ", ...");
    }
    boolean allOdd = true, allEven = true;
    for (int i = set.nextSetBit(0); i >= 0; i = set.nextSetBit(i + 1)) {
      if (i % 2 == 0) allOdd = false; else allEven = false;
    }
    int count = 0;
    for (int i = set.nextSetBit(0); i >= 0 && count < 6; i = set.nextSetBit(i + 1), count++) shown.add(String.valueOf(i));
    String list = String.join(", ", shown) + ", ...";
    if (allOdd) return "odd degrees " + list;
    if (allEven) return "even degrees " + list;
    return "degrees " + list;
  }
}
