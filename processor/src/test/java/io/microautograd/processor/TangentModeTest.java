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
}
