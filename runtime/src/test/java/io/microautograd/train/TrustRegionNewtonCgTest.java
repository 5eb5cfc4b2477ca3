package io.microautograd.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.microautograd.optim.HessianVectorObjective;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Trust-region Newton-CG: convergence, the trust region's response to curvature, and bad input. */
class TrustRegionNewtonCgTest {

    private static final TrustRegionNewtonCg QUIET = TrustRegionNewtonCg.standard().quiet(true);

    @Test
    void theHandWrittenRosenbrockProductMatchesDifferencesOfTheCompiledGradient() {
        HessianVectorObjective differences = HessianVectorObjective.byFiniteDifferences(FunctionsGrad::rosenbrock);
        double[] point = Rosenbrock.standardStart(6);
        point[3] = 0.3;
        double[] direction = {0.5, -1, 2, 0.25, -0.75, 1};
        double[] exact = new double[6];
        double[] approximate = new double[6];
        Rosenbrock.valueGradientAndHessianVector(point, direction, new double[6], exact);
        differences.valueGradientAndHessianVector(point, direction, new double[6], approximate);
        assertArrayEquals(exact, approximate, 1e-6 * Vectors.norm(exact));
    }

    @Test
    void theGeneratedProductIsTheHandWrittenOne() {
        double[] point = Rosenbrock.standardStart(6);
        point[3] = 0.3;
        double[] direction = {0.5, -1, 2, 0.25, -0.75, 1};
        double[] handWritten = new double[6];
        double[] generated = new double[6];
        double[] gradient = new double[6];
        double[] compiledGradient = new double[6];
        Rosenbrock.valueGradientAndHessianVector(point, direction, new double[6], handWritten);
        double value = FunctionsGrad.rosenbrockHvp(point, direction, gradient, generated);
        assertEquals(FunctionsGrad.rosenbrock(point, compiledGradient), value);
        assertArrayEquals(compiledGradient, gradient);
        assertArrayEquals(handWritten, generated, 1e-12 * Vectors.norm(handWritten));
    }

    @Test
    void minimisesHundredDimensionalRosenbrockToGradientNormBelow1e8() {
        double[] start = Rosenbrock.standardStart(100);
        double[] ones = new double[100];
        Arrays.fill(ones, 1);
        TrustRegionNewtonCg newton = QUIET.withGradientTolerance(1e-8);
        for (HessianVectorObjective rosenbrock : List.<HessianVectorObjective>of(
                Rosenbrock::valueGradientAndHessianVector,
                FunctionsGrad::rosenbrockHvp,
                HessianVectorObjective.byFiniteDifferences(FunctionsGrad::rosenbrock))) {
            OptimizationPath path = newton.minimize(rosenbrock, start);

            assertEquals(StopReason.GRADIENT_TOLERANCE, path.stopReason(), path.toString());
            assertTrue(path.finalGradientNorm() < 1e-8, path.toString());
            assertArrayEquals(ones, path.finalPoint(), 1e-8);
            assertTrue(path.hessianVectorProducts() >= path.steps(), path.toString());
            for (int k = 1; k <= path.steps(); k++) {
                assertTrue(path.value(k) < path.value(k - 1), "every kept step lowers the value");
            }
        }
        assertArrayEquals(Rosenbrock.standardStart(100), start, "the start is left alone");
    }

    /** f = sum of curvature[i] (p[i] - target[i])^2 / 2, whose Hessian is diag(curvature). */
    private static HessianVectorObjective quadratic(double[] curvature, double[] target) {
        return (p, v, g, hv) -> {
            double value = 0;
            for (int i = 0; i < p.length; i++) {
                double d = p[i] - target[i];
                value += curvature[i] * d * d / 2;
                g[i] += curvature[i] * d;
                hv[i] += curvature[i] * v[i];
            }
            return value;
        };
    }

    @Test
    void aQuadraticIsSolvedExactlyByOneStepWhoseConjugateGradientsRunToTheEnd() {
        double[] target = {1, -2, 0.5};
        OptimizationPath path = QUIET.withInitialRadius(100).withGradientTolerance(1e-12)
                .minimize(quadratic(new double[] {1, 100, 100}, target), new double[] {11, -1.9, 0.5});

        assertEquals(1, path.steps(), "the gradient (10, 10, 0) leaves half its norm after one CG iteration");
        assertEquals(2, path.hessianVectorProducts(), "one CG iteration per distinct curvature");
        assertArrayEquals(target, path.finalPoint(), 1e-14);
        assertEquals(StopReason.GRADIENT_TOLERANCE, path.stopReason());
    }

    @Test
    void onAQuadraticEachStepCutsTheGradientByTheForcingTerm() {
        double[] target = {1, -2, 0.5};
        OptimizationPath path = QUIET.withInitialRadius(100).withGradientTolerance(1e-12)
                .minimize(quadratic(new double[] {1, 4, 9}, target), new double[] {3, 3, 3});

        assertArrayEquals(target, path.finalPoint(), 1e-12);
        assertTrue(path.steps() <= 8, path.toString());
        for (int k = 1; k <= path.steps(); k++) {
            double before = path.gradientNorm(k - 1);
            assertTrue(path.gradientNorm(k) < Math.min(0.5, Math.sqrt(before)) * before,
                    "the new gradient is CG's residual, cut to min(0.5, sqrt|g|) |g| at step " + k);
        }
    }

