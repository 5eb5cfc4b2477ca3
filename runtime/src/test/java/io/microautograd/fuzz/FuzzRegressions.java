package io.microautograd.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The home of regression tests printed by the fuzzer: compiles {@code @Differentiable} methods
 * (after the {@code import static} lines the source may begin with) with the processor and checks
 * the generated value of the last one (bit for bit) and its gradient (against
 * Richardson-extrapolated central differences) at a point, with the caller's arrays left as they
 * were; where the original method throws, the generated one must throw the same exception with
 * the same message.
 */
final class FuzzRegressions {

    private static final Pattern SIGNATURE = Pattern.compile("static double (\\w+)\\(([^)]*)\\)");
    private static final Pattern STATIC_IMPORT = Pattern.compile("(?m)^\\s*(import static [\\w.*]+;)\\n");

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
        Compiled compiled = compile(source, arrayLength, indexArrays);
        ParameterLayout layout = compiled.layout();
        assertAgreesAt(point, layout, x -> DifferentialFuzzer.Loaded.invoke(compiled.original(), layout.arguments(x)),
                (x, gradient) -> DifferentialFuzzer.Loaded.valueAndGradient(compiled.gradient(), layout, x, gradient));
    }

    /**
     * Asserts what the generated method of the last method of {@code source} does when one array
     * is passed for its {@code double[]} parameters {@code kept} and {@code dropped}, and one
     * storage array for their adjoints, at {@code point} (which has no slots for {@code dropped}):
     * it throws {@code rejection}, or, when that is null, it gives the method's value and the
     * gradient of the method as called.
     */
    static void assertSharedArraysAgree(String source, int arrayLength, String kept, String dropped, String rejection,
            double[] point) {
        assertSharedArraysAgree(source, arrayLength, List.of(), kept, dropped, rejection, point);
    }

    /** As {@link #assertSharedArraysAgree(String, int, String, String, String, double[])} with {@code int[]} parameters. */
    static void assertSharedArraysAgree(String source, int arrayLength, List<Program.IndexArray> indexArrays,
            String kept, String dropped, String rejection, double[] point) {
        Compiled compiled = compile(source, arrayLength, indexArrays);
        List<String> names = compiled.layout().names();
        SharedArrayCalls.SharedCall call = new SharedArrayCalls.SharedCall(compiled.layout(), names.indexOf(kept),
                names.indexOf(dropped));
        assertEquals(call.asCalled().size(), point.length, "point length for " + call.asCalled());
        if (rejection != null) {
            IllegalStateException thrown = assertThrows(IllegalStateException.class,
                    () -> call.valueAndGradient(compiled.gradient(), point, new double[point.length]));
            assertInstanceOf(IllegalArgumentException.class, thrown.getCause());
            assertEquals(rejection, thrown.getCause().getMessage());
            DifferentialFuzzer.Loaded.invoke(compiled.original(), call.arguments(point));
            return;
        }
        assertAgreesAt(point, call.asCalled(), x -> DifferentialFuzzer.Loaded.invoke(compiled.original(),
                call.arguments(x)), (x, gradient) -> call.valueAndGradient(compiled.gradient(), x, gradient));
    }

    /** The last method of {@code source} compiled with the processor, and its generated allocation-free call. */
    private record Compiled(ParameterLayout layout, Method original, Method gradient) {
    }

    private static Compiled compile(String source, int arrayLength, List<Program.IndexArray> indexArrays) {
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
        StringBuilder imports = new StringBuilder();
        Matcher staticImport = STATIC_IMPORT.matcher(source);
        while (staticImport.find()) {
            imports.append(staticImport.group(1)).append('\n');
        }
        String unit = "package " + DifferentialFuzzer.PACKAGE + ";\n\n" + imports
                + "import io.microautograd.Differentiable;\n\npublic final class Regression {\n"
                + STATIC_IMPORT.matcher(source).replaceAll("") + "}\n";
        InMemoryCompiler.Result result = InMemoryCompiler.compile(
                Map.of(DifferentialFuzzer.PACKAGE + ".Regression", unit),
                new io.microautograd.processor.DifferentiableProcessor());
        assertTrue(result.success(), result.errors());
        try {
            return new Compiled(layout, result.classes().loadClass(DifferentialFuzzer.PACKAGE + ".Regression")
                    .getMethod(name, layout.types()), result.classes().loadClass(DifferentialFuzzer.PACKAGE
                    + ".RegressionGrad").getMethod(name, layout.gradientTypes()));
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * Asserts that {@code compiled} gives {@code original}'s value bit for bit at {@code point}
     * and its gradient to Richardson-extrapolated central differences, or, where the original
     * throws, throws the same exception with the same message.
     */
    private static void assertAgreesAt(double[] point, ParameterLayout layout, ToDoubleFunction<double[]> original,
            PointCheck.Compiled compiled) {
        assertEquals(layout.size(), point.length, "point length for " + layout);
        double originalValue;
        try {
            originalValue = original.applyAsDouble(point);
        } catch (IllegalStateException thrown) {
            Throwable generated = assertThrows(IllegalStateException.class,
                    () -> compiled.valueAndGradient(point, new double[point.length])).getCause();
            assertEquals(thrown.getCause().getClass(), generated.getClass(), "exception");
            assertEquals(thrown.getCause().getMessage(), generated.getMessage(), "message");
            return;
        }
        double[] gradient = new double[point.length];
        double value = compiled.valueAndGradient(point, gradient);
        assertEquals(originalValue, value, "value");
        for (int i = 0; i < point.length; i++) {
            double h = 1e-3 * Math.max(1, Math.abs(point[i]));
            double coarse = central(original, point, i, h);
            double fine = central(original, point, i, h / 2);
            double expected = (4 * fine - coarse) / 3;
            assertEquals(expected, gradient[i], 1e-6 * Math.max(1, Math.abs(expected)),
                    "partial " + layout.slotName(i));
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

    private static double central(ToDoubleFunction<double[]> f, double[] point, int i, double h) {
        double[] plus = point.clone();
        double[] minus = point.clone();
        plus[i] += h;
        minus[i] -= h;
        return (f.applyAsDouble(plus) - f.applyAsDouble(minus)) / (2 * h);
    }
}
