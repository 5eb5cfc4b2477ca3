package io.microautograd.nn;

import io.microautograd.engine.Value;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;

/**
 * The nonlinearity a neuron applies to its weighted sum, with the weight initialisation that
 * keeps signals at a steady scale through layers of that kind.
 */
public enum Activation {
    /** max(0, x); weights drawn by {@link Initialization#HE}. */
    RELU(Initialization.HE, Value::relu, x -> x > 0 ? x : 0),
    /** tanh x; weights drawn by {@link Initialization#GLOROT}. */
    TANH(Initialization.GLOROT, Value::tanh, Math::tanh),
    /** 1 / (1 + e^-x); weights drawn by {@link Initialization#GLOROT}. */
    SIGMOID(Initialization.GLOROT, Value::sigmoid,
            // The same overflow-free split as Value.sigmoid, so both forms agree to the last bit.
            x -> x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x))),
    /**
     * The identity, for regression outputs and raw scores; weights drawn by
     * {@link Initialization#GLOROT}, which keeps the variance of an identity layer's output
     * near that of its input when fan-in and fan-out are alike.
     */
    LINEAR(Initialization.GLOROT, x -> x, x -> x);

    private final Initialization initialization;
    private final UnaryOperator<Value> onGraph;
    private final DoubleUnaryOperator onNumbers;

    Activation(Initialization initialization, UnaryOperator<Value> onGraph, DoubleUnaryOperator onNumbers) {
        this.initialization = initialization;
        this.onGraph = onGraph;
        this.onNumbers = onNumbers;
    }

    /** This activation applied to a node of a graph. */
    public Value apply(Value x) {
        return onGraph.apply(x);
    }

    /** This activation applied to a plain number, as {@link #apply(Value)} computes it. */
    public double apply(double x) {
        return onNumbers.applyAsDouble(x);
    }

    /** How the weights of a neuron with this activation are drawn. */
    public Initialization initialization() {
        return initialization;
    }

    /** The lower-case name the seed uses, for example {@code "relu"}. */
    public String seedName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The activation the seed names {@code name}: {@code "relu"}, {@code "tanh"},
     * {@code "sigmoid"} or {@code "linear"} (case-insensitive).
     *
     * @throws IllegalArgumentException for any other name
     */
    public static Activation fromSeedName(String name) {
        for (Activation activation : values()) {
            if (activation.seedName().equalsIgnoreCase(name)) {
                return activation;
            }
        }
        throw new IllegalArgumentException(
                "activation must be one of relu, tanh, sigmoid, linear, got \"" + name + "\"");
    }
}
