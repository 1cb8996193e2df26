package org.flscale.verify;

import java.util.List;

/**
 * The fit of log P_* against log x (x = d, or the predicted P_* in a collapse; {@code dims} the d of each point) at one alignment threshold: the slope with its bootstrap 95%
 * interval, the P_*(d) used, the d^a log d alternative, and the verdict against the prediction.
 */
public record FitResult(
    double threshold, List<Integer> dims, List<Double> pstar, double slope, double lo, double hi,
    double intercept, double failedFraction, double logSlope, double logLo, double logHi, double sseLinear, double sseLog,
    String verdict, String reason, String variable, List<Double> x) {}
