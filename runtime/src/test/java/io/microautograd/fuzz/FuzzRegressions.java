package io.microautograd.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The home of regression tests printed by the fuzzer: compiles {@code @Differentiable} methods
 * with the processor and checks the generated value of the last one (bit for bit) and its
 * gradient (against Richardson-extrapolated central differences) at a point, with the caller's
 * arrays left as they were.
 */
final class FuzzRegressions {

    private static final Pattern SIGNATURE = Pattern.compile("static double (\\w+)\\(([^)]*)\\)");

    private FuzzRegressions() {
    }

    /** Asserts the generated gradient of the last method of {@code source} (double parameters only) at {@code point}. */
    static void assertAgrees(String source, double[] point) {
        assertAgrees(source, 0, point);
    }

    /**
     * Asserts the generated gradient of the last method of {@code source} is right at
     * {@code point}, in which each {@code double[]} parameter takes {@code arrayLength} slots.
     */
    static void assertAgrees(String source, int arrayLength, double[] point) {
        assertAgrees(source, arrayLength, List.of(), point);
    }

    /**
     * As {@link #assertAgrees(String, int, double[])} for a method that also takes the
     * {@code int[]} parameters {@code indexArrays}, which take no slot of {@code point}.
     */
    static void assertAgrees(String source, int arrayLength, List<Program.IndexArray> indexArrays, double[] point) {
        Matcher signature = SIGNATURE.matcher(source);
        String name = null;
        List<String> names = new ArrayList<>();
        List<Boolean> arrays = new ArrayList<>();
        while (signature.find()) {
            name = signature.group(1);
            names.clear();
            arrays.clear();
            for (String parameter : signature.group(2).split(",")) {
                String[] typeAndName = parameter.trim().split("\\s+");
                arrays.add(typeAndName[0].equals("double[]"));
                names.add(typeAndName[1]);
            }
        }
        assertNotNull(name, "no static double method in\n" + source);
        ParameterLayout layout = new ParameterLayout(List.copyOf(names), List.copyOf(arrays), arrayLength,
                indexArrays);
        assertEquals(layout.size(), point.length, "point length for " + layout);
        String unit = "package " + DifferentialFuzzer.PACKAGE + ";\n\nimport io.microautograd.Differentiable;\n\n"
                + "public final class Regression {\n" + source + "}\n";
        InMemoryCompiler.Result result = InMemoryCompiler.compile(
                Map.of(DifferentialFuzzer.PACKAGE + ".Regression", unit),
                new io.microautograd.processor.DifferentiableProcessor());
        assertTrue(result.success(), result.errors());
        try {
            Method original = result.classes().loadClass(DifferentialFuzzer.PACKAGE + ".Regression")
                    .getMethod(name, layout.types());
            Method compiled = result.classes().loadClass(DifferentialFuzzer.PACKAGE + ".RegressionGrad")
                    .getMethod(name, layout.gradientTypes());
            double[] gradient = new double[point.length];
            double value = DifferentialFuzzer.Loaded.valueAndGradient(compiled, layout, point, gradient);
            assertEquals(value(original, layout, point), value, "value");
            for (int i = 0; i < point.length; i++) {
                double h = 1e-3 * Math.max(1, Math.abs(point[i]));
                double coarse = central(original, layout, point, i, h);
                double fine = central(original, layout, point, i, h / 2);
                double expected = (4 * fine - coarse) / 3;
                assertEquals(expected, gradient[i], 1e-6 * Math.max(1, Math.abs(expected)),
                        "partial " + layout.slotName(i));
            }
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * Compiles {@code program} alone with the processor and asserts that every check of
     * {@link PointCheck} agrees at each of {@code points}; returns the compilation.
     */
    static DifferentialFuzzer.Compilation assertProgramAgrees(Program.Method program, double[]... points) {
        DifferentialFuzzer.Compilation compilation = DifferentialFuzzer.compile("Checked", List.of(program));
        assertNotNull(compilation.loaded(), compilation.errors());
        for (double[] point : points) {
            PointCheck.Outcome outcome = compilation.loaded().check(program, point);
            assertEquals(PointCheck.Verdict.AGREE, outcome.verdict(), outcome.detail());
        }
        return compilation;
    }

    private static double central(Method f, ParameterLayout layout, double[] point, int i, double h) {
        double[] plus = point.clone();
        double[] minus = point.clone();
        plus[i] += h;
        minus[i] -= h;
        return (value(f, layout, plus) - value(f, layout, minus)) / (2 * h);
    }

    private static double value(Method f, ParameterLayout layout, double[] point) {
        return DifferentialFuzzer.Loaded.invoke(f, layout.arguments(point));
    }
}
