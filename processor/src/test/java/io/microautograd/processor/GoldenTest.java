package io.microautograd.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import org.junit.jupiter.api.Test;

/** Pins the shape of generated code: the public API, pullbacks and tangents, compared as syntax trees. */
class GoldenTest {

    /** Compiles {@code source} (class p.Model) and checks that p.ModelGrad contains {@code expected}. */
    private static void assertGenerates(String source, String expected) {
        Compilation compilation = GeneratedCode.javac().compile(JavaFileObjects.forSourceString("p.Model", source));
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("p.ModelGrad")
                .containsElementsIn(JavaFileObjects.forSourceString("p.ModelGrad", expected));
    }

    @Test
    void rosenbrock() {
        assertGenerates("""
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
                """, """
                package p;

                import io.microautograd.DifferentiableFacts;
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

                    @DifferentiableFacts(
                            version = 3,
                            parameters = {"x", "y"},
                            differentiated = {0, 1},
                            writtenArrays = {},
                            order = 1,
                            calls = {},
                            passesArraysToPlainMethods = false
                    )
                    public static double rosenbrockPullback(double x, double y, double dValue, double[] gradient) {
                        checkLength("gradient", gradient, 2, "one slot per differentiated scalar: x, y");
                        double a = 1 - x;
                        double b = y - x * x;
                        double value = a * a + 100 * b * b;
                        double dA = 2.0 * (dValue * a);
                        double product = 100 * b;
                        double dB = dValue * b * 100.0 + dValue * product;
                        double dY = dB;
                        double dX = -(2.0 * (dB * x));
                        dX -= dA;
                        gradient[0] += dX;
                        gradient[1] += dY;
                        return value;
                    }

                    public static double rosenbrockTangent(double x, double y, double dX, double dY) {
                        double dA = -dX;
                        double a = 1 - x;
                        double dB = dY - (dX * x + dX * x);
                        double b = y - x * x;
                        return dA * a + dA * a + (dB * 100.0 * b + dB * (100 * b));
                    }

                    public static record RosenbrockGradient(double value, double x, double y) {
                    }
                }
                """);
    }

    @Test
    void returnsInsideBranches() {
        assertGenerates("""
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
                """, """
                package p;

                import io.microautograd.DifferentiableFacts;
                import javax.annotation.processing.Generated;

                @Generated("io.microautograd.processor.DifferentiableProcessor")
                final class ModelGrad {
                    @DifferentiableFacts(
                            version = 3,
                            parameters = {"x", "y"},
                            differentiated = {0, 1},
                            writtenArrays = {},
                            order = 1,
                            calls = {},
                            passesArraysToPlainMethods = false
                    )
                    public static double branchyPullback(double x, double y, double dValue, double[] gradient) {
                        checkLength("gradient", gradient, 2, "one slot per differentiated scalar: x, y");
                        double dX = 0.0;
                        double dY = 0.0;
                        double value;
                        if (x > y) {
                            value = x * y;
                            dX += dValue * y;
                            dY += dValue * x;
                        } else {
                            double exp = Math.exp(x);
                            double z = exp;
                            double zBefore = z;
                            z *= y;
                            value = z;
                            double dZ = dValue;
                            z = zBefore;
                            double dZAfter = dZ;
                            dZ = dZAfter * y;
                            dY += dZAfter * z;
                            dX += dZ * exp;
                        }
                        gradient[0] += dX;
                        gradient[1] += dY;
                        return value;
                    }
                }
                """);
    }

