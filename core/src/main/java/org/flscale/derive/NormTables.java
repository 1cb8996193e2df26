package org.flscale.derive;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.flscale.math.Affine;
import org.flscale.rules.ActivationContent;
import org.flscale.rules.DegreeSets;
import org.flscale.rules.RuleBook;
import org.flscale.solve.Box;
import org.flscale.solve.MinMax;

/**
 * The norm tables of a chain of layers (the "activation" route of rules/layers.m): the table after
 * layer l gives, for j = 0..k, the exponent of the RKHS norm of He_j(w.x) in the layer's kernel.
 * <ul>
 *   <li>lazy: LazyNorm in the dimension the layer's units read, times its LazyDilution, for the
 *       degrees the layer reaches; in the paper's reading of claim (iii) (LazyLayersPassNorms) also
 *       the products of the norms below through the activation's He_m components (ProductNorm);</li>
 *   <li>a pattern acting on He_a: its spike (SpikeNorm, times SpikeDilution) gives every component
 *       of act(He_a) the smaller of the spike and its other norm; where FeedNorm changes the feature
 *       (GFL), the changed feature enters the activation's products.</li>
 * </ul>
 */
final class NormTables {
  private final Templates templates;
  private final int k;
  private final List<ActivationContent> activations;
  private final List<KindFacts> kinds;
  private final List<BitSet> reach;
  private final Box box;
  private final boolean passNorms;
  private final List<Integer> inputDegrees;
  private final boolean padProducts;

  NormTables(Templates templates, int k, List<ActivationContent> activations, List<KindFacts> kinds, List<BitSet> reach, Box box,
      boolean passNorms) {
    this.templates = templates;
    this.k = k;
    this.activations = activations;
    this.kinds = kinds;
    this.reach = reach;
    this.box = box;
    this.passNorms = passNorms;
    this.inputDegrees = templates.inputDegrees();
    this.padProducts = templates.padProductsWithConstants();
  }

  /** The table a lazy layer l leaves, given the one below it. */
  MinMax[] lazy(int l, MinMax[] below) {
    return passNorms ? lazyTable(l, below) : baseline(l + 1);
  }

  /**
   * Layer l acting on He_a with a pattern: the spike reaches the components of act(He_a) (claim (i));
   * an amplified feature enters the activation's products (claim (ii)). Null when the spike would
   * reach no tracked degree.
   */
  MinMax[] acting(int l, int a, MinMax[] nu, String pattern, Affine p, MinMax spike, boolean amplifies) {
    ActivationContent act = activations.get(l);
    BitSet comps = DegreeSets.compose(act.degrees(), single(a), k);
    if (!spike.isInfinite() && comps.isEmpty()) return null;
    MinMax[] next = baseline(l + 1);
    if (amplifies || passNorms) {
      MinMax[] fed = passNorms ? nu.clone() : baseline(l);
      fed[a] = templates.feed(pattern, p, nu[a]);
      next = lazyTable(l, fed);
    }
    if (!spike.isInfinite()) {
      // each component of act(He_a) has the smaller of the spike's norm and its lazy norm (a weak spike does not help)
      MinMax s = spike.plus(kinds.get(l).spikeDilution());
      for (int j = comps.nextSetBit(0); j >= 0; j = comps.nextSetBit(j + 1)) {
        next[j] = (reach.get(l + 1).get(j) ? s.min(next[j]) : s).pruned(box);
      }
    }
    return next;
  }

  /** Claim (iii): the norm table of a lazy kernel, LazyNorm for every degree it reaches (index 0: the input). */
  MinMax[] baseline(int l) {
    MinMax[] t = new MinMax[k + 1];
    for (int j = 0; j <= k; j++) {
      if (l == 0) t[j] = !inputDegrees.contains(j) ? MinMax.INFINITY
          : j == 1 ? templates.inputNorm(kinds.get(0).dimension()) : templates.lazyNorm(j, kinds.get(0).dimension());
      else t[j] = reach.get(l).get(j) ? lazyNorm(l - 1, j) : MinMax.INFINITY;
    }
    return t;
  }

  /** Claim (iii) in the dimension layer l's units read, times the layer's lazy dilution. */
  private MinMax lazyNorm(int l, int j) {
    KindFacts kind = kinds.get(l);
    return templates.lazyNorm(j, kind.dimension()).plus(kind.lazyDilution()).pruned(box);
  }

  /**
   * The lazy route of layer l given the norm table of the kernel below: LazyNorm for reachable
   * degrees, and products of features through the activation's He_m components.
   */
  private MinMax[] lazyTable(int l, MinMax[] below) {
    ActivationContent act = activations.get(l);
    BitSet reachable = reach.get(l + 1);
    MinMax[] out = new MinMax[k + 1];
    for (int j = 0; j <= k; j++) {
      MinMax best = reachable.get(j) ? lazyNorm(l, j) : MinMax.INFINITY;
      for (List<Integer> parts : partitions(j)) {
        int zeros = zerosNeeded(act, parts.size(), below, padProducts);
        if (zeros < 0) continue;
        List<MinMax> factors = new ArrayList<>();
        boolean finite = true;
        for (int part : parts) {
          factors.add(below[part]);
          finite &= !below[part].isInfinite();
        }
        for (int z = 0; z < zeros; z++) factors.add(below[0]);
        if (!finite || factors.isEmpty()) continue;
        best = best.min(templates.productNorm(factors).plus(kinds.get(l).lazyDilution())).pruned(box);
      }
      out[j] = best;
    }
    return out;
  }

  /**
   * A product of c features needs an He_m component with m = c, or (PadProductsWithConstants)
   * m > c padded with constant features (degree 0) when the kernel below has them. Returns how
   * many constants, or -1.
   */
  private static int zerosNeeded(ActivationContent act, int c, MinMax[] below, boolean pad) {
    if (act.hasDegree(c)) return 0;
    if (!pad || below[0].isInfinite()) return -1;
    for (int m = c + 1; m <= RuleBook.MAX_DEGREE; m++) if (act.hasDegree(m)) return m - c;
    return -1;
  }

  /** Partitions of j into positive parts, largest first (none for j = 0). */
  private static List<List<Integer>> partitions(int j) {
    List<List<Integer>> out = new ArrayList<>();
    if (j == 0) return out;
    partition(j, j, new ArrayList<>(), out);
    return out;
  }

  private static void partition(int rest, int max, List<Integer> cur, List<List<Integer>> out) {
    if (rest == 0) {
      out.add(List.copyOf(cur));
      return;
    }
    for (int p = Math.min(rest, max); p >= 1; p--) {
      cur.add(p);
      partition(rest - p, p, cur, out);
      cur.remove(cur.size() - 1);
    }
  }

  private static BitSet single(int a) {
    BitSet b = new BitSet();
    b.set(a);
    return b;
  }
}
