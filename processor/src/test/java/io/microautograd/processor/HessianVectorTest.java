package io.microautograd.processor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.JavaFileObjects;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What is particular to the generated Hessian-vector products beyond agreeing with differences of
 * the gradient, which every function of the second-order tests checks ({@link HessianVectorCheck}).
 */
class HessianVectorTest {

    private static final String MODEL = """
            package p;

            import io.microautograd.Differentiable;

            class Model {
                /** The shape of the runtime's HessianVectorObjective. */
                interface HessianVectorObjective {
                    double valueGradientAndHessianVector(double[] params, double[] direction, double[] gradient,
                            double[] hessianVector);
                }

                static final HessianVectorObjective ROSENBROCK = ModelGrad::rosenbrockNHvp;

                @Differentiable(order = 2)
                static double rosenbrockN(double[] x) {
                    double sum = 0;
                    for (int i = 0; i < x.length - 1; i++) {
                        double a = 1 - x[i];
                        double b = x[i + 1] - x[i] * x[i];
                        sum += a * a + 100 * b * b;
                    }
                    return sum;
                }

                @Differentiable(order = 2)
                static double product(double x, double y) {
                    return Math.exp(x * y) + x * x * x;
                }

                @Differentiable(order = 2, checkpoints = 3)
                static double checkpointed(double[] x, int steps) {
                    double s = 0.5;
                    for (int t = 0; t < steps; t++) {
                        s = Math.sin(s + x[t % x.length]) * 1.1;
                    }
                    return s * s;
                }

                @Differentiable(order = 2)
                static double scaledSquares(double[] x) {
                    double s = 0;
                    for (int i = 0; i < x.length; i++) {
                        s += x[i] * x[i];
                    }
                    return s * x[0];
                }

                @Differentiable
                static double firstOrder(double x) {
                    return x * x;
                }
            }
            """;

    private static final GeneratedCode CODE = GeneratedCode.compile("p.Model", MODEL);

    @Test
    void aOneArrayMethodsProductFitsTheHessianVectorObjectiveByMethodReference() throws Exception {
        Class<?> model = Class.forName("p.Model", true, CODE.loader());
        java.lang.reflect.Field field = model.getDeclaredField("ROSENBROCK");
        field.setAccessible(true);
        Object objective = field.get(null);
        Method call = objective.getClass().getInterfaces()[0].getMethod("valueGradientAndHessianVector",
                double[].class, double[].class, double[].class, double[].class);
        call.setAccessible(true);
        double[] x = {-1.2, 1.0};
        double[] gradient = new double[2];
        double[] product = new double[2];
        double value = (double) call.invoke(objective, x, new double[] {1, 0}, gradient, product);
        assertEquals(24.2, value, 1e-12);
        // f = (1 - x)^2 + 100 (y - x^2)^2: f_xx = 2 - 400 (y - x^2) + 800 x^2, f_xy = -400 x.
        assertArrayEquals(new double[] {2 - 400 * (1.0 - 1.44) + 800 * 1.44, 480.0}, product, 1e-9);
        Object result = CODE.call("p.ModelGrad", "rosenbrockN", (Object) x.clone());
        assertArrayEquals((double[]) GeneratedCode.component(result, "x"), gradient);
    }

    @Test
    void thePullbacksTangentScalesByDValueAndAddsTheGradientTimesItsTangent() {
        double[] gradient = new double[2];
        double[] product = new double[2];
        CODE.call("p.ModelGrad", "productHvp", 0.3, -0.7, 0.25, 2.0, gradient, product);
        double[] scaled = new double[2];
        double[] tangentOfScaled = {10, 10};
        double value = (double) CODE.call("p.ModelGrad", "productPullbackTangent", 0.3, -0.7, -2.0, scaled, 0.25, 2.0,
                3.0, tangentOfScaled);
        assertEquals(Math.exp(0.3 * -0.7) + 0.3 * 0.3 * 0.3, value, 1e-15);
        for (int i = 0; i < 2; i++) {
            assertEquals(-2.0 * gradient[i], scaled[i], 1e-12);
            assertEquals(10 + -2.0 * product[i] + 3.0 * gradient[i], tangentOfScaled[i], 1e-12);
        }
    }

