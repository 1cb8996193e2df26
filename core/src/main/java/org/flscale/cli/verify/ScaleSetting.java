package org.flscale.cli.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flscale.math.Q;
import org.flscale.verify.SizeSeries;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * One --set SCALE=d^q: a scale tied to the base, with one exponent or several (L=d^(1/2),d^1), each
 * exact, or a fixed size at every d (H=2). The base is checked against the model once it is read
 * (null when every value is a fixed size).
 */
public record ScaleSetting(String scale, String base, List<SizeSeries.Size> sizes) {
  private static final Pattern COUNT = Pattern.compile("[1-9][0-9]{0,8}");
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern POWER = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)(?:\\^(.+))?");

  /** The picocli converter: a clear message for anything that is not SCALE=base^q[,base^q...]. */
  public static final class Converter implements ITypeConverter<ScaleSetting> {
    @Override
    public ScaleSetting convert(String value) {
      return parse(value);
    }
  }

  static ScaleSetting parse(String value) {
    String s = value.replace(" ", "");
    int eq = s.indexOf('=');
    if (eq <= 0 || !NAME.matcher(s.substring(0, eq)).matches()) {
      throw new TypeConversionException("'" + value + "' is not SCALE=d^q (e.g. N=d^1, L=d^(1/2), several: L=d^(1/2),d^1, or a fixed size: H=2)");
    }
    String base = null;
    List<SizeSeries.Size> qs = new ArrayList<>();
    for (String v : s.substring(eq + 1).split(",", -1)) {
      if (COUNT.matcher(v).matches()) {
        SizeSeries.Size n = SizeSeries.Size.fixed(Integer.parseInt(v));
        if (!qs.contains(n)) qs.add(n);
        continue;
      }
      Matcher m = POWER.matcher(v);
      if (!m.matches()) throw new TypeConversionException("'" + value + "': '" + v + "' is not a power of the base such as d^(1/2)");
      if (base != null && !base.equals(m.group(1))) throw new TypeConversionException("'" + value + "': every value must be a power of the same base, " + base);
      base = m.group(1);
      Q q = m.group(2) == null ? Q.ONE : ExactRational.parse(m.group(2));
      if (q == null) throw new TypeConversionException("'" + value + "': the exponent '" + m.group(2) + "' is not an exact number or fraction (e.g. 1, 1/2, (3/4), 0.5)");
      if (!qs.contains(SizeSeries.Size.power(q))) qs.add(SizeSeries.Size.power(q));
    }
    return new ScaleSetting(s.substring(0, eq), base, qs);
  }
}
