package io.microautograd.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.microautograd.fuzz.PointCheck.Verdict;
import io.microautograd.fuzz.Program.Binary;
import io.microautograd.fuzz.Program.DeclareAlias;
import io.microautograd.fuzz.Program.Element;
import io.microautograd.fuzz.Program.IntLiteral;
import io.microautograd.fuzz.Program.Literal;
import io.microautograd.fuzz.Program.Method;
import io.microautograd.fuzz.Program.Return;
import io.microautograd.fuzz.Program.Store;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Calls that pass one array for both array parameters of a fuzzer program, and how they are checked. */
class SharedArrayCallsTest {

    /** The example, {@code a[0] = 2 * b[0]; return a[0] * b[0];}, which writes into a. */
    private static final Method TWO_ARRAYS = new Method("twoArrays", List.of("a", "b"), List.of("a", "b"), 2,
            List.of(new Store("a", new IntLiteral(0), "", new Binary("*", new Literal(2.0), element("b", 0))),
                    new Return(new Binary("*", element("a", 0), element("b", 0)))),
            List.of());

    /** {@code double[] alias0 = b; return a[0] * alias0[0] + a[1] * b[1];}, which reads both arrays only. */
    private static final Method DOT = new Method("dot", List.of("a", "b"), List.of("a", "b"), 2,
            List.of(new DeclareAlias("alias0", "b"), new Return(new Binary("+",
                    new Binary("*", element("a", 0), element("alias0", 0)),
                    new Binary("*", element("a", 1), element("b", 1))))),
            List.of());

    private static final String TWO_ARRAYS_REJECTION = "a and b are the same array: twoArrays writes into a, so pass"
            + " a copy to one of them, as in twoArrays(a, a.clone())";

    /** {@code twoArraysTangent} as forward mode made it before its checks, on a copy of {@code a}. */
    private static final String TWO_ARRAYS_TANGENT_ON_A_COPY = """
            public static double twoArraysTangent(double[] a, double[] b, double[] tA, double[] tB) {
                return 4.0 * b[0] * tB[0];
            }

            """;

    private static Element element(String array, int index) {
        return new Element(array, new IntLiteral(index));
    }

    @Test
    void theRuleSaysWhichCallsTheGeneratedMethodRejects() {
        assertEquals(TWO_ARRAYS_REJECTION, SharedArrayCalls.rejection(TWO_ARRAYS));
        assertEquals(null, SharedArrayCalls.rejection(DOT));
        Method throughAnAlias = TWO_ARRAYS.withBody(List.of(new DeclareAlias("alias0", "b"),
                new Store("alias0", new IntLiteral(1), "+", element("a", 0)), new Return(element("a", 1))));
        assertEquals("b and a are the same array: twoArrays writes into b, so pass a copy to one of them, as in"
                + " twoArrays(a, a.clone())", SharedArrayCalls.rejection(throughAnAlias));
    }

    @Test
    void generatedMethodsAgreeWithTheRuleOnCallsSharingOneArray() {
        double[] shared = {0.8, -0.3};
        FuzzRegressions.assertProgramAgrees(TWO_ARRAYS, new double[] {0.8, -0.3, 0.4, 1.1}, shared);
        FuzzRegressions.assertProgramAgrees(DOT, new double[] {0.8, -0.3, 0.4, 1.1}, shared);
    }

