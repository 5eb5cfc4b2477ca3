package io.microautograd.optim;

/**
 * Updates parameters from their gradient, both seen as flat {@code double[]} in one fixed order,
 * so the same optimizer serves a {@code Value} network ({@code Module.parameterValues()}) and
 * a compiled gradient over a parameter array.
 *
 * <p>An optimizer is stateful: it counts its steps (which drive its learning-rate schedule) and
 * may keep per-parameter state such as momentum, sized on the first step. Use one optimizer
 * for one parameter array; a step with a different length is an error.
 */
public interface Optimizer {

    /**
     * Takes one step: updates {@code parameters} in place from {@code gradient}, the gradient of
     * the loss at {@code parameters}. The gradient is read, never written.
     *
     * @throws IllegalArgumentException if the two arrays differ in length, or differ from the
     *     length of the first step
     */
    void step(double[] parameters, double[] gradient);

    /** How many steps this optimizer has taken. */
    int stepCount();

    /** The learning rate the next step will use. */
    double nextLearningRate();

    /** This optimizer with {@code clipping} applied to every gradient before it is used. */
    default Optimizer withClipping(GradientClipping clipping) {
        return new ClippedOptimizer(this, clipping);
    }
}
