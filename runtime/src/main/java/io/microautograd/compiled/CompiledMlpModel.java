package io.microautograd.compiled;

import io.microautograd.data.Dataset;
import io.microautograd.losses.Loss;
import io.microautograd.train.PerSampleModel;
import io.microautograd.train.TrainableModel;

/**
 * A {@link CompiledMlp} with a {@link Loss} and optional L2 regularisation, seen as a
 * {@link TrainableModel}: the compiled twin of {@link io.microautograd.train.ValueMlpModel},
 * driven by the same {@link io.microautograd.train.Trainer} and optimizers. Training updates
 * the network's parameters in place.
 *
 * <p>The batch loss is {@code mean_i loss(out_i, target_i) + l2Strength * sum p^2}, as on the
 * {@code Value} path. Gradients come from code generated at build time, one call per slice of
 * the batch; with {@code threads > 1} a batch is cut into that many slices summed on that many
 * threads in a fixed order (see {@link PerSampleModel}), so a run is reproducible for a given
 * seed and thread count.
 *
 * <p>The model's flat order of the parameters, in {@link #parameters()},
 * {@link #setParameters(double[])} and the gradient of {@link #lossAndGradient}, is the order its
 * kernels read: layer by layer as in {@link io.microautograd.nn.MLP}'s documented order, but
 * within a layer of {@code size} units reading {@code fanIn} units, the weight of input i of unit
 * j at {@code i * size + j} and the bias of unit j at {@code fanIn * size + j} (the transpose of
 * {@code MLP}'s {@code j * (fanIn + 1) + i}), so that a training step moves no parameter between
 * orders. The trainer, the optimizers and gradient checks need no order; to compare with the
 * {@code Value} path, {@link #toNetworkOrder(double[])} gives a vector in {@code MLP}'s order, which
 * the network's own {@link CompiledMlp#parameters()} speaks.
 */
public final class CompiledMlpModel implements TrainableModel {

    private final CompiledMlp network;
    private final Loss loss;
    private final double l2Strength;
    private final PerSampleModel batches;

    /**
     * The model of {@code network} trained on {@code loss} with L2 strength {@code l2Strength}
     * (0 for none), summing each batch on {@code threads} threads.
     *
     * @throws IllegalArgumentException if an argument is null, l2Strength is negative or not
     *     finite, threads is below 1, or the loss cannot read the network's outputs (a binary
     *     loss more than one, softmax cross-entropy fewer than two)
     */
    public CompiledMlpModel(CompiledMlp network, Loss loss, double l2Strength, int threads) {
        this(network, loss, l2Strength, threads, null);
    }

    /** The model of the public constructor, its slices in the layout {@code forced}, or as chosen when it is null. */
    CompiledMlpModel(CompiledMlp network, Loss loss, double l2Strength, int threads, SampleLayout forced) {
        if (network == null || loss == null) {
            throw new IllegalArgumentException("network and loss must not be null, got network=" + network
                    + ", loss=" + loss);
        }
        if (!(l2Strength >= 0) || Double.isInfinite(l2Strength)) {
            throw new IllegalArgumentException("l2Strength must be finite and >= 0, got " + l2Strength);
        }
        loss.targetWidth(network.outputSize());
        this.network = network;
        this.loss = loss;
        this.l2Strength = l2Strength;
        MlpLayout layout = network.layout();
        int[] encoded = layout.encoded();
        PerSampleModel.Builder builder = PerSampleModel.builder(network.parameterArray(),
                new MlpBatches(encoded, loss, threads, forced), (p, x) -> CompiledMlp.predict(layout, p, x))
                .threads(threads);
        if (l2Strength > 0) {
            builder.regularizer((p, g) -> MlpKernelsGrad.l2(p, l2Strength, g));
        }
        this.batches = builder.build();
    }

    /** The model of {@code network} trained on {@code loss} with L2 strength {@code l2Strength}, on one thread. */
    public CompiledMlpModel(CompiledMlp network, Loss loss, double l2Strength) {
        this(network, loss, l2Strength, 1);
    }

    /** The network this model trains; training updates its parameters in place. */
    public CompiledMlp network() {
        return network;
    }

    @Override
    public int parameterCount() {
        return network.parameterCount();
    }

    /** A copy of the current parameters, in the model's order (see the class comment). */
    @Override
    public double[] parameters() {
        return network.parameterArray().clone();
    }

    /**
     * Replaces the parameters by {@code values}, in the model's order (see the class comment).
     *
     * @throws IllegalArgumentException if {@code values} does not hold one number per parameter
     */
    @Override
    public void setParameters(double[] values) {
        double[] parameters = network.parameterArray();
        if (values.length != parameters.length) {
            throw new IllegalArgumentException("values must hold one number per parameter (" + parameters.length
                    + "), got " + values.length);
        }
        System.arraycopy(values, 0, parameters, 0, values.length);
    }

    /**
     * {@code values}, one per parameter in the model's order (its parameters, or a gradient of
     * {@link #lossAndGradient}), as a new array in {@link io.microautograd.nn.MLP}'s documented
     * order, the order of {@link CompiledMlp#parameters()} and of a {@code Value}-path model.
     *
     * @throws IllegalArgumentException if {@code values} does not hold one number per parameter
     */
    public double[] toNetworkOrder(double[] values) {
        if (values.length != parameterCount()) {
            throw new IllegalArgumentException("values must hold one number per parameter (" + parameterCount()
                    + "), got " + values.length);
        }
        return network.layout().toNetworkOrder(values);
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException also if the data's rows do not fit the network and loss
     */
    @Override
    public double lossAndGradient(Dataset data, int[] batch, double[] gradient) {
        if (data.inputSize() != network.inputSize()) {
            throw new IllegalArgumentException("the network reads inputs of width " + network.inputSize()
                    + ", the data's are of width " + data.inputSize());
        }
        loss.requireTargetWidth(data.targetSize(), network.outputSize());
        // The network is the one copy of the parameters that users and the trainer change.
        batches.setParameters(network.parameterArray());
        return batches.lossAndGradient(data, batch, gradient);
    }

    @Override
    public double[] predict(double[] input) {
        return network.predict(input);
    }

    @Override
    public String toString() {
        return "CompiledMlpModel(" + network + ", " + loss + (l2Strength > 0 ? ", L2 " + l2Strength : "")
                + (batches.threads() > 1 ? ", " + batches.threads() + " threads" : "") + ")";
    }
}
