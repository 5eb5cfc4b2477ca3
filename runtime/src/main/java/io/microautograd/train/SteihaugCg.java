package io.microautograd.train;

import io.microautograd.optim.HessianVectorObjective;
import java.util.Arrays;

/**
 * The trust-region subproblem of Newton-CG, solved by Steihaug and Toint's truncated conjugate
 * gradients (Nocedal and Wright, Algorithm 7.2): the step p that about minimizes the quadratic
 * model {@code m(p) = g.p + p.Hp / 2} within {@code |p| <= radius}, from Hessian-vector products
 * alone. CG runs from p = 0 until the model's gradient {@code g + Hp} is small (below
 * {@code min(0.5, sqrt|g|) |g|}, which makes Newton-CG superlinear), and stops on the boundary
 * when a step would leave the region or when a direction has curvature {@code d.Hd <= 0}, along
 * which the model falls without bound. It runs at most twice the dimension's iterations.
 */
final class SteihaugCg {

    private final HessianVectorObjective objective;
    private final PathRecorder recorder;
    private final double[] step;
    private final double[] hessianTimesStep;
    private final double[] residual;
    private final double[] searchDirection;
    private final double[] hessianTimesDirection;
    private final double[] scratchGradient;
    private boolean onBoundary;

    /** A solver on {@code objective} in {@code dimension} parameters, its products counted by {@code recorder}. */
    SteihaugCg(HessianVectorObjective objective, PathRecorder recorder, int dimension) {
        this.objective = objective;
        this.recorder = recorder;
        step = new double[dimension];
        hessianTimesStep = new double[dimension];
        residual = new double[dimension];
        searchDirection = new double[dimension];
        hessianTimesDirection = new double[dimension];
        scratchGradient = new double[dimension];
    }

    /**
     * Solves the subproblem at {@code point}, whose gradient {@code gradient} is not zero, within
     * {@code radius}; the step is then {@link #step()}.
     */
    void solve(double[] point, double[] gradient, double radius) {
        int n = point.length;
        Arrays.fill(step, 0);
        Arrays.fill(hessianTimesStep, 0);
        System.arraycopy(gradient, 0, residual, 0, n);
        for (int i = 0; i < n; i++) {
            searchDirection[i] = -gradient[i];
        }
        double residualSquare = Vectors.dot(residual, residual);
        double gradientNorm = Math.sqrt(residualSquare);
        double tolerance = Math.min(0.5, Math.sqrt(gradientNorm)) * gradientNorm;
        onBoundary = false;
        for (int iteration = 0; iteration < 2 * n; iteration++) {
            recorder.multiplyHessian(objective, point, searchDirection, scratchGradient, hessianTimesDirection);
            double curvature = Vectors.dot(searchDirection, hessianTimesDirection);
            double length = residualSquare / curvature;
            double directionSquare = Vectors.dot(searchDirection, searchDirection);
            double stepDotDirection = Vectors.dot(step, searchDirection);
            double stepSquare = Vectors.dot(step, step);
            double nextStepSquare = stepSquare + length * (2 * stepDotDirection + length * directionSquare);
            if (curvature <= 0 || nextStepSquare >= radius * radius) {
                double c = stepSquare - radius * radius;
                double root = Math.sqrt(stepDotDirection * stepDotDirection - directionSquare * c);
                double toBoundary = stepDotDirection > 0 ? -c / (stepDotDirection + root)
                        : (root - stepDotDirection) / directionSquare;
                Vectors.addScaled(step, toBoundary, searchDirection);
                Vectors.addScaled(hessianTimesStep, toBoundary, hessianTimesDirection);
                onBoundary = true;
                return;
            }
            Vectors.addScaled(step, length, searchDirection);
            Vectors.addScaled(hessianTimesStep, length, hessianTimesDirection);
            Vectors.addScaled(residual, length, hessianTimesDirection);
            double nextResidualSquare = Vectors.dot(residual, residual);
            if (Math.sqrt(nextResidualSquare) < tolerance) {
                return;
            }
            double beta = nextResidualSquare / residualSquare;
            for (int i = 0; i < n; i++) {
                searchDirection[i] = -residual[i] + beta * searchDirection[i];
            }
            residualSquare = nextResidualSquare;
        }
    }

    /** The step the last solve found. */
    double[] step() {
        return step;
    }

    /** Whether the last step ends on the region's boundary (a direction reached it or had no positive curvature). */
    boolean onBoundary() {
        return onBoundary;
    }

    /** The decrease {@code -m(p)} of the model the last step promises, {@code -(g.p + p.Hp / 2)}. */
    double predictedDecrease(double[] gradient) {
        return -(Vectors.dot(gradient, step) + Vectors.dot(step, hessianTimesStep) / 2);
    }
}