    /**
     * Generated code as it was before the checks: it copies the array it writes into, so with one
     * array for both it computes the function of two arrays; and a read-only gradient that sets
     * its storage instead of adding into it, which separate storage cannot tell apart.
     */
    @Test
    void theCheckCatchesGeneratedCodeThatIgnoresTheSharing() throws Exception {
        DifferentialFuzzer.Loaded before = handWritten(TWO_ARRAYS_TANGENT_ON_A_COPY + """
                public static double twoArrays(double[] a, double[] b, double[] dA, double[] dB) {
                    a = a.clone();
                    a[0] = 2.0 * b[0];
                    dB[0] += 4.0 * b[0];
                    return a[0] * b[0];
                }

                public static double dot(double[] a, double[] b, double[] dA, double[] dB) {
                    for (int i = 0; i < 2; i++) {
                        dA[i] = b[i];
                        dB[i] = a[i];
                    }
                    return a[0] * b[0] + a[1] * b[1];
                }

                public static double dotTangent(double[] a, double[] b, double[] tA, double[] tB) {
                    return tA[0] * b[0] + a[0] * tB[0] + tA[1] * b[1] + a[1] * tB[1];
                }
                """);
        double[] separate = {0.8, -0.3, 0.4, 1.1};
        double[] shared = {0.8, -0.3};
        for (Method method : List.of(TWO_ARRAYS, DOT)) {
            assertEquals(Verdict.AGREE, before.check(method, separate).verdict(), method.name() + ", separate arrays");
            PointCheck.Outcome outcome = before.check(method, shared);
            assertEquals(Verdict.DISAGREE, outcome.verdict(), method.name() + ", one array: " + outcome.detail());
            assertFalse(outcome.detail().contains("Tangent"), outcome.detail());
        }
    }

    /**
     * Issue 22's bug: an {@code fTangent} that, like the gradient method before its checks, takes
     * one array for a parameter it writes into and another, and gives the separate arrays'
     * derivative, beside a gradient method that rejects the call as the rule says.
     */
    @Test
    void theCheckCatchesATangentMethodThatIgnoresTheSharing() throws Exception {
        DifferentialFuzzer.Loaded before = handWritten(TWO_ARRAYS_TANGENT_ON_A_COPY + """
                public static double twoArrays(double[] a, double[] b, double[] dA, double[] dB) {
                    if (a == b) {
                        throw new IllegalArgumentException("%s");
                    }
                    dB[0] += 4.0 * b[0];
                    return 2.0 * b[0] * b[0];
                }
                """.formatted(TWO_ARRAYS_REJECTION));
        assertEquals(Verdict.AGREE, before.check(TWO_ARRAYS, new double[] {0.8, -0.3, 0.4, 1.1}).verdict());
        PointCheck.Outcome outcome = before.check(TWO_ARRAYS, new double[] {0.8, -0.3});
        assertEquals(new PointCheck.Outcome(Verdict.DISAGREE, "the generated fTangent took one array for both,"
                + " expected \"" + TWO_ARRAYS_REJECTION + "\""), outcome);
    }

    /**
     * Methods of order 2: an {@code fHvp} that takes one array for a parameter it writes into and
     * another, beside gradient and tangent methods that reject the call, and one that sets its
     * products instead of adding into them, which separate products cannot tell apart.
     */
    @Test
    void theCheckCatchesAProductThatIgnoresTheSharing() throws Exception {
        DifferentialFuzzer.Loaded before = handWritten("""
                public static double twoArrays(double[] a, double[] b, double[] dA, double[] dB) {
                    if (a == b) {
                        throw new IllegalArgumentException("%1$s");
                    }
                    dB[0] += 4.0 * b[0];
                    return 2.0 * b[0] * b[0];
                }

                public static double twoArraysTangent(double[] a, double[] b, double[] tA, double[] tB) {
                    if (a == b) {
                        throw new IllegalArgumentException("%1$s");
                    }
                    return 4.0 * b[0] * tB[0];
                }

                public static double twoArraysHvp(double[] a, double[] b, double[] vA, double[] vB, double[] dA,
                        double[] dB, double[] hvA, double[] hvB) {
                    dB[0] += 4.0 * b[0];
                    hvB[0] += 4.0 * vB[0];
                    return 2.0 * b[0] * b[0];
                }

                public static double dot(double[] a, double[] b, double[] dA, double[] dB) {
                    for (int i = 0; i < 2; i++) {
                        dA[i] += b[i];
                        dB[i] += a[i];
                    }
                    return a[0] * b[0] + a[1] * b[1];
                }

                public static double dotTangent(double[] a, double[] b, double[] tA, double[] tB) {
                    return tA[0] * b[0] + a[0] * tB[0] + tA[1] * b[1] + a[1] * tB[1];
                }

                public static double dotHvp(double[] a, double[] b, double[] vA, double[] vB, double[] dA,
                        double[] dB, double[] hvA, double[] hvB) {
                    for (int i = 0; i < 2; i++) {
                        dA[i] += b[i];
                        dB[i] += a[i];
                        hvA[i] = vB[i];
                        hvB[i] = vA[i];
                    }
                    return a[0] * b[0] + a[1] * b[1];
                }
                """.formatted(TWO_ARRAYS_REJECTION));
        assertEquals(new PointCheck.Outcome(Verdict.DISAGREE, "the generated fHvp took one array for both,"
                + " expected \"" + TWO_ARRAYS_REJECTION + "\""), before.check(TWO_ARRAYS, new double[] {0.8, -0.3}));
        PointCheck.Outcome outcome = before.check(DOT, new double[] {0.8, -0.3});
        assertEquals(Verdict.DISAGREE, outcome.verdict(), outcome.detail());
        assertTrue(outcome.detail().contains("central differences of the gradient"), outcome.detail());
    }

