package io.microautograd.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import io.microautograd.processor.ir.MethodFacts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.function.Supplier;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Calls of {@code @Differentiable} methods compiled in an earlier javac run, which the processor
 * sees only as class files, as a module sees a library's jar: each rule about calls holds as
 * within one run (the caller's generated class, or its error, is the one a single run gives),
 * facts go by parameter position with and without {@code -parameters}, and a callee whose facts
 * are missing gets an error at the call that says how to fix the build.
 */
class SeparateCompilationTest {

    /** The issue's helper, which squares its array in place. */
    private static final JavaFileObject SQUARE_IN_PLACE = JavaFileObjects.forSourceString("lib.W", """
            package lib;

            import io.microautograd.Differentiable;

            public final class W {
                @Differentiable
                public static double squareInPlace(double[] v) {
                    double s = 0;
                    for (int i = 0; i < v.length; i++) {
                        v[i] = v[i] * v[i];
                        s += v[i];
                    }
                    return s;
                }
            }
            """);

    /** The issue's caller, which reads its array after the helper wrote into it. */
    private static final JavaFileObject READS_AFTER_THE_CALL = JavaFileObjects.forSourceString("app.A", """
            package app;

            import io.microautograd.Differentiable;
            import lib.W;

            public final class A {
                @Differentiable
                public static double f(double[] w) {
                    double s = W.squareInPlace(w);
                    return s + w[0] * w[1] - w[2];
                }
            }
            """);

    /** A method with a scalar outside its wrt. */
    private static final JavaFileObject SCALED = JavaFileObjects.forSourceString("lib.H", """
            package lib;

            import io.microautograd.Differentiable;

            public final class H {
                @Differentiable(wrt = "x")
                public static double scaled(double x, double a) {
                    return a * Math.sin(x) * x;
                }
            }
            """);

    /** Methods that may or may not hold on to the array they are given. */
    private static final JavaFileObject HOLDERS = JavaFileObjects.forSourceString("lib.K", """
            package lib;

            import io.microautograd.Differentiable;

            public final class K {
                public static double[] last;

                public static double remember(double[] v) {
                    last = v;
                    return v.length;
                }

                @Differentiable(wrt = "x")
                public static double reads(double x, double[] v) {
                    return x * v[0];
                }

                @Differentiable(wrt = "x")
                public static double keeps(double x, double[] v) {
                    return x * v[0] + remember(v);
                }

                @Differentiable(wrt = "x")
                public static double relays(double x, double[] v) {
                    return keeps(x, v) * 2;
                }
            }
            """);

    private static JavaFileObject callerOfHolders() {
        return JavaFileObjects.forSourceString("app.C", """
                package app;

                import io.microautograd.Differentiable;
                import lib.K;

                public final class C {
                    @Differentiable(wrt = "x")
                    public static double f(double x, int n, int seed) {
                        double[] read = new double[n];
                        double[] kept = new double[n];
                        double[] relayed = new double[n];
                        for (int i = 0; i < n; i++) {
                            read[i] = seed + i;
                            kept[i] = seed + 2 * i;
                            relayed[i] = seed + 3 * i;
                        }
                        return K.reads(x, read) + K.keeps(x, kept) + K.relays(x, relayed);
                    }
                }
                """);
    }

    @Test
    void theIssuesCallOfAMethodWritingIntoItsArrayIsRejectedAsInOneRun(@TempDir Path classes) {
        assertRejectedAsInOneRun(classes, GeneratedCode::javac, SQUARE_IN_PLACE, READS_AFTER_THE_CALL,
                "[MicroAutograd:UnsupportedCall] call of squareInPlace, which writes into its array parameter v; a "
                        + "@Differentiable method may call only methods that leave their array arguments unchanged: "
                        + "let squareInPlace copy v into a local array and write there", 9, 35);
    }

    @Test
    void theIssuesCallWithTheHelperWritingIntoACopyHasTheGradientOfFiniteDifferences(@TempDir Path classes) {
        JavaFileObject squares = JavaFileObjects.forSourceString("lib.W", """
                package lib;

                import io.microautograd.Differentiable;

                public final class W {
                    @Differentiable
                    public static double squareInPlace(double[] v, double scale) {
                        double[] u = new double[v.length];
                        double s = 0;
                        for (int i = 0; i < v.length; i++) {
                            u[i] = v[i] * v[i];
                            s += scale * u[i] * Math.sin(v[i]);
                        }
                        return s;
                    }
                }
                """);
        JavaFileObject caller = JavaFileObjects.forSourceString("app.A", """
                package app;

                import io.microautograd.Differentiable;
                import lib.W;

                public final class A {
                    @Differentiable
                    public static double f(double[] w, double t) {
                        double s = W.squareInPlace(w, t * t);
                        return s + w[0] * w[1] - Math.exp(t) * w[2];
                    }
                }
                """);
        GeneratedCode code = compileInTwoRuns(classes, GeneratedCode::javac, squares, caller, "app.AGrad");
        new ArrayGradientCheck(code, "app.A").check("f", new Object[] {new double[] {1.0, -2.0, 3.0}, 0.7},
                "w:0", "t:1");
    }

    @ParameterizedTest(name = "-parameters: {0}")
    @ValueSource(booleans = {false, true})
    void wrtIsReadByPositionWhetherTheClassFileHasParameterNamesOrNot(boolean parameterNames, @TempDir Path classes) {
        Supplier<Compiler> library = () -> parameterNames ? GeneratedCode.javac("-parameters") : GeneratedCode.javac();
        JavaFileObject caller = JavaFileObjects.forSourceString("app.B", """
                package app;

                import io.microautograd.Differentiable;
                import lib.H;

                public final class B {
                    @Differentiable
                    public static double g(double y) {
                        return H.scaled(y * y, 3.0) + y;
                    }
                }
                """);
        GeneratedCode code = compileInTwoRuns(classes, library, SCALED, caller, "app.BGrad");
        double[] y = {0.8};
        double partial = (double) GeneratedCode.component(code.call("app.BGrad", "g", y[0]), "y");
        FiniteDifferences.assertPartial("dg/dy", partial, x -> (double) code.call("app.B", "g", x[0]), y, 0);
        TangentCheck.check(code, "app.B", "g", new Object[] {y[0]}, new int[] {0}, new Object[] {partial});
    }

    @ParameterizedTest(name = "-parameters: {0}")
    @ValueSource(booleans = {false, true})
    void aDifferentiatedValueIntoAParameterOutsideWrtIsRejectedAsInOneRun(boolean parameterNames,
            @TempDir Path classes) {
        Supplier<Compiler> library = () -> parameterNames ? GeneratedCode.javac("-parameters") : GeneratedCode.javac();
        JavaFileObject caller = JavaFileObjects.forSourceString("app.B", """
                package app;

                import io.microautograd.Differentiable;
                import lib.H;

                public final class B {
                    @Differentiable
                    public static double g(double y) {
                        return H.scaled(2.0, y) + y;
                    }
                }
                """);
        assertRejectedAsInOneRun(classes, library, SCALED, caller, "[MicroAutograd:UnsupportedCall] call of scaled "
                + "passes a value that depends on a differentiated parameter to its parameter a, which scaled does not "
                + "differentiate, so that derivative would be lost; add \"a\" to the wrt of scaled's @Differentiable "
                + "or pass it only constants", 9, 24);
    }

    @Test
    void anArrayIsKeptBetweenCallsOnlyWhenTheMethodCompiledEarlierCannotHoldOnToIt(@TempDir Path classes)
            throws ReflectiveOperationException {
        GeneratedCode code = compileInTwoRuns(classes, GeneratedCode::javac, HOLDERS, callerOfHolders(), "app.CGrad");
        String pullback = code.pullbackSource("app.CGrad", "f");
        assertTrue(pullback.contains("double[] read = takeVector(fReadArray, n);"), pullback);
        assertTrue(pullback.contains("kept = new double[n];"), "keeps passes it to a plain method:\n" + pullback);
        assertTrue(pullback.contains("relayed = new double[n];"), "relays passes it to keeps:\n" + pullback);
        code.call("app.CGrad", "f", 0.5, 3, 10, new double[1]);
        double[] held = (double[]) code.loader().loadClass("lib.K").getField("last").get(null);
        double[] before = held.clone();
        code.call("app.CGrad", "f", 0.5, 3, 20, new double[1]);
        assertArrayEquals(before, held, "the next call left the array K holds alone");
    }

    @Test
    void recursionThroughAMethodCompiledEarlierIsRejected(@TempDir Path classes) {
        JavaFileObject before = JavaFileObjects.forSourceString("app.A", """
                package app;

                import io.microautograd.Differentiable;

                public final class A {
                    @Differentiable
                    public static double g(double x) {
                        return x * x;
                    }
                }
                """);
        JavaFileObject library = JavaFileObjects.forSourceString("lib.W", """
                package lib;

                import app.A;
                import io.microautograd.Differentiable;

                public final class W {
                    @Differentiable
                    public static double h(double x) {
                        return A.g(x) + x;
                    }
                }
                """);
        JavaFileObject after = JavaFileObjects.forSourceString("app.A", """
                package app;

                import io.microautograd.Differentiable;
                import lib.W;

                public final class A {
                    @Differentiable
                    public static double g(double x) {
                        return x < 1 ? x * x : W.h(x / 2);
                    }
                }
                """);
        Compilation recompiled = GeneratedCode.compile(before, library).javacAfter(classes).compile(after);
        assertThat(recompiled).hadErrorCount(1);
        assertThat(recompiled).hadErrorContaining("[MicroAutograd:Recursion] g calls h, which leads back to g; "
                + "recursion is not supported, write it as a loop").inFile(after).onLine(9).atColumn(35);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void aSecondOrderCallerNeedsACalleeCompiledEarlierWithOrderTwo(int calleeOrder, @TempDir Path classes) {
        JavaFileObject library = JavaFileObjects.forSourceString("lib.W", """
                package lib;

                import io.microautograd.Differentiable;

                public final class W {
                    @Differentiable(order = %d)
                    public static double cube(double x) {
                        return x * x * x;
                    }
                }
                """.formatted(calleeOrder));
        JavaFileObject caller = JavaFileObjects.forSourceString("app.A", """
                package app;

                import io.microautograd.Differentiable;
                import lib.W;

                public final class A {
                    @Differentiable(order = 2)
                    public static double f(double x) {
                        return W.cube(x) + x;
                    }
                }
                """);
        Compilation compilation = GeneratedCode.compile(library).javacAfter(classes).compile(caller);
        if (calleeOrder == 2) {
            assertThat(compilation).succeededWithoutWarnings();
            return;
        }
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("[MicroAutograd:SecondOrder] call of cube, which has no "
                + "second-order methods, from f, whose Hessian-vector product would call them; give cube "
                + "@Differentiable(order = 2) too").inFile(caller).onLine(9).atColumn(22);
    }

    @Test
    void aCalleeCompiledWithoutTheProcessorIsRejectedWithTheFix(@TempDir Path classes) {
        JavaFileObject squares = JavaFileObjects.forSourceString("lib.W", """
                package lib;

                import io.microautograd.Differentiable;

                public final class W {
                    @Differentiable
                    public static double squares(double[] v) {
                        return v[0] * v[0];
                    }
                }
                """);
        GeneratedCode withoutProcessor = GeneratedCode.of(Compiler.javac().withOptions("-proc:none").compile(squares));
        assertMissingFacts(withoutProcessor, classes, "whose generated class lib.WGrad is not on the class path; run "
                + "the MicroAutograd processor where lib.W is compiled (in Maven, on annotationProcessorPaths) and put "
                + "the class it generates on this class path");
    }

    @Test
    void aGeneratedClassWithoutFactsIsRejectedWithTheFix(@TempDir Path classes) {
        assertMissingFacts(handWrittenGradientClass("", "double[] v, double seed, double[] dV"), classes,
                "whose generated class lib.WGrad records no facts about it (an earlier version of the processor "
                        + "generated it); rebuild the module of lib.W with this version of the MicroAutograd "
                        + "processor");
    }

    @Test
    void factsOfAnotherFormatAreRejectedWithTheFix(@TempDir Path classes) {
        int other = MethodFacts.VERSION + 1;
        assertMissingFacts(handWrittenGradientClass(facts(other, "\"v\""), "double[] v, double seed, double[] dV"),
                classes, "whose generated class lib.WGrad records its facts in format " + other + ", and this processor "
                        + "reads format " + MethodFacts.VERSION + "; rebuild the module of lib.W with this version of "
                        + "the MicroAutograd processor");
    }

    @Test
    void aGeneratedClassOlderThanItsMethodIsRejectedWithTheFix(@TempDir Path classes) {
        assertMissingFacts(handWrittenGradientClass(facts(MethodFacts.VERSION, "\"v\", \"u\""),
                "double[] v, double[] u, double seed, double[] dV"),
                classes, "whose generated class lib.WGrad does not match it (it was generated before squares's "
                        + "parameters changed); rebuild the module of lib.W with this version of the MicroAutograd "
                        + "processor");
    }

    @Test
    void theGeneratedPullbackRecordsItsFactsForCallersCompiledLater() {
        String generated = source(GeneratedCode.compile(HOLDERS).compilation(), "lib.KGrad").replaceAll("\n +", "\n");
        assertTrue(generated.contains("""
                @DifferentiableFacts(
                version = 3,
                parameters = {"x", "v"},
                differentiated = {0},
                writtenArrays = {},
                order = 1,
                calls = {
                @DifferentiableFacts.Call(owner = "lib.K", name = "keeps", parameterTypes = {"double", "double[]"}, passesArrays = true)
                },
                passesArraysToPlainMethods = false
                )
                public static double relaysPullback(double x, double[] v, double dValue, double[] gradient) {
                """), generated);
        String writes = source(GeneratedCode.compile(SQUARE_IN_PLACE).compilation(), "lib.WGrad");
        assertTrue(writes.contains("        writtenArrays = {0},\n"), writes);
    }

    @Test
    void overloadsCompiledEarlierAreToldApartByTheirParameters(@TempDir Path classes) {
        JavaFileObject overloads = JavaFileObjects.forSourceString("lib.O", """
                package lib;

                import io.microautograd.Differentiable;

                public final class O {
                    @Differentiable
                    public static double sq(double x) {
                        return x * x;
                    }

                    @Differentiable
                    public static double sq(double[] v) {
                        return v[0] * v[1];
                    }
                }
                """);
        JavaFileObject caller = JavaFileObjects.forSourceString("app.U", """
                package app;

                import io.microautograd.Differentiable;
                import lib.O;

                public final class U {
                    @Differentiable
                    public static double f(double[] w, double t) {
                        return O.sq(t) * O.sq(w);
                    }
                }
                """);
        GeneratedCode code = compileInTwoRuns(classes, GeneratedCode::javac, overloads, caller, "app.UGrad");
        new ArrayGradientCheck(code, "app.U").check("f", new Object[] {new double[] {1.5, -2.0}, 0.7}, "w:0", "t:1");
    }

    @Test
    void aTypeAnnotationOnAParameterLeavesTheRulesOfCallsAsTheyAre(@TempDir Path classes) {
        JavaFileObject annotated = JavaFileObjects.forSourceString("lib.W", """
                package lib;

                import io.microautograd.Differentiable;
                import java.lang.annotation.ElementType;
                import java.lang.annotation.Target;

                public final class W {
                    @Target(ElementType.TYPE_USE)
                    public @interface Checked {
                    }

                    @Differentiable
                    public static double squareInPlace(@Checked double[] v) {
                        v[0] = v[0] * v[0];
                        return v[0];
                    }
                }
                """);
        JavaFileObject caller = JavaFileObjects.forSourceString("app.A", """
                package app;

                import io.microautograd.Differentiable;
                import lib.W;

                public final class A {
                    @Differentiable
                    public static double f(double[] w) {
                        double s = W.squareInPlace(w);
                        return s + w[0];
                    }
                }
                """);
        assertRejectedAsInOneRun(classes, GeneratedCode::javac, annotated, caller, "[MicroAutograd:UnsupportedCall] "
                + "call of squareInPlace, which writes into its array parameter v", 9, 35);
    }

    /**
     * Compiles {@code library} with {@code compiler}, then {@code caller} in a second run against its
     * classes; requires success and that the caller's generated class is the one a single run writes.
     */
    private static GeneratedCode compileInTwoRuns(Path classes, Supplier<Compiler> compiler, JavaFileObject library,
            JavaFileObject caller, String generatedClass) {
        GeneratedCode twoRuns = GeneratedCode.of(compiler.get().compile(library)).compileAfter(classes, caller);
        Compilation oneRun = compiler.get().compile(library, caller);
        assertEquals(source(oneRun, generatedClass), source(twoRuns.compilation(), generatedClass));
        return twoRuns;
    }

    /**
     * Asserts that {@code caller}, compiled in a second run against the classes of {@code library},
     * has only the error {@code message} at the line and column, and that a single run of both
     * reports it there too.
     */
    private static void assertRejectedAsInOneRun(Path classes, Supplier<Compiler> compiler, JavaFileObject library,
            JavaFileObject caller, String message, int line, int column) {
        Compilation twoRuns = GeneratedCode.of(compiler.get().compile(library)).javacAfter(classes).compile(caller);
        assertThat(twoRuns).hadErrorCount(1);
        assertThat(twoRuns).hadErrorContaining(message).inFile(caller).onLine(line).atColumn(column);
        Compilation oneRun = compiler.get().compile(library, caller);
        assertThat(oneRun).hadErrorContaining(message).inFile(caller).onLine(line).atColumn(column);
    }

    /**
     * Asserts that a call of {@code lib.W.squares} compiled after {@code library} has the one error
     * {@code problem}.
     */
    private static void assertMissingFacts(GeneratedCode library, Path classes, String problem) {
        JavaFileObject caller = JavaFileObjects.forSourceString("app.A", """
                package app;

                import io.microautograd.Differentiable;
                import lib.W;

                public final class A {
                    @Differentiable
                    public static double f(double[] w) {
                        return W.squares(w) * 2;
                    }
                }
                """);
        Compilation compilation = library.javacAfter(classes).compile(caller);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("[MicroAutograd:MissingFacts] call of W.squares, a @Differentiable "
                + "method compiled in another javac run, " + problem).inFile(caller).onLine(9).atColumn(25);
    }

    /**
     * {@code lib.W.squares(double[] v)} and, compiled without the processor, a gradient class
     * written by hand whose pullback has the given annotation and parameters.
     */
    private static GeneratedCode handWrittenGradientClass(String annotation, String parameters) {
        JavaFileObject squares = JavaFileObjects.forSourceString("lib.W", """
                package lib;

                import io.microautograd.Differentiable;

                public final class W {
                    @Differentiable
                    public static double squares(double[] v) {
                        return v[0] * v[0];
                    }
                }
                """);
        JavaFileObject gradient = JavaFileObjects.forSourceString("lib.WGrad", """
                package lib;

                import io.microautograd.DifferentiableFacts;

                public final class WGrad {
                    %s
                    public static double squaresPullback(%s) {
                        return 0;
                    }
                }
                """.formatted(annotation, parameters));
        return GeneratedCode.of(Compiler.javac().withOptions("-proc:none").compile(squares, gradient));
    }

    /** The facts of a method with the given parameters, which differentiates the first. */
    private static String facts(int version, String parameters) {
        return "@DifferentiableFacts(version = " + version + ", parameters = {" + parameters + "}, differentiated = "
                + "{0}, writtenArrays = {}, order = 1, calls = {}, passesArraysToPlainMethods = false)";
    }

    private static String source(Compilation compilation, String generatedClass) {
        try {
            return compilation.generatedSourceFile(generatedClass).orElseThrow().getCharContent(true).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
