package org.flscale.model;

import java.util.List;
import java.util.Map;
import org.flscale.math.Q;
import org.flscale.math.Affine;

/**
 * A parsed and checked .arch file. Scales keep declaration order; {@code patterns} is the list of
 * pattern names the file allows (all the rule set's patterns when the file does not restrict them),
 * with {@code patternsPos} null in that case. {@code lazyReading} names the rules' reading of how lazy
 * layers treat what the layers below learned (rules/kernels.m, LazyLayerReadings; the first by default).
 */
public record ArchModel(
    String name,
    String file,
    String baseScale,
    Map<String, Scale> scales,
    Input input,
    Target target,
    List<Layer> layers,
    Readout readout,
    Parametrization parametrization,
    String ridgeName,
    Q ridge,
    List<String> patterns,
    SourcePos patternsPos,
    String lazyReading) {

  public Scale scale(String name) {
    return scales.get(name);
  }

  /** Exponent (in the base scale) of the width of hidden layer {@code index} (0-based). */
  public Affine widthExponent(int index) {
    return scales.get(layers.get(index).width()).exponent();
  }

  /** The free scales other than the base, in declaration order. */
  public List<String> freeScales() {
    return scales.values().stream().filter(Scale::isFree).map(Scale::name).toList();
  }

  /** The same model learning another target (one term of a sum, say). */
  public ArchModel withTarget(Target t) {
    return new ArchModel(name, file, baseScale, scales, input, t, layers, readout, parametrization, ridgeName, ridge,
        patterns, patternsPos, lazyReading);
  }

  /** An exponent with every tied scale replaced by its own exponent (in the base and the free scales). */
  public Affine tied(Affine a) {
    Affine g = a;
    for (Scale s : scales.values()) if (s.kind() == Scale.Kind.TIED) g = g.substitute(s.name(), s.exponent());
    return g;
  }

  public boolean allScalesTied() {
    return freeScales().isEmpty();
  }
}
