package io.microautograd.train;

import io.microautograd.optim.Objective;
import io.microautograd.optim.Optimizer;
import java.util.Arrays;

/**
 * Minimizes an {@link Objective} with an {@link Optimizer}, recording the path:
 *
 * <pre>{@code
 * OptimizationPath path = Minimizer.minimize(FunctionsGrad::rosenbrock, new double[] {-1.5, 2},
 *         new Adam(0.02), 2000);
 * plot(path.coordinate(0), path.coordinate(1));
 * }</pre>
 *
 * <p>Each step evaluates the value and gradient at the current point, checks that both are
 * finite, lets the optimizer update the point and checks the result, with the
 * {@link Trainer}'s guard: a NaN or infinite value, gradient or parameter stops the run with a
 * {@link TrainingDivergedException} that names the step ({@code epoch()} is 0) and the first
 * offending parameter. The value at the last point is evaluated and checked as well, so every
 * recorded value is finite. A non-finite value or gradient at point k is reported as step
 * k + 1, the step that would have used it; a non-finite point made by step k, as step k.
 *
 * <p>For smooth full-batch problems {@link Lbfgs} and {@link TrustRegionNewtonCg} choose their
 * own steps and stop when the gradient is small; they take far fewer evaluations.
 */
public final class Minimizer {

    private Minimizer() {
    }

    /**
     * Takes {@code steps} optimizer steps on {@code objective} from {@code start}, which is left
     * unchanged.
     *
     * @param steps the number of updates, at least 0; the path holds {@code steps + 1} points
     * @return every visited point with its value and gradient norm, {@code steps + 1} evaluations
     * @throws IllegalArgumentException if the start is empty, the steps negative or an argument null
     * @throws TrainingDivergedException if a value, gradient or point becomes NaN or infinite
     */
    public static OptimizationPath minimize(Objective objective, double[] start, Optimizer optimizer, int steps) {
        if (objective == null || start == null || optimizer == null) {
            throw new IllegalArgumentException("objective, start and optimizer must not be null, got objective="
                    + objective + ", start=" + start + ", optimizer=" + optimizer);
        }
        if (start.length == 0) {
            throw new IllegalArgumentException("start must hold at least one parameter, got none");
        }
        if (steps < 0) {
            throw new IllegalArgumentException("steps must be at least 0, got " + steps);
        }
        double[][] points = new double[steps + 1][];
        double[] values = new double[steps + 1];
        double[] gradientNorms = new double[steps + 1];
        double[] point = start.clone();
        double[] gradient = new double[point.length];
        for (int step = 1; step <= steps; step++) {
            points[step - 1] = point.clone();
            values[step - 1] = evaluate(objective, point, gradient, step);
            gradientNorms[step - 1] = Vectors.norm(gradient);
            optimizer.step(point, gradient);
            DivergenceGuard.checkParameters(point, 0, step);
        }
        points[steps] = point;
        values[steps] = evaluate(objective, point, gradient, steps + 1);
        gradientNorms[steps] = Vectors.norm(gradient);
        return new OptimizationPath(points, values, gradientNorms, steps + 1, 0, StopReason.STEPS_TAKEN);
    }

    /** The value at {@code point}, its gradient left in {@code gradient}, both checked finite. */
    private static double evaluate(Objective objective, double[] point, double[] gradient, int step) {
        Arrays.fill(gradient, 0);
        double value = objective.valueAndGradient(point, gradient);
        DivergenceGuard.checkLossAndGradient(value, gradient, 0, step, DivergenceGuard.LOWER_THE_RATE);
        return value;
    }
}
