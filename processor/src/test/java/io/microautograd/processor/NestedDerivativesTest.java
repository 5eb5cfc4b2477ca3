package io.microautograd.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.nio.file.Path;
import java.util.List;
import java.util.function.ToDoubleFunction;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Calls of a generated derivative inside a {@code @Differentiable} method, nested derivatives:
 * the caller's gradient and tangent go through the callee's second-order code.
 */
class NestedDerivativesTest {

    private static final String MODEL = """
            package p;

            import io.microautograd.Differentiable;

            class Nested {
                @Differentiable(order = 2)
                static double potential(double x0, double x1, double w) {
                    return 1 / Math.hypot(x0 - 10, x1 - 10 + w) + Math.exp(0.1 * x0 * x1);
                }

                @Differentiable
                static double flow(double w, int steps) {
                    double x0 = 0.5;
                    double x1 = 0.25;
                    for (int i = 0; i < steps; i++) {
                        double g0 = NestedGrad.potentialTangent(x0, x1, w, 1.0, 0.0, 0.0);
                        double g1 = NestedGrad.potentialTangent(x0, x1, w, 0.0, 1.0, 0.0);
                        x0 = x0 - 0.1 * g0;
                        x1 = x1 - 0.1 * g1;
                    }
                    return x0 * x0 + x1;
                }

                @Differentiable
                static double descent(double w, int steps) {
                    double[] gradient = new double[3];
                    double x0 = 0.5;
                    double x1 = 0.25;
                    for (int i = 0; i < steps; i++) {
                        gradient[0] = 0;
                        gradient[1] = 0;
                        NestedGrad.potential(x0, x1, w, gradient);
                        x0 = x0 - 0.1 * gradient[0];
                        x1 = x1 - 0.1 * gradient[1];
                    }
                    return x0 * x0 + x1 + gradient[2];
                }

                @Differentiable
                static double storageOfLength(double w, int slots) {
                    double[] gradient = new double[slots];
                    NestedGrad.potential(0.5, 0.25, w, gradient);
                    return gradient[0] * w;
                }

                @Differentiable(order = 2)
                static double energy(double[] x, double s) {
                    double sum = 0;
                    for (int i = 0; i < x.length; i++) {
                        sum += Math.sin(s * x[i]) * x[i];
                    }
                    return sum * sum;
                }

                @Differentiable
                static double slope(double[] x, double s, double[] v) {
                    double t = NestedGrad.energyTangent(x, s, v, 0.5);
                    return t * t + NestedGrad.energyTangent(x, s, x, s);
                }
            }
            """;

    private static final GeneratedCode CODE = GeneratedCode.compile("p.Nested", MODEL);

    @Test
    void aGradientThroughTangentCallsInALoopMatchesCentralDifferences() {
        ToDoubleFunction<double[]> flow = w -> (double) CODE.call("p.Nested", "flow", w[0], 5);
        for (double w : new double[] {0.3, -1.2, 2.5}) {
            Object result = CODE.call("p.NestedGrad", "flow", w, 5);
            assertEquals(flow.applyAsDouble(new double[] {w}), GeneratedCode.component(result, "value"));
            FiniteDifferences.assertPartial("d flow / d w at " + w, (double) GeneratedCode.component(result, "w"),
                    flow, new double[] {w}, 0);
            FiniteDifferences.assertPartial("flow's tangent at " + w, (double) CODE.call("p.NestedGrad",
                    "flowTangent", w, 5, 1.0), flow, new double[] {w}, 0);
        }
    }

    @Test
    void aGradientAddedIntoALocalArrayInALoopIsDifferentiatedThroughTheSecondDerivatives() {
        ToDoubleFunction<double[]> descent = w -> (double) CODE.call("p.Nested", "descent", w[0], 5);
        for (double w : new double[] {0.3, -1.2, 2.5}) {
            Object result = CODE.call("p.NestedGrad", "descent", w, 5);
            assertEquals(descent.applyAsDouble(new double[] {w}), (double) GeneratedCode.component(result, "value"),
                    1e-15);
            FiniteDifferences.assertPartial("d descent / d w at " + w, (double) GeneratedCode.component(result, "w"),
                    descent, new double[] {w}, 0);
            FiniteDifferences.assertPartial("descent's tangent at " + w, (double) CODE.call("p.NestedGrad",
                    "descentTangent", w, 5, 1.0), descent, new double[] {w}, 0);
        }
    }

