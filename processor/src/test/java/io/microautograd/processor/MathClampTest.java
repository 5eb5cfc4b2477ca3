package io.microautograd.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code Math.clamp}, which JDK 21 added, compiled and run on JDK 25: its value is Java's and its
 * partials those of the rule table's clamp row (the gradient goes to the value from the lower
 * bound to the upper one, both included, and to the bound it is clamped to beyond them), checked
 * against central differences inside each piece. Skipped where JDK 25 is not installed.
 */
class MathClampTest {

    @TempDir
    Path work;

    @Test
    void clampHasJavasValueAndTheRowsPartialsOnEachPiece() throws Exception {
        Jdk25.assumeInstalled();
        String output = Jdk25.compileAndRun(work, "Clamped", """
                package p;

                import io.microautograd.Differentiable;

                public class Clamped {
                    @Differentiable
                    static double f(double v, double lo, double hi) {
                        return Math.clamp(v * v, lo, hi) + StrictMath.clamp(v, -hi, hi) * lo + Math.clamp(3L, 1, 2) * v;
                    }

                    public static void main(String[] args) {
                        double[][] points = {{0.8, 0.1, 2.0}, {0.2, 0.5, 2.0}, {1.9, 0.1, 1.5}, {-1.2, 0.3, 1.0}};
                        for (double[] x : points) {
                            var g = ClampedGrad.f(x[0], x[1], x[2]);
                            StringBuilder line = new StringBuilder().append(f(x[0], x[1], x[2]) - g.value());
                            double[] partials = {g.v(), g.lo(), g.hi()};
                            for (int i = 0; i < 3; i++) {
                                double[] up = x.clone();
                                double[] down = x.clone();
                                up[i] += 1e-6;
                                down[i] -= 1e-6;
                                double difference = (f(up[0], up[1], up[2]) - f(down[0], down[1], down[2])) / 2e-6;
                                line.append(' ').append(partials[i] - difference);
                            }
                            System.out.println(line);
                        }
                    }
                }
                """);
        for (String line : output.trim().split("\n")) {
            double[] errors = Arrays.stream(line.trim().split(" ")).mapToDouble(Double::parseDouble).toArray();
            assertEquals(0.0, errors[0], line);
            for (int i = 1; i < errors.length; i++) {
                assertEquals(0.0, errors[i], 1e-6, line);
            }
        }
    }
}
