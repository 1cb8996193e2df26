package org.flscale.derive;

import java.util.List;

/** A pattern assignment and its optimum, region by region (no pieces: it cannot learn the target). */
public record PatternOutcome(PatternAssignment assignment, List<Piece> pieces) {}
