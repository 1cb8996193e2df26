package org.flscale.derive;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.flscale.math.Affine;
import org.flscale.math.Q;
import org.flscale.model.ArchModel;
import org.flscale.model.Layer;
import org.flscale.model.Target;
import org.flscale.solve.LinearProgram;

/**
 * The information floor of a derivation: the rule InformationFloor applied to the dimension of
 * every distinct direction of the target (the first layer's KindDimension), and, on each region of
 * the answer, whether it or the variational P_* is the larger (two small linear programs over the
 * region's conditions, the free scales' exponents >= 0).
 */
final class InformationFloor {
  private InformationFloor() {}

  static Derivation.Floor of(ArchModel model, Templates templates, List<Piece> winner) {
    Set<String> directions = new LinkedHashSet<>();
    for (Target.Term t : model.target().terms()) for (Target.Factor f : t.factors()) directions.add(f.direction());
    Layer first = model.layers().get(0);
    Map<String, Affine> options = new LinkedHashMap<>();
    first.options().forEach((k, v) -> options.put(k, EnergyBuilder.symbol(model, v)));
    Affine dim = model.tied(templates.kindDimension(first.kind(), EnergyBuilder.symbol(model, model.input().dimension()), options));
    List<Affine> dims = new ArrayList<>();
    for (int i = 0; i < directions.size(); i++) dims.add(dim);
    Affine floor = model.tied(templates.informationFloor(dims).single());
    List<Derivation.Binding> binding = new ArrayList<>();
    for (Piece p : winner) binding.add(binding(model.freeScales(), p, floor));
    return new Derivation.Floor(floor, binding);
  }

  /** VARIATIONAL where P_* >= floor all over the piece's region, FLOOR where it is below all over, else DEPENDS. */
  private static Derivation.Binding binding(List<String> free, Piece p, Affine floor) {
    Affine gap = p.exponent().minus(floor);
    List<Affine> region = new ArrayList<>(p.conditions());
    for (String s : free) region.add(Affine.var(s));
    boolean neverBelow = atLeastZero(free, region, gap);
    if (neverBelow) return Derivation.Binding.VARIATIONAL;
    boolean alwaysBelow = atLeastZero(free, region, gap.times(Q.MINUS_ONE)) && !gap.equals(Affine.ZERO);
    return alwaysBelow ? Derivation.Binding.FLOOR : Derivation.Binding.DEPENDS;
  }

  private static boolean atLeastZero(List<String> free, List<Affine> region, Affine f) {
    if (f.isConstant()) return f.constant().signum() >= 0;
    LinearProgram.Solution s = new LinearProgram(free, region, f).solve(Map.of());
    return s.status() == LinearProgram.Status.OPTIMAL && s.value().constant().signum() >= 0;
  }

}
