package org.flscale.verify;

/**
 * What one chain measured: alignment A = <f,y>/<y,y> and test MSE of the time-averaged predictor on
 * the test set, the mean number of specialised neurons per hidden layer, the time-averaged
 * parameters (after burn-in), and bookkeeping (the gradient evaluations the chain cost, step-size measurements included).
 */
public record ChainResult(
    double alignment, double testMse, double[] specialised, double trainLoss, long steps, double dt,
    double dtFactor, double seconds, boolean diverged, double[] meanParameters, long gradientEvaluations) {}