    @Test
    void arrayParametersAndDirectionsGetTheirPartialsAlsoWhereOneArrayIsBoth() {
        double[] x = {0.4, -0.9, 1.3};
        double s = 0.7;
        double[] v = {0.2, 0.5, -1.1};
        double[] all = {x[0], x[1], x[2], s, v[0], v[1], v[2]};
        ToDoubleFunction<double[]> slope = a -> (double) CODE.call("p.Nested", "slope",
                new double[] {a[0], a[1], a[2]}, a[3], new double[] {a[4], a[5], a[6]});
        Object result = CODE.call("p.NestedGrad", "slope", x.clone(), s, v.clone());
        double[] dX = (double[]) GeneratedCode.component(result, "x");
        double[] dV = (double[]) GeneratedCode.component(result, "v");
        double[] gradient = {dX[0], dX[1], dX[2], (double) GeneratedCode.component(result, "s"), dV[0], dV[1], dV[2]};
        for (int i = 0; i < all.length; i++) {
            FiniteDifferences.assertPartial("d slope / d input " + i, gradient[i], slope, all, i);
        }
        double[] direction = {0.3, -0.2, 0.6, 1.1, -0.4, 0.8, 0.1};
        double tangent = (double) CODE.call("p.NestedGrad", "slopeTangent", x.clone(), s, v.clone(),
                new double[] {direction[0], direction[1], direction[2]}, direction[3],
                new double[] {direction[4], direction[5], direction[6]});
        double dot = 0;
        for (int i = 0; i < all.length; i++) {
            dot += gradient[i] * direction[i];
        }
        assertEquals(dot, tangent, 1e-9 * Math.max(1, Math.abs(dot)));
    }

    /**
     * A class with {@code potential} and {@code norm} of order 2, {@code firstOrder} of order 1, and
     * then {@code caller}.
     */
    private static JavaFileObject withCaller(String annotation, String body) {
        return JavaFileObjects.forSourceString("p.Model", """
                package p;

                import io.microautograd.Differentiable;

                class Model {
                    @Differentiable(order = 2)
                    static double potential(double x0, double x1) {
                        return x0 * x0 * x1;
                    }

                    @Differentiable
                    static double firstOrder(double x0, double x1) {
                        return x0 * x1;
                    }

                    @Differentiable(order = 2)
                    static double norm(double[] v) {
                        return Math.sqrt(v[0] * v[0] + v[1] * v[1]);
                    }

                    %s
                    static double caller(double x, double[] given) {
                        %s
                    }
                }
                """.formatted(annotation, body));
    }

    /** The line of {@code caller}'s body in {@link #withCaller}. */
    private static final int CALLER_BODY = 23;

    @Test
    void aNestedGradientsStorageOfAnotherLengthThrowsAsTheGradientMethodDoes() {
        for (int slots : new int[] {2, 4}) {
            Throwable expected = thrownBy("p.Nested", "storageOfLength", 0.3, slots);
            assertEquals(IllegalArgumentException.class, expected.getClass());
            assertEquals("gradient must have length 3 (one slot per differentiated scalar: x0, x1, w) but has length "
                    + slots, expected.getMessage());
            for (Throwable generated : List.of(thrownBy("p.NestedGrad", "storageOfLength", 0.3, slots),
                    thrownBy("p.NestedGrad", "storageOfLengthTangent", 0.3, slots, 1.0))) {
                assertEquals(expected.getClass(), generated.getClass());
                assertEquals(expected.getMessage(), generated.getMessage());
            }
        }
        Object result = CODE.call("p.NestedGrad", "storageOfLength", 0.3, 3);
        assertEquals((double) CODE.call("p.Nested", "storageOfLength", 0.3, 3),
                (double) GeneratedCode.component(result, "value"), 1e-15);
    }

    /** The exception the call throws, unwrapped from the reflective call. */
    private static Throwable thrownBy(String className, String method, Object... arguments) {
        AssertionError error = assertThrows(AssertionError.class, () -> CODE.call(className, method, arguments));
        return error.getCause();
    }

    @Test
    void theTangentOfAFirstOrderMethodIsRefusedAtTheCall() {
        DiagnosticsTest.assertOnlyError(withCaller("@Differentiable",
                "return ModelGrad.firstOrderTangent(x, 2.0, 1.0, 0.0);"),
                "[MicroAutograd:SecondOrder] call of ModelGrad.firstOrderTangent, the tangent of firstOrder, which "
                        + "has no second-order methods; the derivatives of a method calling it are one call of "
                        + "firstOrder's Hessian-vector product code: give firstOrder @Differentiable(order = 2)",
                CALLER_BODY, 43);
    }

    @Test
    void aNestedDerivativeInAMethodOfOrderTwoIsRefusedAsAThirdDerivative() {
        DiagnosticsTest.assertOnlyError(withCaller("@Differentiable(order = 2)",
                "return ModelGrad.potentialTangent(x, 2.0, 1.0, 0.0);"),
                "[MicroAutograd:SecondOrder] call of ModelGrad.potentialTangent, a derivative of potential, from a "
                        + "method of order 2, whose second derivatives would be third derivatives of potential, which "
                        + "are not generated; use order = 1 for the calling method", CALLER_BODY, 42);
    }

    @Test
    void aNestedGradientAsAValueIsRefusedWithTheStatementToWriteInstead() {
        DiagnosticsTest.assertOnlyError(withCaller("@Differentiable", "double[] gradient = new double[2];\n"
                + "        return ModelGrad.potential(x, 2.0, gradient);"),
                "[MicroAutograd:UnsupportedCall] call of ModelGrad.potential, a gradient adding into storage, as a "
                        + "value; call it as a statement, as in ModelGrad.potential(x, gradient);, and read the "
                        + "partials from the storage", CALLER_BODY + 1, 35);
    }

