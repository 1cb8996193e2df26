package org.flscale.cli.verify;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flscale.math.Q;
import org.flscale.math.Rationals;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** An exponent as the user writes it: 1, 3/2, -1/2, (1/2), 0.75; exact (decimals are read as the fraction they denote). */
public final class ExactRational implements ITypeConverter<Q> {
  private static final Pattern FORM = Pattern.compile("(-?\\d+(?:\\.\\d+)?)(?:/(\\d+))?");

  @Override
  public Q convert(String value) {
    Q q = parse(value);
    if (q == null) throw new TypeConversionException("'" + value + "' is not a number or fraction (e.g. 1, 3/2, (1/2), 0.75)");
    return q;
  }

  /** The rational, or null when the text is not one. */
  static Q parse(String text) {
    String t = text.replace(" ", "");
    if (t.startsWith("(") && t.endsWith(")")) t = t.substring(1, t.length() - 1);
    Matcher m = FORM.matcher(t);
    if (!m.matches()) return null;
    Q q = Rationals.parseDecimal(m.group(1));
    if (m.group(2) == null) return q;
    long den = Long.parseLong(m.group(2));
    return den == 0 ? null : q.divide(Q.of(den));
  }
}
