package io.microautograd.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.microautograd.optim.Objective;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** L-BFGS: convergence on Rosenbrock, the Wolfe conditions of its steps, its stopping rules and bad input. */
class LbfgsTest {

    private static final Lbfgs QUIET = Lbfgs.standard().quiet(true);

    @Test
    void minimisesHundredDimensionalRosenbrockToGradientNormBelow1e8() {
        double[] start = Rosenbrock.standardStart(100);
        OptimizationPath path = QUIET.withGradientTolerance(1e-8).minimize(FunctionsGrad::rosenbrock, start);

        assertEquals(StopReason.GRADIENT_TOLERANCE, path.stopReason(), path.toString());
        assertTrue(path.finalGradientNorm() < 1e-8, path.toString());
        double[] ones = new double[100];
        Arrays.fill(ones, 1);
        assertArrayEquals(ones, path.finalPoint(), 1e-8);
        assertArrayEquals(Rosenbrock.standardStart(100), start, "the start is left alone");
        assertEquals(Vectors.norm(gradient(path.finalPoint())), path.finalGradientNorm(), 0.0);
        assertTrue(path.objectiveEvaluations() > path.steps(), "the line searches' evaluations are counted");
        assertEquals(0, path.hessianVectorProducts());
    }

    @Test
    void everyStepSatisfiesTheStrongWolfeConditions() {
        OptimizationPath path = QUIET.withMaxIterations(200).minimize(FunctionsGrad::rosenbrock,
                Rosenbrock.standardStart(100));
        assertEquals(200, path.steps());
        for (int k = 0; k < path.steps(); k++) {
            double[] from = path.point(k);
            double[] to = path.point(k + 1);
            double[] step = new double[from.length];
            Vectors.pointAlong(step, to, -1, from);
            double slopeBefore = Vectors.dot(gradient(from), step);
            double slopeAfter = Vectors.dot(gradient(to), step);
            assertTrue(slopeBefore < 0, "step " + k + " goes downhill");
            assertEquals(Functions.rosenbrock(to), path.value(k + 1), 0.0);
            double rounding = 1e-12 * Math.abs(path.value(k));
            assertTrue(path.value(k + 1) <= path.value(k) + WolfeLineSearch.SUFFICIENT_DECREASE * slopeBefore
                    + rounding, "sufficient decrease at step " + k);
            assertTrue(Math.abs(slopeAfter) <= -WolfeLineSearch.CURVATURE * slopeBefore * (1 + 1e-9),
                    "curvature at step " + k + ": " + slopeAfter + " vs " + slopeBefore);
        }
    }

    @Test
    void stopsAtTheIterationLimit() {
        OptimizationPath five = QUIET.withMaxIterations(5).minimize(FunctionsGrad::rosenbrock, new double[] {-1.2, 1});
        assertEquals(StopReason.ITERATION_LIMIT, five.stopReason());
        assertEquals(5, five.steps());
        OptimizationPath none = QUIET.withMaxIterations(0).minimize(FunctionsGrad::rosenbrock, new double[] {-1.2, 1});
        assertEquals(0, none.steps());
        assertEquals(1, none.objectiveEvaluations());
        assertEquals(24.2, none.finalValue(), 1e-12);
    }

    @Test
    void aNonFiniteTrialPointIsTreatedAsTooFar() {
        int[] nonFinite = {0};
        Objective fencedBowl = (p, g) -> {
            if (p[0] >= 1.2) {
                nonFinite[0]++;
                g[0] += Double.NaN;
                return Double.NaN;
            }
            g[0] += 2 * (p[0] - 1);
            return (p[0] - 1) * (p[0] - 1);
        };
        OptimizationPath path = QUIET.minimize(fencedBowl, new double[] {0.5});

        assertEquals(StopReason.GRADIENT_TOLERANCE, path.stopReason());
        assertArrayEquals(new double[] {1}, path.finalPoint(), 1e-12);
        assertEquals(1, nonFinite[0], "the whole first step lands beyond the fence, at 1.5");
        assertEquals(3, path.objectiveEvaluations(), "start, 1.5, then the bisected step to 1");
    }

    @Test
    void aGradientThatIsNotTheObjectivesEndsWithoutProgress() {
        Objective wrongSign = (p, g) -> {
            g[0] -= 2 * p[0];
            return p[0] * p[0];
        };
        OptimizationPath path = QUIET.minimize(wrongSign, new double[] {1});
        assertEquals(StopReason.NO_PROGRESS, path.stopReason());
        assertEquals(0, path.steps());
        assertEquals(1 + WolfeLineSearch.MAX_EVALUATIONS, path.objectiveEvaluations());
    }

    @Test
    void nanAtTheStartOrEverywhereAlongTheLineIsReportedWithWhatToFix() {
        TrainingDivergedException atStart = assertThrows(TrainingDivergedException.class,
                () -> QUIET.minimize((p, g) -> Math.log(p[0] - 2), new double[] {1}));
        assertEquals("Minimization diverged at step 1: the loss is NaN and every gradient is finite. "
                + DivergenceGuard.CHECK_THE_OBJECTIVE, atStart.getMessage());
        assertEquals(-1, atStart.parameterIndex());

        Objective finiteOnlyAtTheStart = (p, g) -> {
            g[0] += 1;
            return p[0] == 0 ? 0 : Double.POSITIVE_INFINITY;
        };
        TrainingDivergedException nowhere = assertThrows(TrainingDivergedException.class,
                () -> QUIET.minimize(finiteOnlyAtTheStart, new double[] {0}));
        assertEquals("Minimization diverged at step 1: the value or the gradient was NaN or infinite at each of the "
                + WolfeLineSearch.MAX_EVALUATIONS + " points the line search tried from point 0. "
                + DivergenceGuard.CHECK_THE_OBJECTIVE, nowhere.getMessage());
    }

    @Test
    void badArgumentsAreNamed() {
        IllegalArgumentException shortStart = assertThrows(IllegalArgumentException.class,
                () -> QUIET.minimize(FunctionsGrad::himmelblau, new double[] {1}));
        assertTrue(shortStart.getMessage().startsWith("the objective indexed outside its arrays at the start point,"
                + " which has 1 parameters; give a start of the length the objective takes"), shortStart.getMessage());
        assertThrows(IllegalArgumentException.class, () -> QUIET.minimize(null, new double[] {1}));
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> QUIET.minimize(FunctionsGrad::himmelblau, new double[0]));
        assertEquals("start must hold at least one parameter, got none", empty.getMessage());
        assertEquals("memory must be at least 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> QUIET.withMemory(0)).getMessage());
        assertEquals("gradient tolerance must be finite and >= 0, got NaN",
                assertThrows(IllegalArgumentException.class, () -> QUIET.withGradientTolerance(Double.NaN))
                        .getMessage());
        assertEquals("maxIterations must be at least 0, got -1",
                assertThrows(IllegalArgumentException.class, () -> QUIET.withMaxIterations(-1)).getMessage());
    }

    private static double[] gradient(double[] point) {
        double[] gradient = new double[point.length];
        FunctionsGrad.rosenbrock(point, gradient);
        return gradient;
    }
}