    @Test
    void negativeCurvatureStepsToTheBoundaryAndTheRegionShrinksUntilTheModelIsTrusted() {
        List<Double> tried = new ArrayList<>();
        HessianVectorObjective doubleWell = (p, v, g, hv) -> {
            double x = p[0];
            g[0] += x * x * x - x;
            hv[0] += (3 * x * x - 1) * v[0];
            return x * x * x * x / 4 - x * x / 2;
        };
        HessianVectorObjective recorded = (p, v, g, hv) -> {
            if (v[0] == 0) {
                tried.add(p[0]);
            }
            return doubleWell.valueGradientAndHessianVector(p, v, g, hv);
        };
        OptimizationPath path = QUIET.withInitialRadius(10).minimize(recorded, new double[] {0.1});

        assertEquals(0.1 + 10, tried.get(1), 1e-12, "H < 0 at 0.1: the step goes to the boundary, radius 10");
        assertEquals(0.1 + 2.5, tried.get(2), 1e-12, "rejected: a quarter of the step");
        assertEquals(0.1 + 0.625, tried.get(3), 1e-12, "rejected again: a quarter again, and kept");
        assertEquals(0.1 + 0.625, path.point(1)[0], 1e-12);
        assertArrayEquals(new double[] {1}, path.finalPoint(), 1e-5, "the minimum on the side it went");
    }

    @Test
    void nanIsReportedWithWhatToFix() {
        HessianVectorObjective nanProduct = (p, v, g, hv) -> {
            g[0] += 2 * p[0];
            hv[0] += v[0] == 0 ? 0 : Double.NaN;
            return p[0] * p[0];
        };
        TrainingDivergedException product = assertThrows(TrainingDivergedException.class,
                () -> QUIET.minimize(nanProduct, new double[] {1}));
        assertEquals("Minimization diverged at step 1: component 0 of a Hessian-vector product at point 0 is NaN. "
                + DivergenceGuard.CHECK_THE_OBJECTIVE, product.getMessage());
        assertEquals(0, product.parameterIndex());

        HessianVectorObjective finiteOnlyAtTheStart = (p, v, g, hv) -> {
            g[0] += 1;
            hv[0] += v[0];
            return p[0] == 0 ? 0 : Double.NaN;
        };
        TrainingDivergedException nowhere = assertThrows(TrainingDivergedException.class,
                () -> QUIET.minimize(finiteOnlyAtTheStart, new double[] {0}));
        assertTrue(nowhere.getMessage().startsWith("Minimization diverged at step 1: the value or the gradient was NaN"
                + " or infinite at each of the "), nowhere.getMessage());
        assertTrue(nowhere.getMessage().endsWith(" points the trust region tried from point 0. "
                + DivergenceGuard.CHECK_THE_OBJECTIVE), nowhere.getMessage());

        TrainingDivergedException atStart = assertThrows(TrainingDivergedException.class,
                () -> QUIET.minimize((p, v, g, hv) -> Double.POSITIVE_INFINITY, new double[] {0}));
        assertEquals("Minimization diverged at step 1: the loss is Infinity and every gradient is finite. "
                + DivergenceGuard.CHECK_THE_OBJECTIVE, atStart.getMessage());
    }

    @Test
    void badArgumentsAreNamed() {
        IllegalArgumentException shortStart = assertThrows(IllegalArgumentException.class,
                () -> QUIET.minimize(Rosenbrock::valueGradientAndHessianVector, new double[0]));
        assertEquals("start must hold at least one parameter, got none", shortStart.getMessage());
        IllegalArgumentException wrongLength = assertThrows(IllegalArgumentException.class,
                () -> QUIET.minimize(HessianVectorObjective.byFiniteDifferences(FunctionsGrad::himmelblau),
                        new double[] {1}));
        assertTrue(wrongLength.getMessage().startsWith("the objective indexed outside its arrays at the start point"),
                wrongLength.getMessage());
        assertThrows(IllegalArgumentException.class, () -> QUIET.minimize(null, new double[] {1}));
        assertEquals("initial radius (10.0) must not exceed max radius (5.0)",
                assertThrows(IllegalArgumentException.class, () -> QUIET.withMaxRadius(5).withInitialRadius(10))
                        .getMessage());
        assertEquals("initial radius must be finite and > 0, got 0.0",
                assertThrows(IllegalArgumentException.class, () -> QUIET.withInitialRadius(0)).getMessage());
        assertEquals("max radius must be finite and > 0, got Infinity",
                assertThrows(IllegalArgumentException.class,
                        () -> QUIET.withMaxRadius(Double.POSITIVE_INFINITY)).getMessage());
        assertEquals("gradient tolerance must be finite and >= 0, got -1.0",
                assertThrows(IllegalArgumentException.class, () -> QUIET.withGradientTolerance(-1)).getMessage());
    }
}
