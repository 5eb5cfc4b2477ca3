package io.microautograd.train;

import io.microautograd.data.Dataset;
import io.microautograd.optim.Objective;
import java.util.Optional;

/**
 * What the {@link Trainer} needs of a model, whichever way its gradient is computed: a fixed
 * number of parameters seen as one flat {@code double[]}, the loss of a batch with its gradient,
 * and predictions. {@link ValueMlpModel} implements it on the {@code Value} engine; a compiled
 * gradient over a parameter array implements it with no graph at all.
 *
 * <p>The flat order of the parameters is the implementation's to document, and must be the same
 * in {@link #parameters()}, {@link #setParameters(double[])} and the gradient of
 * {@link #lossAndGradient}.
 */
public interface TrainableModel extends Predictor {

    /** The number of parameters; the length of every flat array this interface uses. */
    int parameterCount();

    /** A copy of the current parameters in the model's flat order. */
    double[] parameters();

    /**
     * Replaces the parameters by {@code values}, in the model's flat order.
     *
     * @throws IllegalArgumentException if {@code values.length != parameterCount()}
     */
    void setParameters(double[] values);

    /**
     * The loss of a batch at the current parameters: the mean of the per-sample losses of
     * {@code data}'s samples at the indices {@code batch}, plus any regularisation. Its gradient
     * with respect to the parameters is <b>added</b> into {@code gradient} ({@code +=}); the
     * caller zeroes it first, so that sums over several calls need no extra buffer.
     *
     * @throws IllegalArgumentException if {@code batch} is empty or {@code gradient.length != parameterCount()}
     */
    double lossAndGradient(Dataset data, int[] batch, double[] gradient);

    /**
     * The loss of one fixed batch as an {@link Objective} of the flat parameters, for a
     * gradient check or a {@link Minimizer}. Each evaluation sets the model's parameters to the
     * point it is given (and leaves them there), then calls {@link #lossAndGradient}.
     */
    default Objective batchObjective(Dataset data, int[] batch) {
        int[] fixed = batch.clone();
        return (params, gradient) -> {
            setParameters(params);
            return lossAndGradient(data, fixed, gradient);
        };
    }

    /**
     * Where the NaN or infinity of the last {@link #lossAndGradient} call came from, when the
     * model can tell (for a {@code Value}-engine model, the operation that made it, as
     * {@link io.microautograd.engine.NonFiniteOrigin} finds it); empty by default. The trainer
     * asks only after a call whose loss or gradient was not finite, and adds the answer to its
     * {@link TrainingDivergedException}.
     */
    default Optional<String> nonFiniteOrigin() {
        return Optional.empty();
    }

    /** The model's outputs for {@code input} at the current parameters. */
    @Override
    double[] predict(double[] input);

    /**
     * Checks the arguments of {@link #lossAndGradient} for implementations: a non-empty batch and a
     * gradient of {@code parameterCount} slots.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    static void requireBatchAndGradient(int[] batch, double[] gradient, int parameterCount) {
        if (batch.length == 0) {
            throw new IllegalArgumentException("batch must hold at least one sample index, got none");
        }
        if (gradient.length != parameterCount) {
            throw new IllegalArgumentException("gradient must have one slot per parameter (" + parameterCount
                    + "), got " + gradient.length);
        }
    }
}
