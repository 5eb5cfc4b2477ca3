package io.microautograd.processor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The vector-Jacobian products, Jacobian-vector products and Jacobians generated for methods with
 * outputs: each Jacobian column against central differences of the method's outputs, by rows
 * (polar, wide) and by columns (twoOutputs), each vector-Jacobian product with a random seed
 * against the seed times the Jacobian plus the value's adjoint times its gradient, each
 * Jacobian-vector product against the Jacobian times the direction and the value's tangent
 * against fTangent, and the arguments the methods leave alone or reject.
 */
class JacobianTest {

    private static final String MODEL = """
            package p;

            import io.microautograd.Differentiable;

            class Model {
                /** Reads an output it wrote, loops (a tape), and returns a value of its own. */
                @Differentiable(outputs = "r")
                static double polar(double radius, double[] angles, double scale, double[] r) {
                    r[0] = radius * Math.cos(angles[0]) * scale;
                    r[1] = radius * Math.sin(angles[0]) * Math.exp(angles[1]);
                    r[2] = r[0] * r[1];
                    double s = 0;
                    for (int i = 0; i < angles.length; i++) {
                        s = Math.sin(s + angles[i] * r[i % 2]);
                    }
                    r[3] = s;
                    return radius * scale * s;
                }

                /** Two outputs, a constant parameter, one element of an output written twice. */
                @Differentiable(wrt = "x", outputs = {"sums", "products"})
                static double twoOutputs(double[] x, double w, double[] sums, double[] products) {
                    double product = 1;
                    double sum = 0;
                    for (int i = 0; i < x.length; i++) {
                        sum += w * x[i];
                        product *= x[i];
                        sums[i] = sum;
                    }
                    products[0] = product;
                    products[0] = products[0] * sum;
                    return 0;
                }

                /** Two outputs, fewer rows than columns. */
                @Differentiable(outputs = {"first", "second"})
                static double wide(double[] x, double[] first, double[] second) {
                    first[0] = x[0] * x[1];
                    second[0] = Math.sin(x[2]) + x[3] * x[0];
                    return x[3];
                }

                /** A matrix input: products, but no Jacobian, whose columns would have no order to name. */
                @Differentiable(outputs = "r")
                static double ofAMatrix(double[][] m, double[] r) {
                    r[0] = m[0][0] * m[1][0];
                    return m[0][0];
                }

                /** A checkpointed loop writing an output at every step. */
                @Differentiable(outputs = "trajectory", checkpoints = 3)
                static double euler(double[] x, int steps, double[] trajectory) {
                    double s = x[0];
                    for (int t = 0; t < steps; t++) {
                        s = s + 0.1 * Math.sin(s * x[1]);
                        trajectory[t] = s;
                    }
                    return s;
                }

                @Differentiable
                static double scalar(double x) {
                    return x * x;
                }
            }
            """;

    private static final GeneratedCode CODE = GeneratedCode.compile("p.Model", MODEL);
    private static final double H = 1e-6;

    @Test
    void polarJacobianColumnsMatchCentralDifferences() {
        double[] x = {1.3, 0.4, -0.7, 0.9, 0.8};
        double[][] jacobian = new double[4][5];
        double[] out = {7, 7, 7, 7};
        double[] angles = Arrays.copyOfRange(x, 1, 4);
        CODE.call("p.ModelGrad", "polarJacobian", x[0], angles, x[4], out, jacobian);
        assertArrayEquals(new double[] {7, 7, 7, 7}, out, "the outputs are left as they were");
        assertArrayEquals(new double[] {0.4, -0.7, 0.9}, angles);
        for (int c = 0; c < 5; c++) {
            double[] up = polarOutputs(shifted(x, c, H));
            double[] down = polarOutputs(shifted(x, c, -H));
            for (int r = 0; r < 4; r++) {
                double expected = (up[r] - down[r]) / (2 * H);
                assertEquals(expected, jacobian[r][c], 1e-6 * (1 + Math.abs(expected)), "d r[" + r + "] / d x" + c);
            }
        }
    }

