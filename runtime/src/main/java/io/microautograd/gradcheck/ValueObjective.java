package io.microautograd.gradcheck;

import io.microautograd.engine.Value;

/**
 * A function of a flat parameter array on the {@code Value} engine: the node of its value, built
 * from the given leaves, whose {@code backward()} gives the gradient. The Value twin the processor
 * writes of a {@code @Differentiable} method of a {@code double[]} is one as it stands
 * ({@code FunctionsValues::rosenbrock}); one of scalars takes a lambda
 * ({@code p -> RosenbrockValues.rosenbrock(p[0], p[1])}).
 */
@FunctionalInterface
public interface ValueObjective {

    /**
     * The node of the function's value at {@code params}.
     *
     * @param params one leaf per parameter, which the function must build its graph from
     * @return the node of the value
     */
    Value apply(Value[] params);
}
