package io.microautograd.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.microautograd.engine.Value;
import io.microautograd.gradcheck.EngineComparison;
import io.microautograd.gradcheck.GradientCheck;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The compiled gradient of a loop calling Commons Math's {@code Gamma.logGamma} (a jar without
 * source; its rule, {@code digamma}, is declared in {@link GammaRules}) equals central
 * differences to 1e-7, and its tangent the gradient dotted with a direction; its Value twin, which
 * applies the operation the same rule gave ({@code GammaRulesOps.logGamma}), agrees with it.
 */
class NegativeBinomialGradTest {

    private static final double[] X = new double[40];
    private static final double[] Y = new double[40];

    static {
        Random random = new Random(18);
        for (int i = 0; i < X.length; i++) {
            X[i] = 2 * random.nextDouble() - 1;
            Y[i] = random.nextInt(12);
        }
    }

    private static double value(double[] p) {
        return NegativeBinomialModel.negativeLogLikelihood(p[0], p[1], p[2], X, Y);
    }

    @Test
    void gradientThroughLogGammaInALoopEqualsCentralDifferences() {
        for (double[] p : new double[][] {{0.5, 1.2, 0.3}, {1.5, -0.7, -1.1}, {-0.2, 0.1, 2.4}}) {
            double[] gradient = new double[3];
            double value = NegativeBinomialModelGrad.negativeLogLikelihood(p[0], p[1], p[2], X, Y, gradient);
            assertEquals(value(p), value);
            for (int i = 0; i < 3; i++) {
                double h = 1e-5;
                double[] up = p.clone();
                double[] down = p.clone();
                up[i] += h;
                down[i] -= h;
                double difference = (value(up) - value(down)) / (2 * h);
                assertEquals(difference, gradient[i], 1e-7 * Math.max(1, Math.abs(difference)), "partial " + i);
            }
            double[] direction = {0.3, -1.1, 0.7};
            double tangent = NegativeBinomialModelGrad.negativeLogLikelihoodTangent(p[0], p[1], p[2], X, Y,
                    direction[0], direction[1], direction[2]);
            assertEquals(gradient[0] * direction[0] + gradient[1] * direction[1] + gradient[2] * direction[2],
                    tangent, 1e-12);
        }
    }

    @Test
    void theTwinThroughTheRulesOperationMatchesTheCompiledGradient() {
        for (double[] p : new double[][] {{0.5, 1.2, 0.3}, {1.5, -0.7, -1.1}}) {
            EngineComparison comparison = GradientCheck.standard().withTolerance(1e-12).assertMatchesEngine(
                    (q, gradient) -> NegativeBinomialModelGrad.negativeLogLikelihood(q[0], q[1], q[2], X, Y, gradient),
                    q -> NegativeBinomialModelValues.negativeLogLikelihood(q[0], q[1], q[2], Value.of(X), Value.of(Y)),
                    p);
            assertEquals(0.0, comparison.valueError(), comparison.toString());
        }
    }
}
