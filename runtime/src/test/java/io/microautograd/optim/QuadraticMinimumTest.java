package io.microautograd.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each optimizer must find the minimum of an ill-conditioned quadratic
 * f(p) = 1/2 (p - c)^T A (p - c) to 1e-6 in every coordinate.
 */
class QuadraticMinimumTest {

    /** Symmetric positive definite, eigenvalues about 0.6 to 4.8: condition number near 8. */
    private static final double[][] A = {{3, 1, 0}, {1, 2, 0.5}, {0, 0.5, 1}};
    private static final double[] MINIMUM = {1.5, -2.0, 0.25};
    private static final double[] START = {-3, 4, 2};

    static Stream<Arguments> optimizers() {
        return Stream.of(
                optimizer("plain SGD", () -> new Sgd(0.3)),
                optimizer("SGD with momentum", () -> new Sgd(0.1, 0.9)),
                optimizer("Adam", () -> new Adam(LearningRateSchedule.cosineDecay(0.1, 0, 3000))),
                optimizer("SGD, linear decay, clipped by norm",
                        () -> new Sgd(LearningRateSchedule.linearDecay(0.3, 0.05, 500), 0)
                                .withClipping(GradientClipping.byGlobalNorm(1))),
                optimizer("SGD, step decay, clipped by value",
                        () -> new Sgd(LearningRateSchedule.stepDecay(0.3, 0.5, 1000), 0.5)
                                .withClipping(GradientClipping.byValue(0.5))));
    }

    private static Arguments optimizer(String name, Supplier<Optimizer> make) {
        return Arguments.of(name, make);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optimizers")
    void findsTheMinimum(String name, Supplier<Optimizer> make) {
        Optimizer optimizer = make.get();
        double[] p = START.clone();
        double[] gradient = new double[p.length];
        for (int step = 0; step < 3000; step++) {
            gradient(p, gradient);
            optimizer.step(p, gradient);
        }
        for (int i = 0; i < p.length; i++) {
            assertEquals(MINIMUM[i], p[i], 1e-6, name + ", coordinate " + i);
        }
        assertTrue(Math.abs(START[0] - MINIMUM[0]) > 1, "the start is far from the minimum");
    }

    /** grad f = A (p - c). */
    private static void gradient(double[] p, double[] out) {
        for (int i = 0; i < p.length; i++) {
            out[i] = 0;
            for (int j = 0; j < p.length; j++) {
                out[i] += A[i][j] * (p[j] - MINIMUM[j]);
            }
        }
    }
}
