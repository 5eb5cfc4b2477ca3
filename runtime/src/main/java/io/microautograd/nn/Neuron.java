package io.microautograd.nn;

import io.microautograd.engine.Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * One neuron: {@code activation(w . x + b)}.
 *
 * <p>Parameter order: the {@code nin} weights in input order, then the bias.
 */
public final class Neuron implements Module {

    private final Value[] weights;
    private final Value bias;
    private final Activation activation;
    private final List<Value> parameters;

    /**
     * A neuron with {@code nin} inputs, its weights drawn by the activation's
     * {@link Activation#initialization() initialisation} from {@code seed}, its bias 0. A lone
     * neuron's fan-out is taken as 1.
     */
    public Neuron(int nin, Activation activation, long seed) {
        this(nin, 1, activation, new Random(seed));
    }

    /** A neuron of a layer of {@code fanOut} neurons, drawing its weights from {@code random}. */
    Neuron(int nin, int fanOut, Activation activation, Random random) {
        if (nin < 1) {
            throw new IllegalArgumentException("nin must be at least 1, got " + nin);
        }
        this.activation = activation;
        this.weights = new Value[nin];
        for (int i = 0; i < nin; i++) {
            weights[i] = Value.of(activation.initialization().draw(nin, fanOut, random));
        }
        this.bias = Value.of(0);
        List<Value> all = new ArrayList<>(nin + 1);
        Collections.addAll(all, weights);
        all.add(bias);
        this.parameters = Collections.unmodifiableList(all);
    }

    /** This neuron's output for {@code x} as a node of a graph. */
    public Value forward(Value[] x) {
        requireInputSize(x.length);
        Value[] terms = new Value[weights.length + 1];
        for (int i = 0; i < weights.length; i++) {
            terms[i] = weights[i].mul(x[i]);
        }
        terms[weights.length] = bias;
        return activation.apply(Value.sum(terms));
    }

    /** This neuron's output for {@code x}, computed on plain doubles without building a graph. */
    public double predict(double[] x) {
        requireInputSize(x.length);
        double sum = bias.data();
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i].data() * x[i];
        }
        return activation.apply(sum);
    }

    /** The number of inputs. */
    public int inputSize() {
        return weights.length;
    }

    /** The activation this neuron applies. */
    public Activation activation() {
        return activation;
    }

    /** The weights in input order, then the bias. */
    @Override
    public List<Value> parameters() {
        return parameters;
    }

    @Override
    public String toString() {
        return activation.seedName() + " Neuron(" + weights.length + ")";
    }

    private void requireInputSize(int actual) {
        if (actual != weights.length) {
            throw new IllegalArgumentException(
                    "input must have length " + weights.length + ", one value per weight, got " + actual);
        }
    }
}
