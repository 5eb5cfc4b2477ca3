package io.microautograd.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import org.junit.jupiter.api.Test;

/** Pins the shape of generated code: the public API and one pullback, compared as syntax trees. */
class GoldenTest {

    @Test
    void rosenbrock() {
        Compilation compilation = GeneratedCode.javac().compile(JavaFileObjects.forSourceString("p.Model", """
                package p;

                import io.microautograd.Differentiable;

                public class Model {
                    @Differentiable
                    static double rosenbrock(double x, double y) {
                        double a = 1 - x;
                        double b = y - x * x;
                        return a * a + 100 * b * b;
                    }
                }
                """));
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("p.ModelGrad").containsElementsIn(JavaFileObjects.forSourceString(
                "p.ModelGrad", """
                package p;

                import javax.annotation.processing.Generated;

                @Generated("io.microautograd.processor.DifferentiableProcessor")
                public final class ModelGrad {
                    private ModelGrad() {
                    }

                    public static RosenbrockGradient rosenbrock(double x, double y) {
                        double[] gradient = new double[2];
                        double value = rosenbrockPullback(x, y, 1.0, gradient);
                        return new RosenbrockGradient(value, gradient[0], gradient[1]);
                    }

                    public static double rosenbrock(double x, double y, double[] gradient) {
                        return rosenbrockPullback(x, y, 1.0, gradient);
                    }

                    public static double rosenbrockPullback(double x, double y, double seed, double[] gradient) {
                        checkLength("gradient", gradient, 2, "one slot per differentiated scalar: x, y");
                        double dX = 0.0;
                        double dY = 0.0;
                        double dA = 0.0;
                        double dB = 0.0;
                        double a = 1 - x;
                        double b = y - x * x;
                        double value = a * a + 100 * b * b;
                        dA += seed * a;
                        dA += seed * a;
                        double t = 100 * b;
                        dB += seed * b * 100;
                        dB += seed * t;
                        dY += dB;
                        dX += -dB * x;
                        dX += -dB * x;
                        dX += -dA;
                        gradient[0] += dX;
                        gradient[1] += dY;
                        return value;
                    }

                    public static record RosenbrockGradient(double value, double x, double y) {
                    }
                }
                """));
    }

    @Test
    void returnsInsideBranches() {
        Compilation compilation = GeneratedCode.javac().compile(JavaFileObjects.forSourceString("p.Model", """
                package p;

                import io.microautograd.Differentiable;

                class Model {
                    @Differentiable
                    static double branchy(double x, double y) {
                        if (x > y) {
                            return x * y;
                        }
                        double z = Math.exp(x);
                        z = z * y;
                        return z;
                    }
                }
                """));
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("p.ModelGrad").containsElementsIn(JavaFileObjects.forSourceString(
                "p.ModelGrad", """
                package p;

                import javax.annotation.processing.Generated;

                @Generated("io.microautograd.processor.DifferentiableProcessor")
                final class ModelGrad {
                    public static double branchyPullback(double x, double y, double seed, double[] gradient) {
                        checkLength("gradient", gradient, 2, "one slot per differentiated scalar: x, y");
                        boolean branch = false;
                        double value = 0.0;
                        int returnPoint = 0;
                        double z = 0.0;
                        double zBefore = 0.0;
                        double dX = 0.0;
                        double dY = 0.0;
                        double dZ = 0.0;
                        forward: {
                            branch = x > y;
                            if (branch) {
                                value = x * y;
                                returnPoint = 1;
                                break forward;
                            }
                            z = Math.exp(x);
                            zBefore = z;
                            z *= y;
                            value = z;
                            returnPoint = 2;
                            break forward;
                        }
                        if (returnPoint > 1) {
                            dZ += seed;
                            z = zBefore;
                            double dZOut = dZ;
                            dZ = 0.0;
                            dZ += dZOut * y;
                            dY += dZOut * z;
                            double exp = Math.exp(x);
                            dX += dZ * exp;
                        }
                        if (branch) {
                            dX += seed * y;
                            dY += seed * x;
                        }
                        gradient[0] += dX;
                        gradient[1] += dY;
                        return value;
                    }
                }
                """));
    }
}
