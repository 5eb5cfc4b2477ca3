package io.microautograd.train;

import io.microautograd.data.Dataset;
import io.microautograd.optim.Objective;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;

/**
 * A {@link TrainableModel} over one flat {@code double[]} of parameters, built from a
 * {@link PerSampleObjective} (the loss of one sample; or, internally, a {@link SliceObjective},
 * the summed loss of a run of samples, for the compiled MLP), an optional regularizer on
 * the parameters, and a {@link ParameterizedPredictor}: the shape of a compiled model, whose
 * gradients come from generated code instead of a graph.
 *
 * <pre>{@code
 * // ModelGrad is generated from @Differentiable(wrt = "params") static double l2(double[] params, double strength)
 * PerSampleModel model = PerSampleModel.builder(initialParams, sampleLoss, predictor)
 *         .regularizer((p, g) -> ModelGrad.l2(p, 1e-4, g))
 *         .threads(4)
 *         .build();
 * Trainer.builder().optimizer(...).epochs(100).build().fit(model, data);
 * }</pre>
 *
 * <p>The batch loss is {@code (1/n) sum_i sampleLoss_i + regularizer}, the regularizer counted
 * once per batch. With {@link Builder#threads(int) threads(t)}, t &gt; 1, the batch is cut into t
 * contiguous slices summed on t threads into their own buffers, which are then added in slice
 * order: for a given seed and thread count every run gives the same bits, whatever the
 * scheduling, and the result differs from the single-thread one only by rounding.
 *
 * <p>Not for concurrent use: one thread trains a model at a time (the trainer does).
 */
public final class PerSampleModel implements TrainableModel {

    private final double[] parameters;
    private final SliceObjective sliceLoss;
    private final Objective regularizer;
    private final ParameterizedPredictor predictor;
    private final SliceReduction reduction;
    private final int threads;

    private PerSampleModel(Builder builder) {
        this.parameters = builder.parameters;
        this.sliceLoss = builder.sampleLoss != null ? new SampleBySample(builder.sampleLoss, builder.threads)
                : builder.sliceLoss;
        this.regularizer = builder.regularizer;
        this.predictor = builder.predictor;
        this.threads = builder.threads;
        this.reduction = new SliceReduction(threads, parameters.length, builder.executor);
    }

    /**
     * A builder for the model with parameters starting at a copy of {@code initialParameters},
     * per-sample loss {@code sampleLoss} and predictions by {@code predictor}.
     *
     * @throws IllegalArgumentException if an argument is null or there are no parameters
     */
    public static Builder builder(double[] initialParameters, PerSampleObjective sampleLoss,
            ParameterizedPredictor predictor) {
        requireNonNull(sampleLoss, "sampleLoss");
        return new Builder(initialParameters, sampleLoss, null, predictor);
    }

    /**
     * A builder for the model with parameters starting at a copy of {@code initialParameters},
     * the losses of each slice of a batch summed by {@code sliceLoss}, and predictions by
     * {@code predictor}. <b>Internal</b>, as {@link SliceObjective} is: for the library's compiled
     * MLP; use the {@link PerSampleObjective} builder.
     *
     * @throws IllegalArgumentException if an argument is null or there are no parameters
     */
    public static Builder builder(double[] initialParameters, SliceObjective sliceLoss,
            ParameterizedPredictor predictor) {
        requireNonNull(sliceLoss, "sliceLoss");
        return new Builder(initialParameters, null, sliceLoss, predictor);
    }

    private static void requireNonNull(Object argument, String name) {
        if (argument == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
    }

    @Override
    public int parameterCount() {
        return parameters.length;
    }

    @Override
    public double[] parameters() {
        return parameters.clone();
    }

    @Override
    public void setParameters(double[] values) {
        if (values.length != parameters.length) {
            throw new IllegalArgumentException("values must hold one number per parameter (" + parameters.length
                    + "), got " + values.length);
        }
        System.arraycopy(values, 0, parameters, 0, values.length);
    }

    /** The number of slices, and at most threads, a batch is summed on. */
    public int threads() {
        return threads;
    }

    @Override
    public double lossAndGradient(Dataset data, int[] batch, double[] gradient) {
        TrainableModel.requireBatchAndGradient(batch, gradient, parameters.length);
        double sum = reduction.sum(sliceLoss, parameters, data, batch, gradient, 1.0 / batch.length);
        double loss = sum / batch.length;
        if (regularizer != null) {
            loss += regularizer.valueAndGradient(parameters, gradient);
        }
        return loss;
    }

    @Override
    public double[] predict(double[] input) {
        return predictor.predict(parameters, input);
    }

    @Override
    public String toString() {
        return "PerSampleModel(" + parameters.length + " parameters, " + threads + " thread"
                + (threads == 1 ? "" : "s") + (regularizer == null ? "" : ", regularized") + ")";
    }

    /** Configures a {@link PerSampleModel}. */
    public static final class Builder {

        private final double[] parameters;
        private final PerSampleObjective sampleLoss;
        private final SliceObjective sliceLoss;
        private final ParameterizedPredictor predictor;
        private Objective regularizer;
        private int threads = 1;
        private Executor executor = ForkJoinPool.commonPool();

        private Builder(double[] initialParameters, PerSampleObjective sampleLoss, SliceObjective sliceLoss,
                ParameterizedPredictor predictor) {
            requireNonNull(initialParameters, "initialParameters");
            requireNonNull(predictor, "predictor");
            if (initialParameters.length == 0) {
                throw new IllegalArgumentException("initialParameters must hold at least one parameter, got none");
            }
            this.parameters = initialParameters.clone();
            this.sampleLoss = sampleLoss;
            this.sliceLoss = sliceLoss;
            this.predictor = predictor;
        }

        /** A term of the parameters alone (such as L2), added once to every batch loss; none by default. */
        public Builder regularizer(Objective regularizer) {
            if (regularizer == null) {
                throw new IllegalArgumentException("regularizer must not be null; leave it unset for none");
            }
            this.regularizer = regularizer;
            return this;
        }

        /**
         * How many slices a batch is cut into and summed on concurrently, at least 1 (the
         * default: all on the calling thread). Part of what makes a run reproducible: the same
         * seed with the same thread count gives the same bits.
         */
        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1, got " + threads);
            }
            this.threads = threads;
            return this;
        }

        /**
         * Where slices other than the first run (the first runs on the caller's thread); the
         * common fork-join pool by default. The choice never changes a result, only the speed.
         */
        public Builder executor(Executor executor) {
            if (executor == null) {
                throw new IllegalArgumentException("executor must not be null");
            }
            this.executor = executor;
            return this;
        }

        /** The configured model. */
        public PerSampleModel build() {
            return new PerSampleModel(this);
        }
    }
}
