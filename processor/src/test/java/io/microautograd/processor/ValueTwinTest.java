package io.microautograd.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Value twins: written exactly when the engine is on the class path, one per annotated
 * method the engine can run, reading like the source. The corpus tests ({@link
 * ScalarFunctionsTest}, {@link ArrayAndLoopFunctionsTest}) check every twin's value and gradient
 * ({@link ValueTwinCheck}); {@link ValueTwinsOfRulesTest} the twins of callers of rules' targets.
 */
class ValueTwinTest {

    private static final String ROSENBROCK = """
            package p;

            import io.microautograd.Differentiable;

            public class Banana {
                @Differentiable
                public static double rosenbrock(double x, double y) {
                    double a = 1 - x;
                    double b = y - x * x;
                    return a * a + 100 * b * b;
                }
            }
            """;

    @Test
    void everyMethodOfTheCorpusHasATwin() {
        GeneratedCode scalar = GeneratedCode.compile(ValueTwinCheck.withEngine(JavaFileObjects.forSourceString(
                "p.Functions", ScalarFunctionsTest.source())));
        assertEquals(ScalarFunctionsTest.CASES.stream().map(FunctionCase::name).sorted().toList(),
                twins(scalar, "p.FunctionsValues"));
        GeneratedCode arrays = GeneratedCode.compile(ValueTwinCheck.withEngine(JavaFileObjects.forSourceString(
                "p.Numeric", ArrayAndLoopFunctionsTest.SOURCE), JavaFileObjects.forSourceString("p.Shapes",
                ArrayAndLoopFunctionsTest.SHAPES)));
        assertEquals(List.of("breakAndContinue", "callsTwo", "dampedOscillator", "guardedData", "hiddenIndexName",
                "logisticLoss", "loopsOfEveryKind", "matrixMatrix", "matrixVector", "mlp", "nestedInPlace", "norm",
                "recomputedLocals", "repeatedDecay", "rosenbrockN", "softmaxCrossEntropy"),
                twins(arrays, "p.NumericValues"));
        assertEquals(List.of("bump"), twins(arrays, "p.ShapesValues"));
    }

    @Test
    void withoutTheEngineOnTheClassPathNoTwinIsWritten() {
        Compilation compilation = GeneratedCode.javac().compile(JavaFileObjects.forSourceString("p.Banana", ROSENBROCK));
        GeneratedCode.of(compilation);
        assertTrue(compilation.generatedSourceFile("p.BananaGrad").isPresent());
        assertFalse(compilation.generatedSourceFile("p.BananaValues").isPresent());
    }

    @Test
    void aClassOfTheUsersWithTheTwinsNameKeepsIt() {
        Compilation compilation = GeneratedCode.javac().compile(ValueTwinCheck.withEngine(
                JavaFileObjects.forSourceString("p.Banana", ROSENBROCK),
                JavaFileObjects.forSourceString("p.BananaValues", "package p;\n\nfinal class BananaValues {\n}\n")));
        GeneratedCode.of(compilation);
        assertTrue(compilation.generatedSourceFile("p.BananaGrad").isPresent());
        assertFalse(compilation.generatedSourceFile("p.BananaValues").isPresent());
    }

    @Test
    void theTwinReadsLikeTheSource() {
        GeneratedCode code = GeneratedCode.compile(ValueTwinCheck.withEngine(
                JavaFileObjects.forSourceString("p.Banana", ROSENBROCK)));
        String source = source(code.compilation(), "p.BananaValues");
        assertTrue(source.contains("""
                    public static Value rosenbrock(Value x, Value y) {
                        labelIfUnnamed(x, "x");
                        labelIfUnnamed(y, "y");
                        Value a = Value.of(1).sub(x).label("a");
                        Value b = y.sub(x.mul(x)).label("b");
                        return a.mul(a).add(Value.of(100).mul(b).mul(b));
                    }
                """), source);
    }

    @Test
    void aMethodTheEngineCannotRunHasNoTwinAndItsJavadocSaysWhy() {
        GeneratedCode code = GeneratedCode.compile(ValueTwinCheck.withEngine(JavaFileObjects.forSourceString("p.Parts",
                """
                package p;

                import io.microautograd.Differentiable;

                class Parts {
                    @Differentiable(wrt = "y")
                    static double counted(double[] x, double y) {
                        return y * Stats.count(x);
                    }

                    @Differentiable
                    static double caller(double y) {
                        double[] ones = {1, 1};
                        return counted(ones, y) * y;
                    }

                    @Differentiable
                    static double fine(double x) {
                        return x * x;
                    }

                    static final class Stats {
                        static int count(double[] x) {
                            return x.length;
                        }
                    }
                }
                """)));
        assertEquals(List.of("fine"), twins(code, "p.PartsValues"));
        String source = source(code.compilation(), "p.PartsValues");
        assertTrue(source.contains(" * <p>Methods without a twin, and why:\n * <ul>\n"
                + " * <li>{@code counted}: it passes arrays of doubles to or from count, which is not"
                + " @Differentiable and so takes no Values</li>\n"
                + " * <li>{@code caller}: it calls counted, which has no Value twin</li>\n * </ul>\n"), source);
    }

    @Test
    void aGuardThrowsInTheTwinAsInTheSource() throws Exception {
        GeneratedCode code = GeneratedCode.compile(ValueTwinCheck.withEngine(JavaFileObjects.forSourceString("p.Functions",
                ScalarFunctionsTest.source())));
        Class<?> value = code.loader().loadClass("io.microautograd.engine.Value");
        Method of = value.getMethod("of", double.class);
        AssertionError thrown = org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class,
                () -> code.call("p.FunctionsValues", "guarded", of.invoke(null, 150.0), of.invoke(null, 0.5)));
        AssertionError original = org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class,
                () -> code.call("p.Functions", "guarded", 150.0, 0.5));
        assertEquals(IllegalStateException.class, thrown.getCause().getClass());
        assertEquals(original.getCause().getMessage(), thrown.getCause().getMessage());
    }

    @Test
    void aCallOfAMethodCompiledEarlierGoesThroughItsTwin(@TempDir Path library) throws Exception {
        GeneratedCode first = GeneratedCode.compile(ValueTwinCheck.withEngine(
                JavaFileObjects.forSourceString("p.Banana", ROSENBROCK)));
        GeneratedCode second = first.compileAfter(library, JavaFileObjects.forSourceString("q.Caller", """
                package q;

                import io.microautograd.Differentiable;
                import p.Banana;

                class Caller {
                    @Differentiable
                    static double twice(double x, double y) {
                        return 2 * Banana.rosenbrock(x, y);
                    }
                }
                """));
        assertTrue(source(second.compilation(), "q.CallerValues").contains("Value.of(2).mul(BananaValues.rosenbrock(x, y))"));
        ValueTwinCheck.check(second, "q.Caller", "twice", new Object[] {-1.2, 1.0}, new int[] {0, 1},
                new Object[] {2 * -215.6, 2 * -88.0});
    }

    /** The names of the twins in {@code twinClass}, sorted. */
    static List<String> twins(GeneratedCode code, String twinClass) {
        try {
            return Arrays.stream(code.loader().loadClass(twinClass).getDeclaredMethods())
                    .filter(m -> java.lang.reflect.Modifier.isPublic(m.getModifiers())).map(Method::getName)
                    .sorted().toList();
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }

    /** The text of a generated source file. */
    static String source(Compilation compilation, String generatedClass) {
        try {
            return compilation.generatedSourceFile(generatedClass).orElseThrow().getCharContent(true).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
