package io.microautograd.optim;

/** {@link HessianVectorObjective#byFiniteDifferences}: H v by central differences of a gradient. */
final class FiniteDifferenceHessianVector implements HessianVectorObjective {

    /** The cube root of the double's precision: the step that balances truncation against rounding. */
    private static final double RELATIVE_STEP = Math.cbrt(Math.ulp(1.0));

    private final Objective objective;

    FiniteDifferenceHessianVector(Objective objective) {
        this.objective = objective;
    }

    @Override
    public double valueGradientAndHessianVector(double[] params, double[] direction, double[] gradient,
            double[] hessianVector) {
        int n = params.length;
        if (direction.length != n || gradient.length != n || hessianVector.length != n) {
            throw new IllegalArgumentException("direction, gradient and hessianVector must have one entry per"
                    + " parameter (" + n + "), got " + direction.length + ", " + gradient.length + " and "
                    + hessianVector.length);
        }
        double value = objective.valueAndGradient(params, gradient);
        double sumOfSquares = 0;
        for (double v : direction) {
            sumOfSquares += v * v;
        }
        if (sumOfSquares == 0) {
            return value;
        }
        double length = Math.sqrt(sumOfSquares);
        double largest = 1;
        for (double p : params) {
            largest = Math.max(largest, Math.abs(p));
        }
        double step = RELATIVE_STEP * largest;
        double[] shifted = new double[n];
        double[] forward = new double[n];
        double[] backward = new double[n];
        for (int i = 0; i < n; i++) {
            shifted[i] = params[i] + step * direction[i] / length;
        }
        objective.valueAndGradient(shifted, forward);
        for (int i = 0; i < n; i++) {
            shifted[i] = params[i] - step * direction[i] / length;
        }
        objective.valueAndGradient(shifted, backward);
        for (int i = 0; i < n; i++) {
            hessianVector[i] += (forward[i] - backward[i]) / (2 * step) * length;
        }
        return value;
    }

    @Override
    public String toString() {
        return "finite-difference Hessian-vector products of " + objective;
    }
}
