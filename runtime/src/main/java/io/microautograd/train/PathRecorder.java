package io.microautograd.train;

import io.microautograd.optim.HessianVectorObjective;
import io.microautograd.optim.Objective;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What {@link Lbfgs} and {@link TrustRegionNewtonCg} share around their steps: the objective's
 * evaluations, counted; the start point, checked; the points they keep, recorded with their
 * values and gradient norms and shown on the progress bar; and the path they return.
 */
final class PathRecorder implements AutoCloseable {

    private final List<double[]> points = new ArrayList<>();
    private double[] values = new double[16];
    private double[] gradientNorms = new double[16];
    private int objectiveEvaluations;
    private int hessianVectorProducts;
    private final ProgressDisplay progress;

    /**
     * Checks the arguments of a minimization.
     *
     * @throws IllegalArgumentException if one is null or the start is empty
     */
    static void requireArguments(Objective objective, double[] start) {
        if (objective == null || start == null) {
            throw new IllegalArgumentException("objective and start must not be null, got objective=" + objective
                    + ", start=" + start);
        }
        if (start.length == 0) {
            throw new IllegalArgumentException("start must hold at least one parameter, got none");
        }
    }

    /** A recorder whose progress bar, unless quiet, is named {@code method} and runs to {@code maxIterations}. */
    PathRecorder(String method, int maxIterations, boolean quiet) {
        progress = ProgressDisplay.open(quiet, method, maxIterations);
    }

    /**
     * Evaluates and keeps the start point, leaving its gradient in {@code gradient}.
     *
     * @return the value at {@code start}
     * @throws IllegalArgumentException if the objective indexes outside its arrays there (the start
     *     is not the length it takes)
     * @throws TrainingDivergedException if the value or the gradient at the start is not finite
     */
    double start(Objective objective, double[] start, double[] gradient) {
        double value;
        try {
            value = evaluate(objective, start, gradient);
        } catch (IndexOutOfBoundsException e) {
            throw new IllegalArgumentException("the objective indexed outside its arrays at the start point, which has "
                    + start.length + " parameters; give a start of the length the objective takes ("
                    + e.getMessage() + ")", e);
        }
        DivergenceGuard.checkLossAndGradient(value, gradient, 0, 1, DivergenceGuard.CHECK_THE_OBJECTIVE);
        keep(start, value, gradient);
        return value;
    }

    /** The value at {@code point}, its gradient written into {@code gradient}; counted. */
    double evaluate(Objective objective, double[] point, double[] gradient) {
        Arrays.fill(gradient, 0);
        objectiveEvaluations++;
        return objective.valueAndGradient(point, gradient);
    }

    /**
     * Writes the Hessian at {@code point} times {@code direction} into {@code product}, with the
     * gradient the same call gives into {@code gradient}; counted, and checked finite.
     *
     * @throws TrainingDivergedException if a component of the product is not finite
     */
    void multiplyHessian(HessianVectorObjective objective, double[] point, double[] direction, double[] gradient,
            double[] product) {
        Arrays.fill(gradient, 0);
        Arrays.fill(product, 0);
        hessianVectorProducts++;
        objective.valueGradientAndHessianVector(point, direction, gradient, product);
        DivergenceGuard.checkHessianVector(product, steps() + 1);
    }

    /** Records {@code point} (copied) as the next point of the path, and shows it on the bar unless it is the start. */
    void keep(double[] point, double value, double[] gradient) {
        int k = points.size();
        if (k == values.length) {
            values = Arrays.copyOf(values, 2 * k);
            gradientNorms = Arrays.copyOf(gradientNorms, 2 * k);
        }
        points.add(point.clone());
        values[k] = value;
        gradientNorms[k] = Vectors.norm(gradient);
        if (k > 0) {
            progress.advance(" value %.6g gradient norm %.2e", value, gradientNorms[k]);
        }
    }

    /** The steps kept so far: the points after the start. */
    int steps() {
        return points.size() - 1;
    }

    /** The gradient norm at the last point kept. */
    double lastGradientNorm() {
        return gradientNorms[steps()];
    }

    /** The path of the points kept, ended for {@code reason}. */
    OptimizationPath path(StopReason reason) {
        int count = points.size();
        return new OptimizationPath(points.toArray(new double[0][]), Arrays.copyOf(values, count),
                Arrays.copyOf(gradientNorms, count), objectiveEvaluations, hessianVectorProducts, reason);
    }

    @Override
    public void close() {
        progress.close();
    }
}
