package org.flscale.verify;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.flscale.math.Affine;
import org.flscale.model.ArchModel;
import org.flscale.model.Scale;

/**
 * --set on a scale the file ties (e.g. {@code scale L = d^(1/2)}) sweeps it like a free one: the
 * model is read with that scale free, so that the derivation gives P_* as a function of it and
 * each series is compared with the derivation at its own value.
 */
final class FreedScales {
  private FreedScales() {}

  /** The model with the named tied scales free (unknown names and the base are left for ModelInstance to report). */
  static ArchModel free(ArchModel model, Collection<String> names) {
    Map<String, Scale> scales = new LinkedHashMap<>(model.scales());
    boolean changed = false;
    for (String n : names) {
      Scale s = scales.get(n);
      if (s == null || s.kind() != Scale.Kind.TIED) continue;
      scales.put(n, new Scale(n, Affine.var(n), Scale.Kind.FREE, s.pos()));
      changed = true;
    }
    if (!changed) return model;
    return new ArchModel(model.name(), model.file(), model.baseScale(), scales, model.input(), model.target(), model.layers(), model.readout(),
        model.parametrization(), model.ridgeName(), model.ridge(), model.patterns(), model.patternsPos(), model.lazyReading());
  }

  /** The tied scales among the names, as "L = d^(1/2)" for the report. */
  static String tied(ArchModel model, Collection<String> names) {
    StringBuilder sb = new StringBuilder();
    for (String n : names) {
      Scale s = model.scale(n);
      if (s == null || s.kind() != Scale.Kind.TIED) continue;
      sb.append(sb.length() == 0 ? "" : ", ").append(n).append(" = ").append(model.baseScale()).append('^').append(s.exponent().constant().isInteger() ? s.exponent().constant().toString() : "(" + s.exponent().constant() + ")");
    }
    return sb.toString();
  }
}
