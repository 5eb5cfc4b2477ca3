package io.microautograd.train;

import io.microautograd.data.Dataset;
import io.microautograd.engine.NonFiniteOrigin;
import io.microautograd.engine.Value;
import io.microautograd.losses.Losses;
import io.microautograd.losses.SampleLoss;
import io.microautograd.nn.MLP;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An {@link MLP} on the {@code Value} engine with a per-sample loss (a {@link io.microautograd.losses.Loss}
 * or one of your own) and optional L2
 * regularisation, seen as a {@link TrainableModel}. Each call of {@link #lossAndGradient} builds
 * the graph of the batch's mean loss, backpropagates through it and gathers the parameters'
 * gradients in the network's documented parameter order (see {@link MLP}).
 *
 * <p>The batch loss is {@code mean_i loss(out_i, target_i) + l2Strength * sum p^2}.
 */
public final class ValueMlpModel implements TrainableModel {

    private final MLP network;
    private final SampleLoss loss;
    private final double l2Strength;
    private Optional<String> nonFiniteOrigin = Optional.empty();

    /**
     * The model of {@code network} trained on {@code loss} with L2 strength {@code l2Strength}
     * (0 for none; micrograd's demo uses 1e-4).
     */
    public ValueMlpModel(MLP network, SampleLoss loss, double l2Strength) {
        if (network == null || loss == null) {
            throw new IllegalArgumentException("network and loss must not be null, got network=" + network
                    + ", loss=" + loss);
        }
        if (!(l2Strength >= 0) || Double.isInfinite(l2Strength)) {
            throw new IllegalArgumentException("l2Strength must be finite and >= 0, got " + l2Strength);
        }
        this.network = network;
        this.loss = loss;
        this.l2Strength = l2Strength;
    }

    /** The model of {@code network} trained on {@code loss} without regularisation. */
    public ValueMlpModel(MLP network, SampleLoss loss) {
        this(network, loss, 0);
    }

    /** The network this model trains; training updates its parameters in place. */
    public MLP network() {
        return network;
    }

    @Override
    public int parameterCount() {
        return network.parameterCount();
    }

    @Override
    public double[] parameters() {
        return network.parameterValues();
    }

    @Override
    public void setParameters(double[] values) {
        network.setParameterValues(values);
    }

    @Override
    public double lossAndGradient(Dataset data, int[] batch, double[] gradient) {
        TrainableModel.requireBatchAndGradient(batch, gradient, parameterCount());
        List<Value> sampleLosses = new ArrayList<>(batch.length);
        for (int i : batch) {
            sampleLosses.add(loss.apply(network.forward(data.input(i)), data.target(i)));
        }
        Value total = Losses.mean(sampleLosses);
        if (l2Strength > 0) {
            total = total.add(Losses.l2(network.parameters(), l2Strength));
        }
        network.zeroGrad();
        total.backward();
        network.addGradientsTo(gradient);
        nonFiniteOrigin = Double.isFinite(total.data()) && DivergenceGuard.firstNonFinite(gradient) < 0 ? Optional.empty()
                : NonFiniteOrigin.of(total);
        return total.data();
    }

    /** The operation that made the first NaN or infinity of the last batch's graph, if it had one. */
    @Override
    public Optional<String> nonFiniteOrigin() {
        return nonFiniteOrigin;
    }

    @Override
    public double[] predict(double[] input) {
        return network.predict(input);
    }

    @Override
    public String toString() {
        return "ValueMlpModel(" + network + (l2Strength > 0 ? ", L2 " + l2Strength : "") + ")";
    }
}
