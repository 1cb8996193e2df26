package org.flscale.cli.verify;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import org.flscale.verify.ChainStart;
import org.flscale.verify.Integrator;
import org.flscale.verify.Precision;
import org.flscale.verify.SamplerSettings;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Converters from the lowercase labels users type to the verifier's enums, listing the choices on a mistake. */
public abstract class Labelled<E extends Enum<E>> implements ITypeConverter<E> {
  private final E[] values;
  private final Function<E, String> label;

  Labelled(E[] values, Function<E, String> label) {
    this.values = values;
    this.label = label;
  }

  @Override
  public E convert(String value) {
    for (E e : values) if (label.apply(e).equals(value)) return e;
    throw new TypeConversionException("'" + value + "' is not one of " + String.join(", ", Arrays.stream(values).map(label).toList()));
  }

  public static final class Start extends Labelled<ChainStart> {
    public Start() {
      super(ChainStart.values(), c -> c.label);
    }
  }

  public static final class Mode extends Labelled<SamplerSettings.Mode> {
    public Mode() {
      super(SamplerSettings.Mode.values(), m -> m.label);
    }
  }

  public static final class IntegratorLabel extends Labelled<Integrator> {
    public IntegratorLabel() {
      super(Integrator.values(), i -> i.label);
    }
  }

  public static final class PrecisionLabel extends Labelled<Precision> {
    public PrecisionLabel() {
      super(Precision.values(), p -> p.label);
    }
  }

  public static final class Format extends Labelled<OutputFormat> {
    public Format() {
      super(OutputFormat.values(), f -> f.name().toLowerCase(Locale.ROOT));
    }
  }
}
