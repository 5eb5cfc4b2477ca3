package io.microautograd.nn;

import io.microautograd.engine.Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A fully connected layer: {@code nout} neurons that all read the same {@code nin} inputs and
 * share one activation.
 *
 * <p>Parameter order: neuron by neuron, each neuron's weights in input order, then its bias.
 */
public final class Layer implements Module {

    private final List<Neuron> neurons;
    private final List<Value> parameters;

    /** A layer whose weights are drawn from {@code seed} (see {@link Neuron}). */
    public Layer(int nin, int nout, Activation activation, long seed) {
        this(nin, nout, activation, new Random(seed));
    }

    /** A layer drawing its weights from {@code random}, so that a network can share one stream. */
    Layer(int nin, int nout, Activation activation, Random random) {
        if (nout < 1) {
            throw new IllegalArgumentException("nout must be at least 1, got " + nout);
        }
        List<Neuron> made = new ArrayList<>(nout);
        List<Value> all = new ArrayList<>(nout * (nin + 1));
        for (int i = 0; i < nout; i++) {
            Neuron neuron = new Neuron(nin, nout, activation, random);
            made.add(neuron);
            all.addAll(neuron.parameters());
        }
        this.neurons = Collections.unmodifiableList(made);
        this.parameters = Collections.unmodifiableList(all);
    }

    /** The layer's outputs for {@code x}, one node per neuron. */
    public Value[] forward(Value[] x) {
        Value[] out = new Value[neurons.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = neurons.get(i).forward(x);
        }
        return out;
    }

    /** The layer's outputs for {@code x} on plain doubles, without building a graph. */
    public double[] predict(double[] x) {
        double[] out = new double[neurons.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = neurons.get(i).predict(x);
        }
        return out;
    }

    /** The neurons, in output order. */
    public List<Neuron> neurons() {
        return neurons;
    }

    /** The number of inputs each neuron reads. */
    public int inputSize() {
        return neurons.get(0).inputSize();
    }

    /** The number of neurons, which is the number of outputs. */
    public int outputSize() {
        return neurons.size();
    }

    /** The activation every neuron of this layer applies. */
    public Activation activation() {
        return neurons.get(0).activation();
    }

    /** Neuron by neuron: each neuron's weights, then its bias. */
    @Override
    public List<Value> parameters() {
        return parameters;
    }

    @Override
    public String toString() {
        return "Layer(" + inputSize() + " -> " + outputSize() + ", " + activation().seedName() + ", "
                + parameters.size() + " parameters)";
    }
}
