package org.flscale.derive;

import java.util.List;
import java.util.Map;
import org.flscale.math.Q;
import org.flscale.math.Affine;

/**
 * One pattern's optimum on one region of the free scales (the whole space when every scale is
 * tied): the energy terms of the winning branch, the exponent of P_* (affine in the free scales),
 * the optimal variational parameters, and what fixed them: the terms in balance (equal to the
 * maximum) and the validity constraints that bind.
 */
public record Piece(
    List<Affine> conditions,
    PatternAssignment assignment,
    List<Integer> features,
    List<Affine> terms,
    Affine exponent,
    Map<String, Affine> parameters,
    List<Affine> balancedTerms,
    List<Affine> bindingConstraints,
    Map<String, Q> samplePoint,
    Map<String, Range> unfixed) {

  /**
   * A parameter the balance leaves free: every value in [low, high] (null: unbounded) gives the
   * same optimal exponent. Bounds are exponents, affine in the free scales (valid around the
   * region's sample point).
   */
  public record Range(Affine low, Affine high) {}
}