    @Test
    void polarProductWithARandomSeedIsTheSeedTimesTheJacobianPlusTheValuesGradient() {
        Random random = new Random(26);
        double[] x = {0.8, -1.1, 0.3, 0.5, 1.7};
        double[] angles = Arrays.copyOfRange(x, 1, 4);
        double[][] jacobian = new double[4][5];
        CODE.call("p.ModelGrad", "polarJacobian", x[0], angles, x[4], new double[4], jacobian);
        double[] valueGradient = new double[2];
        double[] dAngles = new double[3];
        CODE.call("p.ModelGrad", "polar", x[0], angles, x[4], new double[4], valueGradient, dAngles);
        for (int trial = 0; trial < 5; trial++) {
            double[] seed = random.doubles(4, -1, 1).toArray();
            double dValue = random.nextDouble() - 0.5;
            double[] gradient = {0.25, -0.5};
            double[] dA = {1, 2, 3};
            double[] out = new double[4];
            double value = (double) CODE.call("p.ModelGrad", "polarVjp", x[0], angles, x[4], out, dValue,
                    seed.clone(), gradient, dA);
            assertEquals(x[0] * x[4] * polarOutputs(x)[3], value, 1e-12);
            double[] expected = new double[5];
            for (int c = 0; c < 5; c++) {
                for (int r = 0; r < 4; r++) {
                    expected[c] += seed[r] * jacobian[r][c];
                }
            }
            double[] added = {gradient[0] - 0.25, dA[0] - 1, dA[1] - 2, dA[2] - 3, gradient[1] + 0.5};
            double[] valueTerms = {valueGradient[0], dAngles[0], dAngles[1], dAngles[2], valueGradient[1]};
            for (int c = 0; c < 5; c++) {
                assertEquals(expected[c] + dValue * valueTerms[c], added[c], 1e-12, "input " + c);
            }
            assertArrayEquals(new double[4], out, "the outputs are left as they were");
        }
    }

    @Test
    void checkpointedProductsAgreeWithTheJacobianByColumnsAndWithDifferences() {
        double[] x = {0.4, 2.5};
        int steps = 40;
        double[][] jacobian = new double[steps][2];
        CODE.call("p.ModelGrad", "eulerJacobian", x, steps, new double[steps], jacobian);
        for (int c = 0; c < 2; c++) {
            double[] up = eulerTrajectory(shifted(x, c, H), steps);
            double[] down = eulerTrajectory(shifted(x, c, -H), steps);
            for (int r = 0; r < steps; r++) {
                double expected = (up[r] - down[r]) / (2 * H);
                assertEquals(expected, jacobian[r][c], 1e-6 * (1 + Math.abs(expected)), "step " + r + ", x" + c);
            }
        }
        double[] seed = new Random(28).doubles(steps, -1, 1).toArray();
        double[] dX = new double[2];
        CODE.call("p.ModelGrad", "eulerVjp", x, steps, new double[steps], 0.0, seed, dX);
        for (int c = 0; c < 2; c++) {
            double expected = 0;
            for (int r = 0; r < steps; r++) {
                expected += seed[r] * jacobian[r][c];
            }
            assertEquals(expected, dX[c], 1e-12, "x" + c);
        }
    }

    private static double[] eulerTrajectory(double[] x, int steps) {
        double[] trajectory = new double[steps];
        CODE.call("p.Model", "euler", x, steps, trajectory);
        return trajectory;
    }

    @Test
    void productLeavesTheSeedAsItWas() {
        double[] seed = {1, -2, 0.5, 3};
        CODE.call("p.ModelGrad", "polarVjp", 0.5, new double[] {0.1, 0.2, 0.3}, 2.0, new double[4], 1.0, seed,
                new double[2], new double[3]);
        assertArrayEquals(new double[] {1, -2, 0.5, 3}, seed);
    }

    @Test
    void severalOutputsGiveRowsInTheirOrderAndConstantsNoColumn() {
        double[] x = {0.5, -2.0, 1.5};
        double w = 0.7;
        double[][] jacobian = new double[4][3];
        CODE.call("p.ModelGrad", "twoOutputsJacobian", x, w, new double[3], new double[1], jacobian);
        double sum = w * (x[0] + x[1] + x[2]);
        double product = x[0] * x[1] * x[2];
        double[][] expected = {
            {w, 0, 0},
            {w, w, 0},
            {w, w, w},
            {x[1] * x[2] * sum + product * w, x[0] * x[2] * sum + product * w, x[0] * x[1] * sum + product * w},
        };
        for (int r = 0; r < 4; r++) {
            assertArrayEquals(expected[r], jacobian[r], 1e-12, "row " + r);
        }
    }

    @Test
    void polarJacobianVectorProductIsTheJacobianTimesTheDirectionAndTheValuesTangent() {
        Random random = new Random(27);
        double[] angles = {0.2, -0.4, 0.6};
        double[][] jacobian = new double[4][5];
        CODE.call("p.ModelGrad", "polarJacobian", 1.1, angles, 0.9, new double[4], jacobian);
        for (int trial = 0; trial < 5; trial++) {
            double[] t = random.doubles(5, -1, 1).toArray();
            double[] tAngles = {t[1], t[2], t[3]};
            double[] tR = {9, 9, 9, 9};
            double[] out = new double[4];
            double valueTangent = (double) CODE.call("p.ModelGrad", "polarJvp", 1.1, angles, 0.9, out, t[0], tAngles,
                    t[4], tR);
            assertEquals((double) CODE.call("p.ModelGrad", "polarTangent", 1.1, angles, 0.9, out, t[0], tAngles, t[4]),
                    valueTangent, 1e-15);
            for (int r = 0; r < 4; r++) {
                double expected = 0;
                for (int c = 0; c < 5; c++) {
                    expected += jacobian[r][c] * t[c];
                }
                assertEquals(expected, tR[r], 1e-12, "row " + r);
            }
            assertArrayEquals(new double[4], out, "the outputs are left as they were");
        }
    }