    @Test
    void theHessianOfScalarParametersIsTheMatrixOfSecondPartials() {
        double x = 0.3;
        double y = -0.7;
        double e = Math.exp(x * y);
        double[][] hessian = (double[][]) CODE.call("p.ModelGrad", "productHessian", x, y);
        assertArrayEquals(new double[] {y * y * e + 6 * x, e * (1 + x * y)}, hessian[0], 1e-12);
        assertArrayEquals(new double[] {e * (1 + x * y), x * x * e}, hessian[1], 1e-12);
    }

    @Test
    void theHessianOfAnArrayParameterIsSymmetricAndTridiagonalForRosenbrock() {
        double[] x = RandomArrays.vector(4, 6);
        double[][] hessian = (double[][]) CODE.call("p.ModelGrad", "rosenbrockNHessian", (Object) x);
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x.length; j++) {
                assertEquals(hessian[j][i], hessian[i][j]);
                if (Math.abs(i - j) > 1) {
                    assertEquals(0.0, hessian[i][j]);
                }
            }
        }
        HessianVectorCheck.checkHessian(CODE, "p.Model", "rosenbrockN", new Object[] {x}, new int[] {0});
    }

    @Test
    void aCheckpointedLoopIsTapedInTheProductAndAgreesWithTheCheckpointedGradient() {
        for (int steps : new int[] {0, 1, 7, 40}) {
            HessianVectorCheck.check(CODE, "p.Model", "checkpointed", new Object[] {RandomArrays.vector(3, 5), steps},
                    new int[] {0});
        }
    }

    /** At x[0] = 0 the loop's incoming adjoint is 0, so the gradient skips its reversal, but its tangent is not 0. */
    @Test
    void aLoopReversalSkippedForAZeroAdjointStillRunsForANonzeroTangent() {
        HessianVectorCheck.check(CODE, "p.Model", "scaledSquares", new Object[] {new double[] {0.0, 0.5, -0.3}},
                new int[] {0});
    }

    @Test
    void aCallOfAMethodCompiledEarlierGoesThroughItsPullbackTangent(@TempDir Path classes) {
        GeneratedCode library = GeneratedCode.compile("lib.W", """
                package lib;

                import io.microautograd.Differentiable;

                public final class W {
                    @Differentiable(order = 2)
                    public static double cube(double x) {
                        return x * x * x;
                    }
                }
                """);
        GeneratedCode app = library.compileAfter(classes, JavaFileObjects.forSourceString("app.A", """
                package app;

                import io.microautograd.Differentiable;
                import lib.W;

                public final class A {
                    @Differentiable(order = 2)
                    public static double f(double x, double y) {
                        return W.cube(x * y) + x;
                    }
                }
                """));
        HessianVectorCheck.check(app, "app.A", "f", new Object[] {0.7, -1.3}, new int[] {0, 1});
    }

    @Test
    void directionsAndProductsOfTheWrongShapeAreRejected() {
        AssertionError error = assertThrows(AssertionError.class, () -> CODE.call("p.ModelGrad", "rosenbrockNHvp",
                new double[3], new double[2], new double[3], new double[3]));
        assertEquals("vX must have length 3 (the length of x) but has length 2", error.getCause().getMessage());
        error = assertThrows(AssertionError.class, () -> CODE.call("p.ModelGrad", "productHvp", 0.1, 0.2, 1.0, 0.0,
                new double[2], new double[1]));
        assertEquals("hessianVector must have length 2 (one slot per differentiated scalar: x, y) but has length 1",
                error.getCause().getMessage());
    }

    @Test
    void onlyMethodsOfOrderTwoGetSecondOrderMethods() throws Exception {
        Class<?> generated = Class.forName("p.ModelGrad", true, CODE.loader());
        assertTrue(Arrays.stream(generated.getMethods()).anyMatch(m -> m.getName().equals("productHvp")));
        assertFalse(Arrays.stream(generated.getMethods()).anyMatch(m -> m.getName().startsWith("firstOrderHvp")
                || m.getName().equals("firstOrderPullbackTangent")));
    }
}
