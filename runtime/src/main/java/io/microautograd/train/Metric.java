package io.microautograd.train;

import io.microautograd.data.Dataset;

/**
 * A named score the {@link Trainer} records after every epoch, computed from the model's
 * predictions on the training data.
 *
 * @param name the key of the score in {@link TrainingHistory#metric(String)}
 * @param score computes the score of a model on a dataset
 */
public record Metric(String name, Score score) {

    /** How a metric scores a model on a dataset. */
    @FunctionalInterface
    public interface Score {
        /** The score of {@code model} on {@code data}. */
        double evaluate(Predictor model, Dataset data);
    }

    /** Checks that the metric has a name and a score. */
    public Metric {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("metric name must not be blank, got \"" + name + "\"");
        }
        if (score == null) {
            throw new IllegalArgumentException("score of metric " + name + " must not be null");
        }
    }

    /** "accuracy": {@link Evaluation#accuracy} with the given threshold on the single output of a binary classifier. */
    public static Metric accuracy(double threshold) {
        return new Metric("accuracy", (model, data) -> Evaluation.accuracy(model, data, threshold));
    }

    /**
     * "accuracy": {@link Evaluation#argmaxAccuracy}, the fraction of samples whose largest output
     * is at their class index, for classifiers of one output per class.
     */
    public static Metric argmaxAccuracy() {
        return new Metric("accuracy", Evaluation::argmaxAccuracy);
    }

    /** "mse": {@link Evaluation#mse}. */
    public static Metric mse() {
        return new Metric("mse", Evaluation::mse);
    }

    /** The score of {@code model} on {@code data}. */
    public double evaluate(Predictor model, Dataset data) {
        return score.evaluate(model, data);
    }
}
