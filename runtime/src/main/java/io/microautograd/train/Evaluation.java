package io.microautograd.train;

import io.microautograd.data.Dataset;
import java.util.Arrays;

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
     * The class a classifier of one output per class predicts: the index of its largest output,
     * the first of equal largest ones (as {@code max} sends its gradient to the first).
     *
     * @throws IllegalArgumentException if there are no outputs
     */
    public static int predictedClass(double[] outputs) {
        if (outputs.length == 0) {
            throw new IllegalArgumentException("outputs must hold at least one value, got none");
        }
        int best = 0;
        for (int k = 1; k < outputs.length; k++) {
            if (outputs[k] > outputs[best]) {
                best = k;
            }
        }
        return best;
    }

    /**
     * The fraction of samples a classifier of one output per class gets right: its
     * {@link #predictedClass} is the label, the class index (0, 1, ...) in the target row, as
     * softmax cross-entropy reads it.
     *
     * @throws IllegalArgumentException if the model has fewer than two outputs or a target row is
     *     not one class index of them
     */
    public static double argmaxAccuracy(Predictor model, Dataset data) {
        int[][] counts = confusionMatrix(model, data);
        int correct = 0;
        for (int k = 0; k < counts.length; k++) {
            correct += counts[k][k];
        }
        return (double) correct / data.size();
    }

    /**
     * How often each class is predicted as each: {@code counts[label][predicted]}, for a
     * classifier of one output per class and targets holding the class index (see
     * {@link #argmaxAccuracy}). The diagonal counts the samples it gets right, and every row sums
     * to the number of samples of its class.
     *
     * @throws IllegalArgumentException if the model has fewer than two outputs or a target row is
     *     not one class index of them
     */
    public static int[][] confusionMatrix(Predictor model, Dataset data) {
        int[][] counts = null;
        for (int i = 0; i < data.size(); i++) {
            double[] output = model.predict(data.input(i));
            if (counts == null) {
                if (output.length < 2) {
                    throw new IllegalArgumentException("a classifier needs one output per class, at least two, got "
                            + output.length);
                }
                counts = new int[output.length][output.length];
            }
            double[] target = data.target(i);
            double label = target[0];
            if (target.length != 1 || !(label >= 0 && label < counts.length && label == Math.rint(label))) {
                throw new IllegalArgumentException("sample " + i + "'s target must be one class index, an integer from 0"
                        + " to " + (counts.length - 1) + ", got " + Arrays.toString(target));
            }
            counts[(int) label][predictedClass(output)]++;
        }
        return counts;
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
