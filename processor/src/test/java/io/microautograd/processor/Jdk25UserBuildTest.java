package io.microautograd.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user build on JDK 25: that JDK's javac runs the processor (built for Java 17) on a
 * {@code @Differentiable} source at source level 25 with every warning an error, and its java
 * runs the generated gradient. Skipped where JDK 25 is not installed.
 */
class Jdk25UserBuildTest {

    @TempDir
    Path work;

    @Test
    void compilesAndRunsGeneratedGradientsOnJdk25() throws Exception {
        Jdk25.assumeInstalled();
        String output = Jdk25.compileAndRun(work, "Model", """
                package p;

                import io.microautograd.Differentiable;

                public class Model {
                    @Differentiable
                    static double rosenbrock(double x, double y) {
                        double a = 1 - x;
                        double b = y - x * x;
                        return a * a + 100 * b * b;
                    }

                    public static void main(String[] args) {
                        var g = ModelGrad.rosenbrock(0.5, 0.7);
                        System.out.println(g.value() + " " + g.x() + " " + g.y());
                    }
                }
                """);
        double[] numbers = Arrays.stream(output.trim().split(" ")).mapToDouble(Double::parseDouble).toArray();
        double a = 1 - 0.5;
        double b = 0.7 - 0.5 * 0.5;
        assertEquals(a * a + 100 * b * b, numbers[0], 1e-12);
        assertEquals(-2 * a - 400 * 0.5 * b, numbers[1], 1e-12);
        assertEquals(200 * b, numbers[2], 1e-12);
    }
}
