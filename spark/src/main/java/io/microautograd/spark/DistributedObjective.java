package io.microautograd.spark;

import io.microautograd.optim.Objective;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

/**
 * The mean loss of {@link DistributedSamples} as an {@link Objective}, summed on the executors:
 * each evaluation broadcasts the parameters, every task sums the per-sample losses and gradients
 * of its partition's cached samples, {@code treeAggregate} combines the partitions' sums, and the
 * driver divides by the number of samples. The library's optimizers and
 * {@link io.microautograd.train.Minimizer} drive it like any objective:
 *
 * <pre>{@code
 * DistributedObjective loss = DistributedObjective.builder(samples, LogisticRegressionGrad::logLoss)
 *         .regularizer((p, g) -> LogisticRegressionGrad.ridge(p, 1e-4, g))
 *         .build();
 * OptimizationPath path = Minimizer.minimize(loss, new double[3], new Adam(0.1), 100);
 * }</pre>
 *
 * <p>The value is {@code (1/n) sum_i sampleLoss_i + regularizer}, the regularizer evaluated
 * once, on the driver: the batch loss of a {@link io.microautograd.train.PerSampleModel} with
 * the same loss and regularizer. Each partition sums its samples in their order; the order in
 * which Spark combines the partitions' sums follows their tasks' completion, so two evaluations
 * at the same point agree to rounding, not always to the last bit.
 *
 * <p>With {@link Builder#miniBatch mini-batches}, evaluation k averages over mini-batch k of the
 * sequence the seed gives: each sample is in it with the configured probability, drawn from the
 * seed, k and the sample's partition and position, so the same seed over the same partitioning
 * gives the same batches.
 *
 * <p>Spark retries a failed task from the start of its partition, and only a task that
 * succeeded contributes its sum, so a retried partition is counted once. A NaN or infinity on
 * an executor reaches the driver's sum (no addition turns it finite), where
 * {@link io.microautograd.train.Minimizer} stops with the
 * {@link io.microautograd.train.TrainingDivergedException} it throws for a local objective,
 * naming the step.
 *
 * <p>Not for concurrent use: one thread evaluates at a time, as the minimizer does.
 */
public final class DistributedObjective implements Objective {

    private final DistributedSamples samples;
    private final SerializablePerSampleObjective sampleLoss;
    private final Objective regularizer;
    private final int treeDepth;
    private final double miniBatchFraction;
    private final long miniBatchSeed;
    private long evaluations;

    private DistributedObjective(Builder builder) {
        this.samples = builder.samples;
        this.sampleLoss = builder.sampleLoss;
        this.regularizer = builder.regularizer;
        this.treeDepth = builder.treeDepth;
        this.miniBatchFraction = builder.miniBatchFraction;
        this.miniBatchSeed = builder.miniBatchSeed;
    }

    /**
     * A builder for the mean of {@code sampleLoss} over {@code samples}: the full batch, combined
     * by a tree of depth 2, with no regularizer, until configured otherwise.
     *
     * @throws IllegalArgumentException if an argument is null, or {@code sampleLoss} cannot be
     *     serialized (it captures something that is not {@link java.io.Serializable})
     */
    public static Builder builder(DistributedSamples samples, SerializablePerSampleObjective sampleLoss) {
        return new Builder(samples, sampleLoss);
    }

    /**
     * The mean loss at {@code params} over the samples of this evaluation's batch, plus the
     * regularizer; adds its gradient into {@code gradient}. Runs one Spark job.
     *
     * @throws IllegalArgumentException if the two arrays differ in length
     * @throws IllegalStateException if the samples were closed, or a mini-batch drew no sample
     */
    @Override
    public double valueAndGradient(double[] params, double[] gradient) {
        if (params.length != gradient.length) {
            throw new IllegalArgumentException("gradient must have one slot per parameter (" + params.length
                    + "), got " + gradient.length);
        }
        JavaRDD<SampleBlock> blocks = samples.blocks();
        long evaluation = evaluations + 1;
        BatchSelection selection = new BatchSelection(miniBatchFraction, miniBatchSeed, evaluation);
        GradientSum sum = sumOnExecutors(blocks, sampleLoss, params, selection, treeDepth);
        if (sum.count == 0) {
            throw new IllegalStateException("mini-batch " + evaluation + " drew none of the " + samples.size()
                    + " samples at fraction " + miniBatchFraction + "; raise the fraction");
        }
        evaluations = evaluation;
        double scale = 1.0 / sum.count;
        for (int j = 0; j < gradient.length; j++) {
            gradient[j] += sum.gradient[j] * scale;
        }
        double loss = sum.loss / sum.count;
        if (regularizer != null) {
            loss += regularizer.valueAndGradient(params, gradient);
        }
        return loss;
    }

