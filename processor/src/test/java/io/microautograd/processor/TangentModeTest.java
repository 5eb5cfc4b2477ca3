package io.microautograd.processor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