    @Test
    void aNestedGradientIntoAParametersArrayIsRefusedAtTheArray() {
        DiagnosticsTest.assertOnlyError(withCaller("@Differentiable",
                "ModelGrad.potential(x, 2.0, given);\n        return given[0];"),
                "[MicroAutograd:UnsupportedCall] the gradient's storage given is not a local double[]; a nested "
                        + "gradient adds into an array of the method's own, as in double[] gradient = new double[n], "
                        + "since the derivatives of the method do not follow writes into a parameter's array",
                CALLER_BODY, 37);
    }

    @Test
    void aNestedGradientWithArrayPartialsIsRefusedWithTheTangentToCallInstead() {
        DiagnosticsTest.assertOnlyError(withCaller("@Differentiable", "double[] gradient = new double[2];\n"
                + "        ModelGrad.norm(given, gradient);\n        return gradient[0];"),
                "[MicroAutograd:UnsupportedCall] call of ModelGrad.norm, the gradient of norm, which differentiates "
                        + "an array parameter; a nested gradient may have only scalar partials: take those of an "
                        + "array's elements as tangents, normTangent along unit directions", CALLER_BODY + 1, 23);
    }

    @Test
    void anotherGeneratedMethodIsRefusedWithWhatMayBeCalled() {
        DiagnosticsTest.assertOnlyError(withCaller("@Differentiable", "double[] hessianVector = new double[2];\n"
                + "        return ModelGrad.potentialPullback(x, 2.0, 1.0, hessianVector);"),
                "[MicroAutograd:UnsupportedCall] call of ModelGrad.potentialPullback with 4 arguments; of a generated "
                        + "class, a @Differentiable method may call fTangent of a method f of order 2 (its parameters, "
                        + "then a direction for each differentiated parameter) and, as a statement, f adding its "
                        + "gradient into a local array (its parameters, then the array), which it differentiates "
                        + "through f's second derivatives", CALLER_BODY + 1, 43);
    }

    @Test
    void aNestedDerivativeOfAMethodWithErrorsNamesThatMethod() {
        JavaFileObject file = JavaFileObjects.forSourceString("p.Model", """
                package p;

                import io.microautograd.Differentiable;

                class Model {
                    @Differentiable(order = 2)
                    static double broken(double x) {
                        return new double[] {x}.length;
                    }

                    @Differentiable
                    static double caller(double x) {
                        return ModelGrad.brokenTangent(x, 1.0);
                    }
                }
                """);
        Compilation compilation = GeneratedCode.javac().compile(file);
        assertThat(compilation).hadErrorContaining("[MicroAutograd:UnsupportedCall] call of broken, which could not be "
                + "differentiated (see its errors); fix broken first").inFile(file).onLine(13).atColumn(39);
    }

    @Test
    void aCallerOfATangentHasNoValueTwinAndItsClassSaysWhy() {
        GeneratedCode code = GeneratedCode.compile(ValueTwinCheck.withEngine(JavaFileObjects.forSourceString("p.Nested",
                MODEL)));
        assertEquals(List.of("energy", "potential"), ValueTwinTest.twins(code, "p.NestedValues"));
        String source = ValueTwinTest.source(code.compilation(), "p.NestedValues");
        assertTrue(source.contains(" * <li>{@code descent}: it calls potentialPartial, a generated derivative"),
                source);
        assertTrue(source.contains(" * <li>{@code flow}: it calls potentialTangent, a generated derivative, which takes"
                + " numbers: the engine's nodes carry no second derivatives through it</li>\n"), source);
    }

    @Test
    void aTangentOfAMethodCompiledInAnEarlierRunIsDifferentiatedAsInOneRun(@TempDir Path classes) {
        GeneratedCode library = GeneratedCode.compile("lib.Field", """
                package lib;

                import io.microautograd.Differentiable;

                public final class Field {
                    @Differentiable(order = 2)
                    public static double potential(double x0, double x1, double w) {
                        return 1 / Math.hypot(x0 - 10, x1 - 10 + w) + Math.exp(0.1 * x0 * x1);
                    }
                }
                """);
        GeneratedCode code = library.compileAfter(classes, JavaFileObjects.forSourceString("p.Steps", """
                package p;

                import io.microautograd.Differentiable;
                import lib.FieldGrad;

                class Steps {
                    @Differentiable
                    static double step(double w) {
                        double g0 = FieldGrad.potentialTangent(0.5, 0.25 * w, w, 1.0, 0.0, 0.0);
                        return g0 * g0;
                    }
                }
                """));
        ToDoubleFunction<double[]> step = w -> (double) code.call("p.Steps", "step", w[0]);
        Object result = code.call("p.StepsGrad", "step", 0.8);
        FiniteDifferences.assertPartial("d step / d w", (double) GeneratedCode.component(result, "w"), step,
                new double[] {0.8}, 0);
    }
}
