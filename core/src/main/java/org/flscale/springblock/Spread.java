package org.flscale.springblock;

import java.util.Locale;

/** Mean and sample standard deviation of a few values (over seeds). */
public record Spread(double mean, double sd, int n) {
  public static Spread of(double[] xs) {
    double m = 0;
    for (double x : xs) m += x / xs.length;
    double ss = 0;
    for (double x : xs) ss += (x - m) * (x - m);
    return new Spread(xs.length == 0 ? Double.NaN : m, xs.length > 1 ? Math.sqrt(ss / (xs.length - 1)) : Double.NaN, xs.length);
  }

  /** "-0.52 ± 0.08" (the mean alone when there is one value). */
  public String show(int decimals) {
    String f = "%." + decimals + "f";
    return Double.isNaN(sd) ? String.format(Locale.ROOT, f, mean) : String.format(Locale.ROOT, f + " ± " + f, mean, sd);
  }
}
