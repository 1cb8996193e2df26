package org.flscale.solve;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.flscale.math.Affine;
import org.flscale.math.Q;

/**
 * The minimum over one variable p of a maximum of affine forms, under constraints g >= 0: again a
 * maximum of affine forms, found exactly by Fourier-Motzkin elimination of p from t >= term.
 * <ul>
 *   <li>a term without p stays;</li>
 *   <li>a term rising in p (slope u) and one falling (slope -w) give their crossing,
 *       (w L_u + u L_w)/(u + w), L the terms without p;</li>
 *   <li>a rising term at each lower bound of p, a falling one at each upper bound;</li>
 *   <li>every lower bound at most every upper bound is the condition that p's range is not empty.</li>
 * </ul>
 */
public final class Elimination {
  /**
   * The max of {@code terms} (no p) where every {@code conditions} form is >= 0; {@code terms} is
   * empty when the maximum falls without bound as p moves.
   */
  public record Result(List<Affine> terms, List<Affine> conditions) {
    public boolean unbounded() {
      return terms.isEmpty();
    }
  }

  private Elimination() {}

  public static Result minOver(String p, List<Affine> terms, List<Affine> constraints) {
    List<Affine> flat = new ArrayList<>(), up = new ArrayList<>(), down = new ArrayList<>();
    for (Affine t : terms) {
      int s = t.coeff(p).signum();
      (s == 0 ? flat : s > 0 ? up : down).add(t);
    }
    List<Affine> lows = new ArrayList<>(), highs = new ArrayList<>(), conditions = new ArrayList<>();
    for (Affine g : constraints) {
      Q c = g.coeff(p);
      if (c.signum() == 0) conditions.add(g);
      else (c.signum() > 0 ? lows : highs).add(without(g, p).times(c.reciprocal().negate())); // p >= bound, or p <= bound
    }
    if (!down.isEmpty() && up.isEmpty() && highs.isEmpty()) return new Result(List.of(), conditions);
    LinkedHashSet<Affine> out = new LinkedHashSet<>(flat);
    for (Affine u : up) {
      Q au = u.coeff(p);
      Affine lu = without(u, p);
      for (Affine w : down) {
        Q aw = w.coeff(p).negate();
        out.add(without(w, p).times(au).plus(lu.times(aw)).times(au.add(aw).reciprocal()));
      }
      for (Affine lo : lows) out.add(lu.plus(lo.times(au)));
    }
    for (Affine w : down) for (Affine hi : highs) out.add(without(w, p).plus(hi.times(w.coeff(p))));
    for (Affine lo : lows) for (Affine hi : highs) conditions.add(hi.minus(lo));
    return new Result(List.copyOf(out), conditions);
  }

  /** a without its p term. */
  public static Affine without(Affine a, String p) {
    return a.minus(Affine.var(p).times(a.coeff(p)));
  }
}
