package io.microautograd.examples;

import io.microautograd.optim.Optimizer;
import java.util.Arrays;

/** Minimises a {@link GradientFunction} with an {@link Optimizer}, remembering every point it visits. */
final class Descent {

    private Descent() {
    }

    /**
     * Takes {@code steps} optimizer steps from {@code start}.
     *
     * @return the points visited: {@code start} first, then the point after each step
     * @throws IllegalStateException if the function value or its gradient stops being finite
     */
    static double[][] path(GradientFunction f, double[] start, Optimizer optimizer, int steps) {
        double[][] path = new double[steps + 1][];
        double[] point = start.clone();
        double[] gradient = new double[point.length];
        path[0] = point.clone();
        for (int step = 1; step <= steps; step++) {
            Arrays.fill(gradient, 0);
            double value = f.evaluate(point, gradient);
            if (!Double.isFinite(value) || !Arrays.stream(gradient).allMatch(Double::isFinite)) {
                throw new IllegalStateException("descent diverged at step " + step + ": value " + value
                        + ", gradient " + Arrays.toString(gradient) + " at " + Arrays.toString(point)
                        + "; lower the learning rate");
            }
            optimizer.step(point, gradient);
            path[step] = point.clone();
        }
        return path;
    }
}
