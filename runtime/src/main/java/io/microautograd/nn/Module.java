package io.microautograd.nn;

import io.microautograd.engine.Value;
import java.util.List;

/**
 * Something with trainable parameters on the {@link Value} engine: a neuron, a layer, a
 * network. The flat views ({@link #parameterValues()}, {@link #setParameterValues(double[])},
 * {@link #addGradientsTo(double[])}) follow the order of {@link #parameters()}, which lets an
 * optimizer that works on {@code double[]} drive any module.
 */
public interface Module {

    /** The parameters in this module's documented fixed order; the same nodes on every call. */
    List<Value> parameters();

    /** How many parameters {@link #parameters()} holds. */
    default int parameterCount() {
        return parameters().size();
    }

    /** Sets the gradient of every parameter to 0, as between two training steps. */
    default void zeroGrad() {
        for (Value parameter : parameters()) {
            parameter.setGrad(0);
        }
    }

    /** The parameters' numbers, in the order of {@link #parameters()}. */
    default double[] parameterValues() {
        List<Value> parameters = parameters();
        double[] values = new double[parameters.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = parameters.get(i).data();
        }
        return values;
    }

    /**
     * Replaces the parameters' numbers by {@code values}, in the order of {@link #parameters()}.
     *
     * @throws IllegalArgumentException if {@code values} does not hold exactly one number per parameter
     */
    default void setParameterValues(double[] values) {
        List<Value> parameters = requireOnePerParameter(values, "values");
        for (int i = 0; i < values.length; i++) {
            parameters.get(i).setData(values[i]);
        }
    }

    /**
     * Adds each parameter's gradient into {@code gradient}, in the order of {@link #parameters()}.
     *
     * @throws IllegalArgumentException if {@code gradient} does not hold exactly one slot per parameter
     */
    default void addGradientsTo(double[] gradient) {
        List<Value> parameters = requireOnePerParameter(gradient, "gradient");
        for (int i = 0; i < gradient.length; i++) {
            gradient[i] += parameters.get(i).grad();
        }
    }

    private List<Value> requireOnePerParameter(double[] array, String name) {
        List<Value> parameters = parameters();
        if (array.length != parameters.size()) {
            throw new IllegalArgumentException(name + " must hold one number per parameter (" + parameters.size()
                    + "), got " + array.length);
        }
        return parameters;
    }
}
