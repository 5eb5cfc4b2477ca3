package io.microautograd.processor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * What is particular to the generated tangent methods beyond agreeing with the gradient, which
 * every function of the other tests checks ({@link TangentCheck}).
 */
class TangentModeTest {

    @Test
    void anArrayOutsideWrtThatTheMethodWritesIntoIsLeftAsItWas() {
        GeneratedCode code = GeneratedCode.compile("p.Scratch", """
                package p;

                import io.microautograd.Differentiable;

                class Scratch {
                    @Differentiable(wrt = "x")
                    static double f(double x, double[] buffer) {
                        buffer[0] = 2;
                        return x * buffer[0];
                    }
                }
                """);
        double[] buffer = {5, 7};
        assertEquals(2.0 * 0.5, (double) code.call("p.ScratchGrad", "fTangent", 3.0, buffer, 0.5));
        assertArrayEquals(new double[] {5, 7}, buffer);
    }

    @Test
    void aValueTheTangentLeavesOutStillMakesTheCallsThatMayThrow() {
        GeneratedCode code = GeneratedCode.compile("p.Counted", """
                package p;

                import io.microautograd.Differentiable;

                class Counted {
                    static int calls;

                    static int calls() {
                        return calls;
                    }

                    static int checked(int n) {
                        calls++;
                        if (n < 0) {
                            throw new IllegalArgumentException("n < 0");
                        }
                        return n;
                    }

                    @Differentiable(wrt = "x")
                    static double shifted(double x, int n) {
                        double y = x + checked(n);
                        return y;
                    }

                    @Differentiable(wrt = "x")
                    static double shiftedWhenNegative(double x, int n) {
                        double y = x > 0 ? x : x + checked(n);
                        return y;
                    }
                }
                """);
        assertEquals(0.5, (double) code.call("p.CountedGrad", "shiftedTangent", 3.0, 2, 0.5));
        assertEquals(1, code.call("p.Counted", "calls"));
        Throwable thrown = assertThrows(AssertionError.class,
                () -> code.call("p.CountedGrad", "shiftedTangent", 3.0, -1, 0.5)).getCause();
        assertInstanceOf(IllegalArgumentException.class, thrown);
        assertEquals(0.5, (double) code.call("p.CountedGrad", "shiftedWhenNegativeTangent", 3.0, -1, 0.5));
        thrown = assertThrows(AssertionError.class,
                () -> code.call("p.CountedGrad", "shiftedWhenNegativeTangent", -3.0, -1, 0.5)).getCause();
        assertInstanceOf(IllegalArgumentException.class, thrown);
    }

    @Test
    void aPlainCallIsMadeOnceAsInTheSourceThoughTheValueAndTheTangentBothNeedIt() {
        GeneratedCode code = GeneratedCode.compile("p.Counted", """
                package p;

                import io.microautograd.Differentiable;

                class Counted {
                    static int calls;

                    static int calls() {
                        return calls;
                    }

                    static int counted(int n) {
                        calls++;
                        return n;
                    }

                    @Differentiable
                    static double scale(double x, double k) {
                        return x * k;
                    }

                    @Differentiable(wrt = "x")
                    static double scaled(double x, int n) {
                        double y = x * counted(n);
                        return y * y;
                    }

                    @Differentiable(wrt = "x")
                    static double passed(double x, int n) {
                        return scale(x, counted(n));
                    }
                }
                """);
        assertEquals(2 * 3.0 * 2 * 2 * 0.5, (double) code.call("p.CountedGrad", "scaledTangent", 3.0, 2, 0.5));
        assertEquals(1, code.call("p.Counted", "calls"));
        assertEquals(2 * 0.5, (double) code.call("p.CountedGrad", "passedTangent", 3.0, 2, 0.5));
        assertEquals(2, code.call("p.Counted", "calls"));
    }

    @Test
    void aLeftOutValueThatThrowsByItselfStillThrows() {
        GeneratedCode code = GeneratedCode.compile("p.Throwing", """
                package p;

                import io.microautograd.Differentiable;

                class Throwing {
                    @Differentiable(wrt = "x")
                    static double divided(double x, int n, int m) {
                        double unread = x * (n / m);
                        return x * 2;
                    }

                    @Differentiable(wrt = "x")
                    static double measured(double x, double[] data) {
                        double unread = x * data.length;
                        return x * 2;
                    }
                }
                """);
        assertEquals(1.0, (double) code.call("p.ThrowingGrad", "dividedTangent", 3.0, 4, 2, 0.5));
        assertInstanceOf(ArithmeticException.class, assertThrows(AssertionError.class,
                () -> code.call("p.ThrowingGrad", "dividedTangent", 3.0, 4, 0, 0.5)).getCause());
        assertInstanceOf(NullPointerException.class, assertThrows(AssertionError.class,
                () -> code.call("p.ThrowingGrad", "measuredTangent", 3.0, null, 0.5)).getCause());
        String source = code.compilation().generatedSourceFile("p.ThrowingGrad").map(GeneratedCode::text).orElseThrow();
        String tangent = source.substring(source.indexOf("double dividedTangent("), source.indexOf("double measured"));
        assertEquals(1, GeneratedCode.occurrences(tangent, "n / m"), "the division once, in the value: " + tangent);
    }

    @Test
    void aNegatedTermIsSubtracted() {
        GeneratedCode code = GeneratedCode.compile("p.Signs", """
                package p;

                import io.microautograd.Differentiable;

                class Signs {
                    @Differentiable
                    static double f(double x, double y) {
                        return x * y - Math.exp(x);
                    }
                }
                """);
        String source = code.compilation().generatedSourceFile("p.SignsGrad").map(GeneratedCode::text).orElseThrow();
        String tangent = source.substring(source.indexOf("double fTangent("));
        assertEquals(0, GeneratedCode.occurrences(tangent, "\\+ -"), tangent);
        assertEquals(1, GeneratedCode.occurrences(tangent, " - dExp"), tangent);
    }
}