    @Test
    void severalOutputsWithFewerRowsThanColumnsGiveRowsInTheirOrder() {
        double[] x = {0.5, -2.0, 1.5, 0.25};
        double[][] jacobian = new double[2][4];
        CODE.call("p.ModelGrad", "wideJacobian", x, new double[1], new double[1], jacobian);
        assertArrayEquals(new double[] {x[1], x[0], 0, 0}, jacobian[0], 1e-15);
        assertArrayEquals(new double[] {x[3], 0, Math.cos(x[2]), x[0]}, jacobian[1], 1e-15);
    }

    @Test
    void anOutputsTangentSharingAnotherArgumentIsRejected() {
        double[] angles = {0.1, 0.2, 0.3, 0.4};
        AssertionError error = assertThrows(AssertionError.class, () -> CODE.call("p.ModelGrad", "polarJvp", 1.0,
                angles, 2.0, new double[4], 1.0, new double[4], 0.0, angles));
        assertEquals("dR and angles are the same array: the outputs' tangents must be arrays of their own",
                error.getCause().getMessage());
    }

    @Test
    void aJacobianOfAnotherShapeOrSharingAParameterIsRejected() {
        double[] angles = {0.1, 0.2, 0.3};
        AssertionError error = assertThrows(AssertionError.class, () -> CODE.call("p.ModelGrad", "polarJacobian",
                1.0, angles, 2.0, new double[4], new double[3][5]));
        assertEquals("jacobian has 3 rows; it must have one per element of r: 4", error.getCause().getMessage());
        error = assertThrows(AssertionError.class, () -> CODE.call("p.ModelGrad", "polarJacobian", 1.0, angles,
                2.0, new double[4], new double[][] {new double[5], new double[5], new double[4], new double[5]}));
        assertEquals("jacobian[2] has length 4; it must have one entry per input, 5, the values of radius, angles,"
                + " scale", error.getCause().getMessage());
        // With two angles there are four columns, the length of the output r, which is row 2.
        double[] r = new double[4];
        double[][] sharing = {new double[4], new double[4], r, new double[4]};
        error = assertThrows(AssertionError.class, () -> CODE.call("p.ModelGrad", "polarJacobian", 1.0,
                new double[] {0.1, 0.2}, 2.0, r, sharing));
        assertEquals("r is row 2 of jacobian: the Jacobian must be filled into arrays of its own",
                error.getCause().getMessage());
        error = assertThrows(AssertionError.class, () -> CODE.call("p.ModelGrad", "polarVjp", 1.0, angles, 2.0,
                new double[4], 1.0, new double[3], new double[2], new double[3]));
        assertEquals("dR must have length 4 (the length of r) but has length 3", error.getCause().getMessage());
    }

    @Test
    void anOutputIsNotDifferentiatedByTheOtherMethods() {
        Object result = CODE.call("p.ModelGrad", "polar", 0.5, new double[] {0.1, 0.2, 0.3}, 2.0, new double[4]);
        assertFalse(Arrays.stream(result.getClass().getRecordComponents()).anyMatch(c -> c.getName().equals("r")));
    }

    @Test
    void onlyMethodsWithOutputsGetProductsAndOnlyThoseWithoutMatrixInputsAJacobian() throws Exception {
        Set<String> generated = Arrays.stream(Class.forName("p.ModelGrad", true, CODE.loader()).getMethods())
                .map(Method::getName).collect(Collectors.toSet());
        assertTrue(generated.containsAll(List.of("polarVjp", "polarJvp", "polarJacobian", "ofAMatrixVjp",
                "ofAMatrixJvp")), generated.toString());
        assertFalse(generated.contains("ofAMatrixJacobian"));
        assertFalse(generated.stream().anyMatch(name -> name.startsWith("scalar") && !name.equals("scalar")
                && !name.equals("scalarPullback") && !name.equals("scalarTangent")), generated.toString());
        double[][] dM = {new double[1], new double[1]};
        CODE.call("p.ModelGrad", "ofAMatrixVjp", new double[][] {{2}, {3}}, new double[1], 1.0, new double[] {10},
                dM);
        assertArrayEquals(new double[] {1 + 10 * 3}, dM[0]);
        assertArrayEquals(new double[] {10 * 2}, dM[1]);
    }

    private static double[] shifted(double[] x, int c, double by) {
        double[] y = x.clone();
        y[c] += by;
        return y;
    }

    private static double[] polarOutputs(double[] x) {
        double[] r = new double[4];
        CODE.call("p.Model", "polar", x[0], Arrays.copyOfRange(x, 1, 4), x[4], r);
        return r;
    }
}