    @Test
    void loopTapesWhatItCannotRecompute() {
        assertGenerates("""
                package p;

                import io.microautograd.Differentiable;

                class Model {
                    @Differentiable
                    static double rosenbrockN(double[] x) {
                        double sum = 0;
                        for (int i = 0; i + 1 < x.length; i++) {
                            double a = Math.exp(1 - x[i]);
                            double b = x[i + 1] - x[i] * x[i];
                            sum += a * a + 100 * b * b;
                        }
                        return sum;
                    }
                }
                """, """
                package p;

                import io.microautograd.DifferentiableFacts;
                import java.util.Arrays;
                import javax.annotation.processing.Generated;

                @Generated("io.microautograd.processor.DifferentiableProcessor")
                final class ModelGrad {
                    private static final ThreadLocal<double[]> rosenbrockNDoubleTape = new ThreadLocal<>();

                    public static double rosenbrockN(double[] x, double[] dX) {
                        return rosenbrockNPullback(x, 1.0, dX);
                    }

                    @DifferentiableFacts(
                            version = 3,
                            parameters = {"x"},
                            differentiated = {0},
                            writtenArrays = {},
                            order = 1,
                            calls = {},
                            passesArraysToPlainMethods = false
                    )
                    public static double rosenbrockNPullback(double[] x, double dValue, double[] dX) {
                        checkLength("dX", dX, x.length, "the length of x");
                        requireSeparate("dX", dX, "x", x, "adjoint storage must be arrays of its own");
                        double[] doubleTape = takeDoubleTape(rosenbrockNDoubleTape,
                                tapeCapacity(2 * ((long) x.length - 1)));
                        int doubleTapeSize = 0;
                        double sum = 0;
                        long iTrips = 0;
                        double a = 0.0;
                        doubleTape = reserve(doubleTape, doubleTapeSize, 2 * ((long) x.length - 1));
                        for (int i = 0; i + 1 < x.length; i++) {
                            iTrips++;
                            double exp = Math.exp(1 - x[i]);
                            doubleTape[doubleTapeSize++] = exp;
                            doubleTape[doubleTapeSize++] = a;
                            a = exp;
                            double b = x[i + 1] - x[i] * x[i];
                            sum += a * a + 100 * b * b;
                        }
                        double value = sum;
                        double dSum = dValue;
                        for (long iTrip = iTrips - 1; iTrip >= 0; iTrip--) {
                            int i = (int) iTrip;
                            double b = x[i + 1] - x[i] * x[i];
                            double dA = 2.0 * (dSum * a);
                            double product = 100 * b;
                            double dB = dSum * b * 100.0 + dSum * product;
                            dX[i + 1] += dB;
                            dX[i] -= 2.0 * (dB * x[i]);
                            a = doubleTape[--doubleTapeSize];
                            double exp = doubleTape[--doubleTapeSize];
                            dX[i] -= dA * exp;
                        }
                        keep(rosenbrockNDoubleTape, doubleTape);
                        return value;
                    }

                    public static double rosenbrockNTangent(double[] x, double[] dX) {
                        checkLength("dX", dX, x.length, "the length of x");
                        double dSum = 0.0;
                        for (int i = 0; i + 1 < x.length; i++) {
                            double exp = Math.exp(1 - x[i]);
                            double dExp = -(dX[i] * exp);
                            double dA = dExp;
                            double a = exp;
                            double dB = dX[i + 1] - (dX[i] * x[i] + dX[i] * x[i]);
                            double b = x[i + 1] - x[i] * x[i];
                            dSum += dA * a + dA * a + (dB * 100.0 * b + dB * (100 * b));
                        }
                        return dSum;
                    }

                    private static double[] reserve(double[] tape, int size, long entries) {
                        long needed = size + entries;
                        if (needed <= tape.length) {
                            return tape;
                        }
                        if (needed > Integer.MAX_VALUE - 8) {
                            throw new OutOfMemoryError("a tape of " + needed + " entries exceeds the largest Java array");
                        }
                        return Arrays.copyOf(tape, (int) Math.max(needed, Math.min(2L * tape.length, Integer.MAX_VALUE - 8)));
                    }

                    private static double[] takeDoubleTape(ThreadLocal<double[]> kept, int capacity) {
                        double[] tape = kept.get();
                        if (tape == null || tape.length < capacity) {
                            return new double[capacity];
                        }
                        kept.set(null);
                        return tape;
                    }
                }
                """);
    }
}
