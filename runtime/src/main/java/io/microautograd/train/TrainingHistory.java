package io.microautograd.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What happened in each epoch of a training run: the mean training loss, and the score of every
 * metric on the training data after the epoch's last step. Index 0 is the first epoch.
 */
public final class TrainingHistory {

    private final List<Double> losses = new ArrayList<>();
    private final Map<String, List<Double>> metrics = new LinkedHashMap<>();

    TrainingHistory(List<Metric> metricsToRecord) {
        for (Metric metric : metricsToRecord) {
            metrics.put(metric.name(), new ArrayList<>());
        }
    }

    void record(double loss, Map<String, Double> scores) {
        losses.add(loss);
        scores.forEach((name, score) -> metrics.get(name).add(score));
    }

    /** The number of epochs recorded. */
    public int epochs() {
        return losses.size();
    }

    /**
     * The loss of each epoch: the mean over its samples of the batch loss each was trained with
     * (the loss before each step's update, as micrograd's demo prints it).
     */
    public List<Double> losses() {
        return Collections.unmodifiableList(losses);
    }

    /** The loss of the last epoch. */
    public double finalLoss() {
        requireEpochs();
        return losses.get(losses.size() - 1);
    }

    /** The names of the recorded metrics, in the order they were configured. */
    public List<String> metricNames() {
        return List.copyOf(metrics.keySet());
    }

    /**
     * The score of metric {@code name} after each epoch.
     *
     * @throws IllegalArgumentException if no metric of that name was recorded
     */
    public List<Double> metric(String name) {
        List<Double> scores = metrics.get(name);
        if (scores == null) {
            throw new IllegalArgumentException("no metric named \"" + name + "\" was recorded; recorded: "
                    + metrics.keySet());
        }
        return Collections.unmodifiableList(scores);
    }

    /** The score of metric {@code name} after the last epoch. */
    public double finalMetric(String name) {
        requireEpochs();
        List<Double> scores = metric(name);
        return scores.get(scores.size() - 1);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("TrainingHistory(").append(epochs()).append(" epochs");
        if (!losses.isEmpty()) {
            text.append(", final loss ").append(finalLoss());
            metrics.forEach((name, scores) -> text.append(", ").append(name).append(' ')
                    .append(scores.get(scores.size() - 1)));
        }
        return text.append(')').toString();
    }

    private void requireEpochs() {
        if (losses.isEmpty()) {
            throw new IllegalStateException("no epoch has been recorded");
        }
    }
}
