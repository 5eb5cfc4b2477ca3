package io.microautograd.train;

/**
 * A hand-differentiated per-sample objective for tests of {@link PerSampleModel}: logistic
 * regression on the quadratic features (x1, x2, x1 x2, x1^2, x2^2) plus a bias, 6 parameters,
 * with the binary cross-entropy of the logit. Moons are nearly separable in these features.
 */
final class QuadraticLogisticRegression {

    static final int PARAMETERS = 6;

    private QuadraticLogisticRegression() {
    }

    static double[] features(double[] x) {
        return new double[] {x[0], x[1], x[0] * x[1], x[0] * x[0], x[1] * x[1], 1};
    }

    static double logit(double[] params, double[] x) {
        double[] f = features(x);
        double z = 0;
        for (int j = 0; j < PARAMETERS; j++) {
            z += params[j] * f[j];
        }
        return z;
    }

    /** max(z, 0) - z t + log(1 + e^-|z|); gradient (sigmoid(z) - t) f. */
    static double sampleLoss(double[] params, double[] x, double[] target, double[] gradient) {
        double z = logit(params, x);
        double t = target[0];
        double[] f = features(x);
        double sigmoid = 1 / (1 + Math.exp(-z));
        for (int j = 0; j < PARAMETERS; j++) {
            gradient[j] += (sigmoid - t) * f[j];
        }
        return Math.max(z, 0) - z * t + Math.log1p(Math.exp(-Math.abs(z)));
    }

    static double[] predict(double[] params, double[] x) {
        return new double[] {logit(params, x)};
    }

    /** 0.01 |p|^2. */
    static double ridge(double[] params, double[] gradient) {
        double sum = 0;
        for (int j = 0; j < params.length; j++) {
            sum += params[j] * params[j];
            gradient[j] += 0.02 * params[j];
        }
        return 0.01 * sum;
    }
}
