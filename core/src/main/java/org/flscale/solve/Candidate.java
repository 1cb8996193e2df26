package org.flscale.solve;

import java.util.ArrayList;
import java.util.List;
import org.flscale.math.Affine;

/**
 * One branch of one pattern's energy: the energy exponent is the max of {@code terms}, to be
 * minimised over {@code variables} (the variational parameters' exponents) under
 * {@code constraints} (each >= 0). {@code rank} orders candidates for tie-breaking (lower wins);
 * {@code owner} is whatever the caller wants back (the pattern assignment).
 */
public record Candidate<T>(T owner, int rank, List<Affine> terms, List<Affine> constraints, List<String> variables) {
  /** The exponent variable of the energy in the linear program. */
  public static final String T = "@t";

  /** minimise t subject to t >= every term, and the validity constraints. */
  public LinearProgram program() {
    List<Affine> rows = new ArrayList<>();
    for (Affine term : terms) rows.add(Affine.var(T).minus(term));
    rows.addAll(constraints);
    List<String> vars = new ArrayList<>(variables);
    vars.add(T);
    return new LinearProgram(vars, rows, Affine.var(T));
  }

  /** The same program with the free scales as extra variables restricted to a cell, minimising t - reference. */
  public LinearProgram programOver(List<String> scales, List<Affine> cell, Affine reference) {
    List<Affine> rows = new ArrayList<>();
    for (Affine term : terms) rows.add(Affine.var(T).minus(term));
    rows.addAll(constraints);
    rows.addAll(cell);
    List<String> vars = new ArrayList<>(variables);
    vars.add(T);
    vars.addAll(scales);
    return new LinearProgram(vars, rows, Affine.var(T).minus(reference));
  }

}
