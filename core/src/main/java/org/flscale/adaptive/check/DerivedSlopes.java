package org.flscale.adaptive.check;

import java.util.Map;
import org.flscale.adaptive.AdaptiveBalance;
import org.flscale.math.Affine;
import org.flscale.math.Q;
import org.flscale.math.Rationals;

/**
 * The rules' exponents in N at fixed P and d for chi = N^power: what the check's slopes are compared
 * with. Below the crossover (chi P <= N, judged by the rules' own shift exponent with unit
 * prefactors) the lazy branch applies, beyond it the adapted one.
 */
record DerivedSlopes(AdaptiveBalance b, Q power) {
  /** The plan's power (a double the sampler raises N to) as the exact rational it stands for. */
  static DerivedSlopes of(AdaptiveBalance b, double power) {
    return new DerivedSlopes(b, Q.of(new org.apache.commons.math3.fraction.BigFraction(power, 1e-12, 1000)));
  }

  /** The exponent of N of a theory exponent with P and d held fixed and chi = N^power. */
  Q inN(Affine theory) {
    Affine a = theory.substitute(AdaptiveBalance.P, Affine.ZERO).substitute(AdaptiveBalance.D, Affine.ZERO)
        .substitute(AdaptiveBalance.CHI, Affine.var(AdaptiveBalance.N).times(power));
    return a.coeff(AdaptiveBalance.N);
  }

  /** Whether (N, P, d) lies below the crossover: the rules' shift exponent, evaluated in logs, is <= 0. */
  boolean lazy(int n, int p, int d) {
    double chi = power.doubleValue() * Math.log(n);
    Affine s = b.shift();
    double v = s.constant().doubleValue() + s.coeff(AdaptiveBalance.N).doubleValue() * Math.log(n)
        + s.coeff(AdaptiveBalance.P).doubleValue() * Math.log(p) + s.coeff(AdaptiveBalance.D).doubleValue() * Math.log(d)
        + s.coeff(AdaptiveBalance.CHI).doubleValue() * chi;
    return v <= 0;
  }

  Q shift(boolean lazy) {
    return lazy ? inN(b.shift()) : inN(b.largeQ());
  }

  Q spike(boolean lazy) {
    return lazy ? inN(b.spikeLazy()) : inN(b.spikeAdapted());
  }

  Q treeError() {
    return inN(b.treeError());
  }

  static String show(Q q) {
    return Rationals.format(q);
  }

  static Map<String, String> names() {
    return Map.of("shift", "Q - 1 below the crossover, Q beyond", "spike", "teacher spike S", "tree", "tree-level error / effect");
  }
}
