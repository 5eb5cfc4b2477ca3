package io.microautograd.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The home of regression tests printed by the fuzzer: compiles one {@code @Differentiable}
 * method with the processor and checks its generated value (bit for bit) and gradient (against
 * Richardson-extrapolated central differences) at a point.
 */
final class FuzzRegressions {

    private static final Pattern SIGNATURE = Pattern.compile("static double (\\w+)\\(([^)]*)\\)");

    private FuzzRegressions() {
    }

    /** Asserts the generated gradient of {@code methodSource} is right at {@code point}. */
    static void assertAgrees(String methodSource, double[] point) {
        Matcher signature = SIGNATURE.matcher(methodSource);
        assertTrue(signature.find(), "no static double method in\n" + methodSource);
        String name = signature.group(1);
        String source = "package " + DifferentialFuzzer.PACKAGE + ";\n\nimport io.microautograd.Differentiable;\n\n"
                + "public final class Regression {\n" + methodSource + "}\n";
        InMemoryCompiler.Result result = InMemoryCompiler.compile(
                Map.of(DifferentialFuzzer.PACKAGE + ".Regression", source),
                new io.microautograd.processor.DifferentiableProcessor());
        assertTrue(result.success(), result.errors());
        try {
            Class<?>[] doubles = new Class<?>[point.length];
            Arrays.fill(doubles, double.class);
            Class<?>[] withGradient = Arrays.copyOf(doubles, point.length + 1);
            withGradient[point.length] = double[].class;
            Method original = result.classes().loadClass(DifferentialFuzzer.PACKAGE + ".Regression").getMethod(name, doubles);
            Method compiled = result.classes().loadClass(DifferentialFuzzer.PACKAGE + ".RegressionGrad")
                    .getMethod(name, withGradient);
            double[] gradient = new double[point.length];
            Object[] arguments = Arrays.copyOf(Arrays.stream(point).boxed().toArray(), point.length + 1);
            arguments[point.length] = gradient;
            double value = (double) compiled.invoke(null, arguments);
            assertEquals(invoke(original, point), value, "value");
            for (int i = 0; i < point.length; i++) {
                double h = 1e-3 * Math.max(1, Math.abs(point[i]));
                double coarse = central(original, point, i, h);
                double fine = central(original, point, i, h / 2);
                double expected = (4 * fine - coarse) / 3;
                assertEquals(expected, gradient[i], 1e-6 * Math.max(1, Math.abs(expected)), "partial " + i);
            }
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static double central(Method f, double[] point, int i, double h) throws ReflectiveOperationException {
        double[] plus = point.clone();
        double[] minus = point.clone();
        plus[i] += h;
        minus[i] -= h;
        return (invoke(f, plus) - invoke(f, minus)) / (2 * h);
    }

    private static double invoke(Method f, double[] point) throws ReflectiveOperationException {
        return (double) f.invoke(null, Arrays.stream(point).boxed().toArray());
    }
}
