package io.microautograd.processor;

import static io.microautograd.processor.FunctionCase.of;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.JavaFileObjects;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Part 1 of the compiler: scalar functions covering every supported construct and every Math
 * rule, compiled in one class, loaded and run. Each value must equal the original's exactly and
 * each partial must match central finite differences.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScalarFunctionsTest {

    private static final double[] A = {0.37, 0.71};
    private static final double[] B = {1.3, 1.9};
    private static final double[] C = {-0.6, 0.45};
    private static final double[] D = {2.2, -1.15};

    static final List<FunctionCase> CASES = List.of(
            of("rosenbrock", "double a = 1 - x;\ndouble b = y - x * x;\nreturn a * a + 100 * b * b;", A, B, C, D),
            of("polynomial", "return 3 * x * x * x - 2.5 * x * y + 1e-1 * y - 7 + 2L * x;", A, B, C, D),
            of("quotients", "return -x / (1 + y * y) + (x - y) / -(2 + x * x);", A, B, C, D),
            of("compoundAssignments", "double s = x;\ns += y;\ns *= x;\ns -= 2 * y;\ns /= 1 + x * x;\nreturn s;",
                    A, B, C, D),
            of("reassignedLocal", "double t = x * y;\nt = t * t + x;\nt = Math.sin(t);\nreturn t * y;", A, B, C, D),
            of("overwrittenParameters", "x = x * x;\ny = y + x;\nreturn x * y;", A, B, C, D),
            of("increments", "double c = x;\nc++;\nc--;\n++c;\nreturn c * y;", A, B, C, D),
            of("userConstants", "return SCALE * x + OFFSET * y * COUNT;", A, B, C, D),
            of("mathConstants", "return Math.PI * x * x + Math.E * y;", A, B, C, D),
            of("nestedClassConstant", "return Physics.G * x * y;", A, B, C, D),
            of("ifElse", "if (x > y) {\n    return x * x;\n} else {\n    return y * y + x;\n}", A, B, C, D),
            of("elseIfChain", "double r;\nif (x < -1) {\n    r = -x;\n} else if (x < 1) {\n    r = x * x * y;\n} "
                    + "else {\n    r = Math.exp(y) * x;\n}\nreturn r;", A, B, C, D, new double[] {-1.7, 0.3}),
            of("ternary", "return x > 0 ? x * y : -x * y * y;", A, B, C, D),
            of("logicalConditions", "return (x > 0 && y > 0) || !(x < -1) ? x * y : x + y;", A, B, C,
                    new double[] {-1.5, 0.5}),
            of("returnsInBranches", "if (y < 0) {\n    return x;\n}\ndouble z = x * y;\nif (z > 1) {\n"
                    + "    return z * z;\n}\nreturn z + y;", A, B, C, D),
            of("intParameter", "return Math.pow(x, n) + n * y + n / 2;", A, B, C, D)
                    .with("double x, double y, int n", new int[] {0, 1}, 3),
            of("longParameter", "return x * k + (k % 2 == 0 ? x : -x) + y;", A, B, C, D)
                    .with("double x, double y, long k", new int[] {0, 1}, 7L),
            of("booleanParameter", "return flip ? y - x : x * y;", A, B, C, D)
                    .with("double x, double y, boolean flip", new int[] {0, 1}, true),
            of("intLocals", "int m = 3;\nm = m * 2 + 1;\nm += 2;\ndouble u = x * m;\nreturn u / m + y * (m % 4);",
                    A, B, C, D),
            of("casts", "return (int) x + (double) 3 * y + x * (long) 2 + (double) (int) (y * 10);", A, C, D,
                    new double[] {1.33, 1.87}),
            of("wrtSelectsY", "return x * x * y * y + x;", A, B, C, D)
                    .annotated("@Differentiable(wrt = \"y\")", new int[] {1}),
            of("trigonometric", "return Math.sin(x) * Math.cos(y) + Math.tan(x * y);", A, B, C, D),
            of("inverseTrigonometric", "return Math.asin(x) + Math.acos(y) * Math.atan(x * y);", A, C,
                    new double[] {-0.2, -0.8}),
            of("atan2", "return Math.atan2(y, x) * x;", A, B, C, D),
            of("hyperbolic", "return Math.sinh(x) - Math.cosh(y) * Math.tanh(x - y);", A, B, C, D),
            of("exponentials", "return Math.exp(x * y) + Math.expm1(x);", A, B, C, D),
            of("logarithms", "return Math.log(x) * Math.log10(y) + Math.log1p(x * y);", A, B,
                    new double[] {3.5, 0.2}),
            of("roots", "return Math.sqrt(x * x + y * y) + Math.cbrt(x * y);", A, B, C, D),
            of("powers", "return Math.pow(x, y) + Math.pow(y, 2.5) + Math.pow(2, x);", A, B, new double[] {0.9, 3.1}),
            of("hypot", "return Math.hypot(x, y * 2);", A, B, C, D),
            of("absolute", "return Math.abs(x - y) * y + Math.abs(x);", A, B, C, D),
            of("maxMin", "return Math.max(x, y) * Math.min(x * y, 1.0);", A, B, C, D),
            of("piecewiseConstant", "return Math.signum(x) * Math.floor(y) + Math.ceil(x) + Math.rint(y * 3) + x * y;",
                    A, B, C, D),
            of("logistic", "return 1 / (1 + Math.exp(-(x * y + 0.5)));", A, B, C, D),
            of("softplus", "double z = x * y;\nif (z > 20) {\n    return z;\n}\nreturn Math.log1p(Math.exp(z));",
                    A, B, C, new double[] {5.0, 4.5}),
            of("gaussian", "return Math.exp(-0.5 * (x * x + y * y)) / Math.sqrt(2 * Math.PI);", A, B, C, D),
            of("chainOfLocals", "double a = x + y;\ndouble b = a * x;\ndouble c = b / y;\ndouble d = c - a;\n"
                    + "return a * b * c * d;", A, B, C, D),
            of("deepNesting", "return Math.tanh(Math.tanh(Math.tanh(x * y)) * Math.sin(Math.exp(x) / (1 + y * y)));",
                    A, B, C, D),
            of("unaryAndParentheses", "return +(x) * -(-(y)) - ((x)) * (y - (x - y));", A, B, C, D),
            of("threeParametersWrtTwo", "return x * y * z + x / z;", A, B, C, D)
                    .with("double x, double y, double z", new int[] {0, 1}, 1.5)
                    .annotated("@Differentiable(wrt = {\"x\", \"y\"})", new int[] {0, 1}),
            of("intComparisons", "return (n > 2 ? x : y) * (n == 3 ? 2 : 3) + (n != 4 ? y : x);", A, B, C, D)
                    .with("double x, double y, int n", new int[] {0, 1}, 3),
            of("ifWithoutElse", "double r = x;\nif (y > 0) r = r * y;\nif (x < 0) {\n    r -= y;\n}\nreturn r;",
                    A, B, C, D),
            of("declaredWithoutInitializer", "double w;\nif (x > y) w = x; else w = y;\nreturn w * w + x;",
                    A, B, C, D),
            of("booleanLocal", "boolean big = x > 1;\ndouble q = big ? x : y;\nreturn q * x;", A, B, C, D),
            of("integerMath", "return Math.abs(n) * x + Math.max(n, 2) * y + Math.min(n, -1) * x;", A, B, C, D)
                    .with("double x, double y, int n", new int[] {0, 1}, -4),
            of("varLocals", "var a = 1 - x;\nvar b = y - x * x;\nvar n = 3;\nvar big = n > 2;\nvar scaled = 2L * n;\n"
                    + "return big ? a * a + scaled * b * b : a;", A, B, C, D),
            of("guarded", "if (x > 100) {\n    throw new IllegalStateException(\"x = \" + x + \" is too large for y = \" + y);\n}\n"
                    + "return x * y;", A, B, C, D),
            switchCase("switchFallThrough0", 0), switchCase("switchFallThrough1", 1),
            switchCase("switchFallThrough2", 2), switchCase("switchFallThrough3", 3),
            switchCase("switchFallThrough4", 4),
            arrowStatements("switchArrowStatements0", 0), arrowStatements("switchArrowStatements1", 1),
            arrowStatements("switchArrowStatements2", 2),
            trailingLabels("switchTrailingLabels0", 0), trailingLabels("switchTrailingLabels1", 1),
            endingSwitch("switchEndsTheMethod0", 0), endingSwitch("switchEndsTheMethod1", 1),
            endingSwitch("switchEndsTheMethod3", 3),
            of("switchArrows", "double r = switch (n) {\n    case 0 -> x * x;\n    case 1, 2 -> {\n"
                    + "        double t = x * y;\n        yield t + 1;\n    }\n    default -> y;\n};\nreturn r * x;",
                    A, B, C, D).with("double x, double y, int n", new int[] {0, 1}, 2),
            of("switchInLoop", "double s = 0;\nfor (int i = 0; i < 7; i++) {\n    switch (i % 3) {\n"
                    + "        case 0:\n            s += x;\n            break;\n        case 1:\n"
                    + "            if (s > 100) break;\n            s *= y;\n            continue;\n"
                    + "        default:\n            s -= x * y;\n    }\n    s += 0.5 * x;\n}\nreturn s;", A, B, C, D),
            of("returnSwitch", "return switch (n) {\n    case 1 -> Math.sin(x);\n    default -> {\n"
                    + "        if (x > y) {\n            yield x;\n        }\n        yield y * y;\n    }\n};",
                    A, B, C, D).with("double x, double y, int n", new int[] {0, 1}, 5),
            of("switchYieldsClassic", "double r = switch (n) {\n    case 'a':\n        yield x;\n    default: {\n"
                    + "        double t = y;\n        yield t * x;\n    }\n};\ndouble extra = switch (n) { case 97 -> y; default -> x; };\n"
                    + "r = r * extra;\nr = switch (n) { case 1 -> r; default -> r + y; };\nreturn r;", A, B, C, D).with("double x, double y, int n", new int[] {0, 1}, 97),
            of("strictMath", "return StrictMath.sin(x) * StrictMath.exp(y) + StrictMath.atan2(y, x)\n"
                    + "        + StrictMath.pow(x * x + 1, y) + StrictMath.hypot(x, y);", A, B, C, D),
            of("fullyQualifiedMath", "return java.lang.Math.sin(x) * java.lang.Math.cos(y) + java.lang.StrictMath.tanh(x);",
                    A, B, C, D),
            of("moreMathFunctions", "int k = Math.round((float) (x * 10));\nreturn Math.fma(x, y, x * x) + Math.toRadians(x * 30) + Math.toDegrees(y) * 0.01\n"
                    + "        + Math.copySign(x, y - 0.5) + Math.scalb(y, 3) + Math.round(x * 10) * y\n"
                    + "        + Math.floorDiv(7, -2) * x + Math.floorMod(-7, 3) * y + Math.round(2.5f) * x\n"
                    + "        + k * y + Math.signum(3) * 0.25f * x + Math.copySign(2f, -1) * y;",
                    A, B, C, D),
            switchSharing("switchSharedLocal1", 1), switchSharing("switchSharedLocal2", 2),
            switchSharing("switchSharedLocal3", 3),
            of("yieldFromANestedSwitch", "double r = switch (n) {\n    case 1 -> {\n        switch (m) {\n"
                    + "            case 0:\n                yield x * x;\n            default:\n                break;\n"
                    + "        }\n        yield y;\n    }\n    default -> x * y;\n};\nreturn r + x;", A, B, C, D)
                    .with("double x, double y, int n, int m", new int[] {0, 1}, 1, 0),
            of("floatLiteralsAndCasts", "double g = 9.81f;\nreturn g * x + 2.5f * y + 0.1f * 0.1f * x + 3 * 0.7f * y\n"
                    + "        + (float) 0.25 * x * y + (double) (float) 2 * y - 1.5F * (1 / 3f) * x - x * (0.5f - 0.25f)\n"
                    + "        + y / (2f + 1) - (float) -2 * x;", A, B, C, D));

    /** A classic switch with a break, fall-through, stacked labels and a default, entered at case {@code n}. */
    private static FunctionCase switchCase(String name, int n) {
        return of(name, "double r = 0;\nswitch (n) {\n    case 0:\n        r = x;\n        break;\n    case 1:\n"
                + "    case 2:\n        r = x * y;\n    case 3:\n        r += y;\n        if (r > 10) {\n"
                + "            break;\n        }\n        r *= x;\n        break;\n    default:\n        r = -x;\n}\n"
                + "return r * y;", A, B, C, D).with("double x, double y, int n", new int[] {0, 1}, n)
                .annotated("@Differentiable\n    @SuppressWarnings(\"fallthrough\")", new int[] {0, 1});
    }

    /**
     * Switch statements with arrows whose rules are expression statements, blocks (one with a
     * break) and a throw, in a loop and after it, entered at case {@code n}.
     */
    private static FunctionCase arrowStatements(String name, int n) {
        return of(name, "double r = x;\nfor (int i = 0; i < 4; i++) {\n    switch (i % 3) {\n        case 0 -> r += x * y;\n"
                + "        case 1 -> r *= y;\n        default -> {\n            if (r > 10) break;\n            r -= x;\n"
                + "        }\n    }\n}\nswitch (n) {\n    case 0 -> r = r * r;\n    case 1 -> r++;\n"
                + "    case 3 -> throw new IllegalArgumentException(\"n = \" + n);\n    default -> {\n    }\n}\nreturn r;",
                A, B, C, D).with("double x, double y, int n", new int[] {0, 1}, n);
    }

    /**
     * Classic switches ending in labels without statements, which enter nothing, after a default
     * that falls into them and (in a switch expression's case) after one that throws; entered at
     * case {@code n}.
     */
    private static FunctionCase trailingLabels(String name, int n) {
        return of(name, "double r = x;\nswitch (n) {\n    default:\n        r = r * y;\n    case 1, 2:\n}\n"
                + "double s = switch (n) {\n    case 0:\n        yield y;\n    default:\n        switch (n) {\n"
                + "            default:\n                throw new IllegalArgumentException(\"n = \" + n);\n"
                + "            case 1:\n        }\n        yield r * x;\n};\nreturn r + s;", A, B, C, D)
                .with("double x, double y, int n", new int[] {0, 1}, n)
                .annotated("@Differentiable\n    @SuppressWarnings(\"fallthrough\")", new int[] {0, 1});
    }

    /**
     * A classic switch that ends the method: the default and a case fall through into a last case
     * that returns, and a case that throws (never entered here); entered at case {@code n}.
     */
    private static FunctionCase endingSwitch(String name, int n) {
        return of(name, "double r = x;\nswitch (n) {\n    case 2:\n        throw new IllegalStateException(\"n = \" + n);\n"
                + "    default:\n        r = r * y;\n    case 1:\n        r += x;\n    case 3:\n        return r * x;\n}",
                A, B, C, D).with("double x, double y, int n", new int[] {0, 1}, n)
                .annotated("@Differentiable\n    @SuppressWarnings(\"fallthrough\")", new int[] {0, 1});
    }

    /** A local declared in one case of a switch and assigned in a later one, entered at case {@code n}. */
    private static FunctionCase switchSharing(String name, int n) {
        return of(name, "double r;\nswitch (n) {\n    case 1:\n        double t = x * 2;\n        r = t;\n"
                + "        break;\n    case 2:\n        t = x * 3;\n        r = t * t + y;\n        break;\n"
                + "    default:\n        r = y;\n}\nreturn r * y;", A, B, C, D)
                .with("double x, double y, int n", new int[] {0, 1}, n);
    }

    private GeneratedCode code;

    @BeforeAll
    void compile() {
        code = GeneratedCode.compile(ValueTwinCheck.withEngine(JavaFileObjects.forSourceString("p.Functions",
                compiled(source()))));
    }

    /** The source as this test compiles it. */
    String compiled(String source) {
        return source;
    }

    /** Whether the methods are compiled with {@code order = 2}, so that their Hessian-vector products are checked. */
    boolean secondOrder() {
        return false;
    }

    static String source() {
        return "package p;\n\nimport io.microautograd.Differentiable;\n\nclass Functions {\n"
                + "    static final double SCALE = 2.5;\n"
                + "    private static final double OFFSET = 0.25;\n"
                + "    static final int COUNT = 3;\n\n"
                + "    static final class Physics {\n        static final double G = 9.81;\n    }\n\n"
                + CASES.stream().map(FunctionCase::source).collect(Collectors.joining("\n")) + "}\n";
    }

    static List<FunctionCase> cases() {
        return CASES;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void valueIsExactAndPartialsMatchFiniteDifferences(FunctionCase function) {
        function.check(code, "p.Functions", secondOrder());
    }

    @Test
    void coversAtLeastThirtyFunctions() {
        assertTrue(CASES.size() >= 30, "only " + CASES.size() + " functions");
    }

    @Test
    void pullbackScalesByTheSeed() {
        double[] gradient = new double[2];
        double value = (double) code.call("p.FunctionsGrad", "rosenbrockPullback", 0.37, 0.71, -2.0, gradient);
        Object result = code.call("p.FunctionsGrad", "rosenbrock", 0.37, 0.71);
        assertEquals((double) GeneratedCode.component(result, "value"), value);
        assertEquals(-2.0 * (double) GeneratedCode.component(result, "x"), gradient[0]);
        assertEquals(-2.0 * (double) GeneratedCode.component(result, "y"), gradient[1]);
    }

    @Test
    void gradientStorageOfTheWrongLengthIsRejected() {
        AssertionError error = assertThrows(AssertionError.class,
                () -> code.call("p.FunctionsGrad", "rosenbrock", 0.37, 0.71, new double[3]));
        assertTrue(error.getCause() instanceof IllegalArgumentException);
        assertEquals("gradient must have length 2 (one slot per differentiated scalar: x, y) but has length 3",
                error.getCause().getMessage());
    }
}
