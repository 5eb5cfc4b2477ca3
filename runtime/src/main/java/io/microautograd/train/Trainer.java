package io.microautograd.train;

import io.microautograd.data.Dataset;
import io.microautograd.losses.Loss;
import io.microautograd.nn.MLP;
import io.microautograd.optim.Optimizer;
import io.microautograd.optim.Sgd;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Mini-batch gradient descent on any {@link TrainableModel}. Configure with {@link #builder()}:
 *
 * <pre>{@code
 * TrainingHistory history = Trainer.builder()
 *         .optimizer(new Sgd(LearningRateSchedule.linearDecay(1.0, 0.1, 100), 0))
 *         .epochs(100)
 *         .metrics(Metric.accuracy(0))
 *         .build()
 *         .fit(new ValueMlpModel(mlp, Loss.hinge(), 1e-4), Datasets.moons(100, 0.1, 7));
 * }</pre>
 *
 * <p>Each epoch visits every sample once, in batches of {@code batchSize} (full batch by
 * default, so an epoch is one step); with smaller batches the order is reshuffled every epoch
 * from the configured seed, so a run is reproducible. Each step computes the batch loss and its
 * gradient, checks that both are finite (else {@link TrainingDivergedException}), lets the
 * optimizer update the flat parameters, checks them, and hands them back to the model. Before the
 * first step every metric scores the first sample, so that a metric that cannot score the model
 * (accuracy of a two-output model) fails before training has changed anything.
 *
 * <p>A progress bar is drawn on a terminal unless {@link Builder#quiet(boolean) quiet}; it is
 * never drawn when {@link System#console()} is null (redirected output, tests).
 */
public final class Trainer {

    private final Optimizer optimizer;
    private final int epochs;
    private final int batchSize;
    private final long shuffleSeed;
    private final List<Metric> metrics;
    private final boolean quiet;

    private Trainer(Builder builder) {
        this.optimizer = builder.optimizer;
        this.epochs = builder.epochs;
        this.batchSize = builder.batchSize;
        this.shuffleSeed = builder.shuffleSeed;
        this.metrics = List.copyOf(builder.metrics.values());
        this.quiet = builder.quiet;
    }

    /** A builder; {@link Builder#optimizer} and {@link Builder#epochs} must be set. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The seed's {@code train(model, X, Y, loss_fn, epochs, lr)}: full-batch gradient descent at a
     * constant learning rate on the mean of {@code loss} over the samples, recording the "mse"
     * metric. Trains {@code model} in place.
     */
    public static TrainingHistory train(MLP model, double[][] x, double[] y, Loss loss, int epochs, double lr) {
        return builder().optimizer(new Sgd(lr)).epochs(epochs).metrics(Metric.mse()).build()
                .fit(new ValueMlpModel(model, loss), Dataset.of(x, y));
    }

    /**
     * Trains {@code model} on {@code data}, leaving the trained parameters in the model.
     *
     * @return the loss and metrics of every epoch
     * @throws TrainingDivergedException if the loss, a gradient or a parameter becomes NaN or infinite
     * @throws IllegalArgumentException if a metric cannot score the model on the data; the model is
     *     left as it was
     */
    public TrainingHistory fit(TrainableModel model, Dataset data) {
        requireMetricsScore(model, data);
        int n = data.size();
        int size = batchSize == 0 ? n : Math.min(batchSize, n);
        int stepsPerEpoch = (n + size - 1) / size;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Random shuffler = new Random(shuffleSeed);
        double[] parameters = model.parameters();
        double[] gradient = new double[parameters.length];
        TrainingHistory history = new TrainingHistory(metrics);
        try (ProgressDisplay progress = ProgressDisplay.open(quiet, "Training", (long) epochs * stepsPerEpoch)) {
            for (int epoch = 1; epoch <= epochs; epoch++) {
                if (size < n) {
                    shuffle(order, shuffler);
                }
                double lossSum = 0;
                for (int step = 1; step <= stepsPerEpoch; step++) {
                    int from = (step - 1) * size;
                    int[] batch = Arrays.copyOfRange(order, from, Math.min(from + size, n));
                    Arrays.fill(gradient, 0);
                    double loss = model.lossAndGradient(data, batch, gradient);
                    DivergenceGuard.checkLossAndGradient(loss, gradient, epoch, step,
                            DivergenceGuard.LOWER_THE_RATE);
                    optimizer.step(parameters, gradient);
                    DivergenceGuard.checkParameters(parameters, epoch, step);
                    model.setParameters(parameters);
                    lossSum += loss * batch.length;
                    progress.advance(" epoch %d/%d loss %.4g", epoch, epochs, loss);
                }
                history.record(lossSum / n, scores(model, data));
            }
        }
        return history;
    }

    /** Scores every metric on the first sample, so that one that cannot score the model fails before the first step. */
    private void requireMetricsScore(TrainableModel model, Dataset data) {
        Dataset firstSample = new Dataset(new double[][] {data.input(0)}, new double[][] {data.target(0)});
        for (Metric metric : metrics) {
            try {
                metric.evaluate(model, firstSample);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("metric \"" + metric.name() + "\" cannot score this model on this"
                        + " data (tried on sample 0 before training): " + e.getMessage(), e);
            }
        }
    }

    private Map<String, Double> scores(TrainableModel model, Dataset data) {
        Map<String, Double> scores = new LinkedHashMap<>();
        for (Metric metric : metrics) {
            scores.put(metric.name(), metric.evaluate(model, data));
        }
        return scores;
    }

    /** Fisher-Yates with the trainer's own seeded generator. */
    private static void shuffle(int[] order, Random random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
    }

    /** Configures a {@link Trainer}. */
    public static final class Builder {

        private Optimizer optimizer;
        private int epochs;
        private int batchSize;
        private long shuffleSeed;
        private final Map<String, Metric> metrics = new LinkedHashMap<>();
        private boolean quiet;

        private Builder() {
        }

        /** The optimizer that updates the parameters; required. Its step count carries over between fits. */
        public Builder optimizer(Optimizer optimizer) {
            if (optimizer == null) {
                throw new IllegalArgumentException("optimizer must not be null");
            }
            this.optimizer = optimizer;
            return this;
        }

        /** How many passes over the data; required, at least 1. */
        public Builder epochs(int epochs) {
            if (epochs < 1) {
                throw new IllegalArgumentException("epochs must be at least 1, got " + epochs);
            }
            this.epochs = epochs;
            return this;
        }

        /** Samples per step, at least 1; the default, full batch, uses every sample in each step. */
        public Builder batchSize(int batchSize) {
            if (batchSize < 1) {
                throw new IllegalArgumentException("batchSize must be at least 1, got " + batchSize);
            }
            this.batchSize = batchSize;
            return this;
        }

        /** Every sample in each step (the default). */
        public Builder fullBatch() {
            this.batchSize = 0;
            return this;
        }

        /** The seed of the per-epoch shuffle of mini-batches (default 0). */
        public Builder shuffleSeed(long seed) {
            this.shuffleSeed = seed;
            return this;
        }

        /**
         * Adds metrics to record after every epoch.
         *
         * @throws IllegalArgumentException if two metrics share a name
         */
        public Builder metrics(Metric... metrics) {
            for (Metric metric : metrics) {
                if (this.metrics.putIfAbsent(metric.name(), metric) != null) {
                    throw new IllegalArgumentException("a metric named \"" + metric.name()
                            + "\" is already configured; give each metric its own name");
                }
            }
            return this;
        }

        /** Whether to hide the progress bar even on a terminal (default false). */
        public Builder quiet(boolean quiet) {
            this.quiet = quiet;
            return this;
        }

        /**
         * The configured trainer.
         *
         * @throws IllegalStateException if the optimizer or the number of epochs was not set
         */
        public Trainer build() {
            List<String> missing = new ArrayList<>();
            if (optimizer == null) {
                missing.add("optimizer");
            }
            if (epochs == 0) {
                missing.add("epochs");
            }
            if (!missing.isEmpty()) {
                throw new IllegalStateException("set " + String.join(" and ", missing) + " before build()");
            }
            return new Trainer(this);
        }
    }
}
