package io.microautograd.examples;

import io.microautograd.Differentiable;

/**
 * The regression example's model, y = w1 x1 + w2 x2 + b, as a loss the build compiles: the
 * processor writes {@code LinearModelGrad} with the gradient with respect to the weights and the
 * bias (the sample's x1, x2 and y are data, not differentiated).
 */
public final class LinearModel {

    private LinearModel() {
    }

    /** The squared error of the model with weights w1, w2 and bias b on the sample (x1, x2) -> y. */
    @Differentiable(wrt = {"w1", "w2", "b"})
    public static double squaredError(double w1, double w2, double b, double x1, double x2, double y) {
        double error = w1 * x1 + w2 * x2 + b - y;
        return error * error;
    }
}
