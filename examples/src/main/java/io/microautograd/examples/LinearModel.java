package io.microautograd.examples;

import io.microautograd.Differentiable;

/**
 * The regression example's model, y = w1 x1 + w2 x2 + b, and its training loss as plain Java
 * that the build differentiates: the processor writes {@code LinearModelGrad} with the gradient
 * with respect to the weights and the bias (the samples are data, not differentiated).
 */
public final class LinearModel {

    private LinearModel() {
    }

    /**
     * The mean squared error of the model with weights w1, w2 and bias b over the samples
     * {@code inputs[s] = (x1, x2)} with targets {@code targets[s]}.
     */
    @Differentiable(wrt = {"w1", "w2", "b"})
    public static double meanSquaredError(double w1, double w2, double b, double[][] inputs, double[] targets) {
        double total = 0;
        for (int s = 0; s < inputs.length; s++) {
            double error = w1 * inputs[s][0] + w2 * inputs[s][1] + b - targets[s];
            total += error * error;
        }
        return total * (1.0 / inputs.length);
    }
}