    /**
     * The sums over the selected samples at {@code params}, with only {@code params} broadcast;
     * static, so that the task closures capture nothing of this object.
     */
    private static GradientSum sumOnExecutors(JavaRDD<SampleBlock> blocks, SerializablePerSampleObjective sampleLoss,
            double[] params, BatchSelection selection, int treeDepth) {
        Broadcast<double[]> point = JavaSparkContext.fromSparkContext(blocks.context()).broadcast(params.clone());
        try {
            return blocks.treeAggregate(new GradientSum(params.length),
                    (sum, block) -> block.addTo(sum, sampleLoss, point.value(), selection), GradientSum::add,
                    treeDepth);
        } finally {
            point.destroy();
        }
    }

    @Override
    public String toString() {
        return "DistributedObjective(" + samples + (miniBatchFraction < 1
                ? ", mini-batches of fraction " + miniBatchFraction + " from seed " + miniBatchSeed : ", full batch")
                + ", tree depth " + treeDepth + (regularizer == null ? "" : ", regularized") + ")";
    }

    /** Configures a {@link DistributedObjective}. */
    public static final class Builder {

        private final DistributedSamples samples;
        private final SerializablePerSampleObjective sampleLoss;
        private Objective regularizer;
        private int treeDepth = 2;
        private double miniBatchFraction = 1;
        private long miniBatchSeed;

        private Builder(DistributedSamples samples, SerializablePerSampleObjective sampleLoss) {
            if (samples == null || sampleLoss == null) {
                throw new IllegalArgumentException("samples and sampleLoss must not be null, got samples=" + samples
                        + ", sampleLoss=" + sampleLoss);
            }
            requireSerializable(sampleLoss);
            this.samples = samples;
            this.sampleLoss = sampleLoss;
        }

        /**
         * Serializes {@code sampleLoss} into nothing, so that a capture Spark could not ship
         * fails where the objective is configured rather than in its first job.
         */
        private static void requireSerializable(SerializablePerSampleObjective sampleLoss) {
            try (ObjectOutputStream out = new ObjectOutputStream(OutputStream.nullOutputStream())) {
                out.writeObject(sampleLoss);
            } catch (NotSerializableException e) {
                throw new IllegalArgumentException("sampleLoss must be serializable to run on Spark's executors, but it"
                        + " captures a " + e.getMessage() + ", which is not; capture only numbers, arrays and"
                        + " serializable objects", e);
            } catch (IOException e) {
                throw new IllegalArgumentException("sampleLoss could not be serialized to run on Spark's executors: "
                        + e, e);
            }
        }

        /**
         * A term of the parameters alone (such as L2), added once to every evaluation on the
         * driver; none by default. It need not be serializable.
         */
        public Builder regularizer(Objective regularizer) {
            if (regularizer == null) {
                throw new IllegalArgumentException("regularizer must not be null; leave it unset for none");
            }
            this.regularizer = regularizer;
            return this;
        }

        /**
         * The depth of {@code treeAggregate}'s tree, at least 1 (default 2, Spark's): with depth 1
         * the driver adds every partition's sum; deeper trees add them in rounds on the executors
         * first, which spares the driver when there are many partitions or many parameters.
         */
        public Builder treeDepth(int treeDepth) {
            if (treeDepth < 1) {
                throw new IllegalArgumentException("treeDepth must be at least 1, got " + treeDepth);
            }
            this.treeDepth = treeDepth;
            return this;
        }

        /**
         * Evaluates on mini-batches instead of every sample: evaluation k takes each sample with
         * probability {@code fraction}, independently, by draws that {@code seed} and k fix.
         *
         * @param fraction the expected share of the samples in a batch, above 0 and at most 1
         *     (1 is the full batch)
         */
        public Builder miniBatch(double fraction, long seed) {
            if (!(fraction > 0 && fraction <= 1)) {
                throw new IllegalArgumentException("fraction must be above 0 and at most 1, got " + fraction);
            }
            this.miniBatchFraction = fraction;
            this.miniBatchSeed = seed;
            return this;
        }

        /** The configured objective. */
        public DistributedObjective build() {
            return new DistributedObjective(this);
        }
    }
}