    /** The programs {@code TWO_ARRAYS} and {@code DOT} as Java, and a generated class written by hand. */
    private static DifferentialFuzzer.Loaded handWritten(String gradients) throws ClassNotFoundException {
        InMemoryCompiler.Result result = InMemoryCompiler.compile(Map.of("fuzz.Plain", """
                package fuzz;

                public final class Plain {
                    public static double twoArrays(double[] a, double[] b) {
                        a[0] = 2.0 * b[0];
                        return a[0] * b[0];
                    }

                    public static double dot(double[] a, double[] b) {
                        double[] alias0 = b;
                        return a[0] * alias0[0] + a[1] * b[1];
                    }
                }
                """, "fuzz.PlainGrad", """
                package fuzz;

                public final class PlainGrad {
                %s}
                """.formatted(gradients.indent(4))), new io.microautograd.processor.DifferentiableProcessor());
        assertTrue(result.success(), result.errors());
        return new DifferentialFuzzer.Loaded(result.classes().loadClass("fuzz.Plain"),
                result.classes().loadClass("fuzz.PlainGrad"));
    }

    @Test
    void sharedArrayProgramsTakeTwoArraysAndSomeWriteIntoOne() {
        Function<String, Method> generator = DifferentialFuzzer.Mode.SHARED_ARRAYS.generator(5);
        int rejected = 0;
        StringBuilder printed = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            Method method = generator.apply("f" + i);
            printed.append(JavaPrinter.method(method, ""));
            assertTrue(SharedArrayCalls.appliesTo(method), JavaPrinter.method(method, ""));
            rejected += SharedArrayCalls.rejection(method) == null ? 0 : 1;
        }
        assertTrue(rejected >= 10 && rejected <= 30, rejected + " of 40 programs write into an array:\n" + printed);
    }

    @Test
    void aFindingOnASharedCallPrintsARegressionTestThatRunsIt() {
        double[] point = {0.8, -0.3};
        String test = new DifferentialFuzzer.Finding(TWO_ARRAYS, point, "").regressionTest();
        assertTrue(test.contains("FuzzRegressions.assertSharedArraysAgree(\"\"\"\n")
                && test.contains("\"\"\", 2, \"a\", \"b\", \"" + TWO_ARRAYS_REJECTION + "\", new double[] {0.8, -0.3});"),
                test);
        FuzzRegressions.assertSharedArraysAgree(JavaPrinter.method(TWO_ARRAYS, ""), 2, "a", "b", TWO_ARRAYS_REJECTION,
                point);
        FuzzRegressions.assertSharedArraysAgree(JavaPrinter.method(DOT, ""), 2, "a", "b", null, point);
    }
}
