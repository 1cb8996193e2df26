package org.flscale.derive;

import java.util.List;
import org.flscale.math.Affine;
import org.flscale.solve.MinMax;

/**
 * One way to learn the target: a pattern assignment with the feature each non-lazy layer acts on,
 * the layers' costs, the target's norm in the last kernel (a_y), the parameters' validity
 * constraints (exponents >= 0), and the parameters with the layers they belong to.
 */
record Energy(PatternAssignment assignment, List<Integer> features, List<MinMax> costs, MinMax targetNorm,
    List<Affine> constraints, List<String> variables, List<String> variableLayers) {
  /** max(costs of the layers in order, a_y): the energy's dominant balance. */
  MinMax total() {
    MinMax e = null;
    for (MinMax c : costs) e = e == null ? c : e.max(c);
    return e == null ? targetNorm : e.max(targetNorm);
  }
}
