package io.microautograd.gradbench.evals;

/**
 * GradBench's gradient descent for particle and saddle ({@code cpp/gradbench/gd.hpp}, the same
 * as its Futhark tools' {@code solver.fut}), step for step, since the evals' expected outputs are
 * its results: from the start, a step of {@code -eta * gradient} is taken when it lowers the
 * objective, and {@code eta} (from 1e-5) halves when it does not and doubles after ten steps that
 * did; it stops when the gradient or the step is shorter than 1e-5. The objectives' methods of
 * {@link Saddle} and {@link Particle} repeat this loop inside {@code @Differentiable} code, where
 * the inner descent is differentiated through.
 */
final class GradientDescent {

    /** The tolerance of the gradient's and the step's lengths, and the first step size. */
    static final double TOLERANCE = 1e-5;

    /** The number of successful steps after which the step size doubles. */
    static final int STEPS_BEFORE_DOUBLING = 10;

    /** An objective and its gradient, each from the library. */
    interface Objective {
        double value(double[] x);

        /** Sets {@code gradient} to the objective's gradient at {@code x}. */
        void gradient(double[] x, double[] gradient);
    }

    private GradientDescent() {
    }

    /** The point the descent from {@code start} stops at. */
    static double[] argmin(Objective f, double[] start) {
        int n = start.length;
        double[] x = start.clone();
        double[] gradient = new double[n];
        double[] next = new double[n];
        double value = f.value(x);
        f.gradient(x, gradient);
        int steps = 0;
        double eta = TOLERANCE;
        while (true) {
            if (length(gradient, null) <= TOLERANCE) {
                return x;
            } else if (steps == STEPS_BEFORE_DOUBLING) {
                eta *= 2;
                steps = 0;
            } else {
                for (int j = 0; j < n; j++) {
                    next[j] = x[j] - eta * gradient[j];
                }
                if (length(x, next) <= TOLERANCE) {
                    return x;
                }
                double nextValue = f.value(next);
                if (nextValue < value) {
                    System.arraycopy(next, 0, x, 0, n);
                    value = nextValue;
                    f.gradient(x, gradient);
                    steps++;
                } else {
                    eta /= 2;
                    steps = 0;
                }
            }
        }
    }

    /** The point the descent on {@code -f} from {@code start} stops at. */
    static double[] argmax(Objective f, double[] start) {
        return argmin(new Objective() {
            @Override
            public double value(double[] x) {
                return -f.value(x);
            }

            @Override
            public void gradient(double[] x, double[] gradient) {
                f.gradient(x, gradient);
                for (int j = 0; j < gradient.length; j++) {
                    gradient[j] = -gradient[j];
                }
            }
        }, start);
    }

    /** |a - b|, or |a| when {@code b} is null. */
    private static double length(double[] a, double[] b) {
        double sum = 0;
        for (int j = 0; j < a.length; j++) {
            double difference = b == null ? a[j] : a[j] - b[j];
            sum += difference * difference;
        }
        return Math.sqrt(sum);
    }
}
