package io.microautograd.gradbench.evals;

import io.microautograd.Differentiable;

/**
 * GradBench's {@code lstm} eval (ADBench's): a stack of {@code l} LSTM layers with diagonal
 * weights reads a text of {@code c} characters, each {@code b} bits, and the objective is the
 * negated mean log-likelihood of each next character's bits. The arrays are the eval's matrices
 * row after row.
 */
public final class Lstm {

    private Lstm() {
    }

    /**
     * The eval's objective.
     *
     * @param mainParams the layers' parameters, 2l rows of 4b: layer j's weights then biases, each
     *     the forget, input, output and change gates' b values in that order, from 8bj on
     * @param extraParams the input weights, the output weights and the output biases, b each
     * @param state the layers' hidden and cell states before the text, 2l rows of b; not changed
     * @param sequence the text, c rows of b bits
     * @param l the number of layers
     * @param c the number of characters
     * @param b the bits of a character, each layer's width
     */
    @Differentiable(wrt = {"mainParams", "extraParams"})
    public static double objective(double[] mainParams, double[] extraParams, double[] state, double[] sequence,
                                   int l, int c, int b) {
        double[] hiddenAndCell = new double[2 * l * b];
        for (int k = 0; k < 2 * l * b; k++) {
            hiddenAndCell[k] = state[k];
        }
        double[] prediction = new double[b];
        double total = 0;
        for (int t = 0; t < c - 1; t++) {
            for (int i = 0; i < b; i++) {
                prediction[i] = sequence[t * b + i] * extraParams[i];
            }
            for (int layer = 0; layer < l; layer++) {
                int params = 8 * b * layer;
                int hidden = 2 * b * layer;
                int cell = hidden + b;
                for (int i = 0; i < b; i++) {
                    double input;
                    if (layer == 0) {
                        input = prediction[i];
                    } else {
                        input = hiddenAndCell[hidden - 2 * b + i];
                    }
                    double forget = sigmoid(input * mainParams[params + i] + mainParams[params + 4 * b + i]);
                    double inGate = sigmoid(hiddenAndCell[hidden + i] * mainParams[params + b + i]
                            + mainParams[params + 5 * b + i]);
                    double outGate = sigmoid(input * mainParams[params + 2 * b + i]
                            + mainParams[params + 6 * b + i]);
                    double change = Math.tanh(hiddenAndCell[hidden + i] * mainParams[params + 3 * b + i]
                            + mainParams[params + 7 * b + i]);
                    hiddenAndCell[cell + i] = hiddenAndCell[cell + i] * forget + inGate * change;
                    hiddenAndCell[hidden + i] = outGate * Math.tanh(hiddenAndCell[cell + i]);
                }
            }
            int last = 2 * b * (l - 1);
            double sum = 0;
            for (int i = 0; i < b; i++) {
                prediction[i] = hiddenAndCell[last + i] * extraParams[b + i] + extraParams[2 * b + i];
                sum += Math.exp(prediction[i]);
            }
            // The eval's log-sum-exp adds 2 to the sum (ADBench's, kept by GradBench).
            double logSum = Math.log(sum + 2);
            for (int i = 0; i < b; i++) {
                total += sequence[(t + 1) * b + i] * (prediction[i] - logSum);
            }
        }
        return -total / ((c - 1) * b);
    }

    /** 1 / (1 + e^-x), as the eval writes it. */
    @Differentiable
    static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }
}
