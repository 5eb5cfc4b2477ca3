package io.microautograd.train;

import io.microautograd.data.Dataset;

/** Predictions and the usual scores of a model on a dataset. */
public final class Evaluation {

    private Evaluation() {
    }

    /** The model's outputs for every input row of {@code data}, in sample order. */
    public static double[][] predict(Predictor model, Dataset data) {
        double[][] outputs = new double[data.size()][];
        for (int i = 0; i < outputs.length; i++) {
            outputs[i] = model.predict(data.input(i));
        }
        return outputs;
    }

    /**
     * The fraction of samples a binary classifier gets right: the predicted class is positive
     * where the single output exceeds {@code threshold} (0 for raw scores and logits, 0.5 for
     * probabilities); the true class is positive where the target is 1, negative where it is
     * 0 or -1.
     *
     * @throws IllegalArgumentException if the model or the data has more than one output column
     */
    public static double accuracy(Predictor model, Dataset data, double threshold) {
        int correct = 0;
        for (int i = 0; i < data.size(); i++) {
            double[] output = model.predict(data.input(i));
            double[] target = data.target(i);
            if (output.length != 1 || target.length != 1) {
                throw new IllegalArgumentException("accuracy needs one output and one target per sample, got outputs"
                        + " of width " + output.length + " and targets of width " + target.length);
            }
            boolean predictedPositive = output[0] > threshold;
            boolean positive = target[0] >= 0.5;
            if (predictedPositive == positive) {
                correct++;
            }
        }
        return (double) correct / data.size();
    }

    /**
     * The mean squared error over every sample and output: mean (out - target)^2.
     *
     * @throws IllegalArgumentException if a prediction has a different width than its target
     */
    public static double mse(Predictor model, Dataset data) {
        double sum = 0;
        int count = 0;
        for (int i = 0; i < data.size(); i++) {
            double[] output = model.predict(data.input(i));
            double[] target = data.target(i);
            if (output.length != target.length) {
                throw new IllegalArgumentException("prediction and target must have the same width, got widths "
                        + output.length + " and " + target.length);
            }
            for (int k = 0; k < output.length; k++) {
                double error = output[k] - target[k];
                sum += error * error;
                count++;
            }
        }
        return sum / count;
    }
}
