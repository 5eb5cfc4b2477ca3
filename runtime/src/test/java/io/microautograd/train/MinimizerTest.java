package io.microautograd.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.microautograd.gradcheck.GradientCheck;
import io.microautograd.optim.Adam;
import io.microautograd.optim.LearningRateSchedule;
import io.microautograd.optim.Objective;
import io.microautograd.optim.Sgd;
import org.junit.jupiter.api.Test;

/** Minimizing a bare objective: the recorded path, convergence and the divergence guard. */
class MinimizerTest {

    /** f(x, y) = x^2 + 10 y^2, in the shape of a generated allocation-free gradient method. */
    static double bowl(double[] p, double[] dP) {
        dP[0] += 2 * p[0];
        dP[1] += 20 * p[1];
        return p[0] * p[0] + 10 * p[1] * p[1];
    }

    @Test
    void pathRecordsEachSgdUpdateAndTheValueAtEveryPoint() {
        double[] start = {3, -2};
        OptimizationPath path = Minimizer.minimize(MinimizerTest::bowl, start, new Sgd(0.01), 5);

        assertEquals(5, path.steps());
        assertArrayEquals(new double[] {3, -2}, start, "the start array is left alone");
        double x = 3;
        double y = -2;
        for (int k = 0; k <= 5; k++) {
            assertArrayEquals(new double[] {x, y}, path.point(k), 1e-15, "point " + k);
            assertEquals(x * x + 10 * y * y, path.value(k), 1e-13, "value " + k);
            assertEquals(Math.hypot(2 * x, 20 * y), path.gradientNorm(k), 1e-13, "gradient norm " + k);
            x -= 0.01 * 2 * x;
            y -= 0.01 * 20 * y;
        }
        assertArrayEquals(path.coordinate(0), new double[] {path.point(0)[0], path.point(1)[0], path.point(2)[0],
                path.point(3)[0], path.point(4)[0], path.point(5)[0]});
        assertEquals(path.value(5), path.finalValue());
        assertArrayEquals(path.point(5), path.finalPoint());
        assertArrayEquals(path.point(3), path.points()[3]);
        assertEquals(path.value(3), path.values()[3]);
        assertEquals(path.gradientNorm(5), path.finalGradientNorm());
        assertEquals(6, path.objectiveEvaluations(), "one per point");
        assertEquals(0, path.hessianVectorProducts());
        assertEquals(StopReason.STEPS_TAKEN, path.stopReason());
        path.points()[0][0] = 99;
        path.values()[0] = 99;
        assertArrayEquals(new double[] {3, -2}, path.point(0), "accessors return copies");
        assertEquals(49, path.value(0));
    }

    @Test
    void adamFindsAMinimumThroughTheGeneratedGradient() {
        Objective himmelblau = FunctionsGrad::himmelblau;
        GradientCheck.standard().assertGradientNear(himmelblau, new double[] {0, 0}, 4, 10, 1);

        OptimizationPath path = Minimizer.minimize(himmelblau, new double[] {1, 1},
                new Adam(LearningRateSchedule.cosineDecay(0.1, 0.001, 2000)), 2000);

        assertArrayEquals(new double[] {3, 2}, path.finalPoint(), 1e-6, "the minimum nearest the start");
        assertTrue(path.finalValue() < 1e-12, "final value " + path.finalValue());
        assertEquals(Functions.himmelblau(path.point(700)), path.value(700), 0.0, "values are the function's");
    }

    @Test
    void zeroStepsRecordsOnlyTheStart() {
        OptimizationPath path =
                Minimizer.minimize(MinimizerTest::bowl, new double[] {1, 1}, new Sgd(1), 0);
        assertEquals(0, path.steps());
        assertEquals(11, path.finalValue());
    }

    @Test
    void nanGradientStopsAtTheStepThatWouldUseIt() {
        int[] calls = {0};
        Objective breaksOnThirdCall = (p, g) -> {
            calls[0]++;
            g[0] += calls[0] == 3 ? Double.NaN : 1;
            g[1] += 1;
            return 0;
        };
        TrainingDivergedException error = assertThrows(TrainingDivergedException.class,
                () -> Minimizer.minimize(breaksOnThirdCall, new double[] {0, 0}, new Sgd(0.1), 10));

        assertEquals("Minimization diverged at step 3: the first non-finite gradient is that of parameter 0 (NaN)."
                + " Try a lower learning rate, or clip the gradients with"
                + " optimizer.withClipping(GradientClipping.byGlobalNorm(1.0)).", error.getMessage());
        assertEquals(0, error.epoch());
        assertEquals(3, error.step());
        assertEquals(0, error.parameterIndex());
        assertEquals(3, calls[0], "no evaluation after the bad one");
    }

    @Test
    void explodingStepsAreCaughtOnTheUpdate() {
        Objective steepInY = (p, g) -> {
            g[0] += 1;
            g[1] += 1e10;
            return p[0] + 1e10 * p[1];
        };
        TrainingDivergedException error = assertThrows(TrainingDivergedException.class,
                () -> Minimizer.minimize(steepInY, new double[] {1, 1}, new Sgd(1e300), 10));
        assertTrue(error.getMessage().startsWith("Minimization diverged at step 1: the update made parameter 1"
                + " -Infinity (the gradient was finite)."), error.getMessage());
    }

    @Test
    void infiniteValueAtTheLastPointIsReported() {
        Objective infiniteAtOrigin = (p, g) -> {
            g[0] += 1;
            return p[0] == 0 ? Double.POSITIVE_INFINITY : p[0];
        };
        TrainingDivergedException error = assertThrows(TrainingDivergedException.class,
                () -> Minimizer.minimize(infiniteAtOrigin, new double[] {1}, new Sgd(1), 1));
        assertEquals(2, error.step());
        assertEquals(-1, error.parameterIndex());
    }

    @Test
    void badArgumentsAreNamed() {
        Objective bowl = MinimizerTest::bowl;
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> Minimizer.minimize(bowl, new double[] {1, 1}, new Sgd(1), -1));
        assertEquals("steps must be at least 0, got -1", negative.getMessage());
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> Minimizer.minimize(bowl, new double[0], new Sgd(1), 1));
        assertEquals("start must hold at least one parameter, got none", empty.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Minimizer.minimize(null, new double[] {1}, new Sgd(1), 1));
        OptimizationPath path = Minimizer.minimize(bowl, new double[] {1, 1}, new Sgd(0.1), 1);
        IllegalArgumentException axis = assertThrows(IllegalArgumentException.class, () -> path.coordinate(2));
        assertEquals("coordinate index must be in [0, 2), got 2", axis.getMessage());
    }
}
