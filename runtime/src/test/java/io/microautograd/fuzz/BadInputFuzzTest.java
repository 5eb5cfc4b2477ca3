package io.microautograd.fuzz;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.microautograd.fuzz.Program.Method;
import io.microautograd.processor.DifferentiableProcessor;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Bad input: valid random programs mutated into Java the compiler does not take, and into Java
 * that is not Java at all. The processor must answer with a diagnostic inside the method (for
 * unsupported constructs), never crash, and never emit generated code that fails to compile.
 */
class BadInputFuzzTest {

    /**
     * Statements outside the subset of both compiler parts, each on one line; {@code P} stands
     * for a parameter.
     */
    private static final List<String> UNSUPPORTED = List.of(
            "switch (\"a\") { default: break; }",
            "try { double q = P; } catch (RuntimeException e) { }",
            "String s = \"\" + P;",
            "System.out.println(P);",
            "synchronized (Object.class) { double q = P; }",
            "java.util.function.DoubleUnaryOperator op = q -> q * P;",
            "Object o = new Object();",
            "if (P > 1e300) { throw new Exception(); }",
            "assert P > 0;",
            "class Local { }",
            "double q = Math.random() * P;",
            "double q = Math.ulp(P);",
            "double q = Double.valueOf(P);",
            "float q = (float) P;",
            "for (int j = 0; j < 2; j++) { double[] q = new double[2]; }",
            "outer: for (int j = 0; j < 2; j++) { for (int m = 0; m < 2; m++) { break outer; } }",
            "for (int j = 0; j < 2; j++) { return P; }",
            "double[] q = {P}; q = new double[1];");

    private static final int PROGRAMS = Integer.getInteger("fuzz.badInput", 60);

    @Test
    void unsupportedJavaGetsADiagnosticInsideTheMethod() {
        Random random = new Random(99);
        int tried = 0;
        for (int i = 0; i < PROGRAMS; i++) {
            Method method = new ProgramGenerator(random.nextLong()).method("f");
            String parameter = method.parameters().get(0);
            String snippet = UNSUPPORTED.get(i % UNSUPPORTED.size()).replace("P", parameter);
            String source = withFirstStatement(method, snippet);
            InMemoryCompiler.Result result = compile(source);
            tried++;
            assertFalse(result.success(), "accepted unsupported Java:\n" + source);
            assertNoCrashAndNoBrokenGeneratedCode(result, source);
            int snippetLine = lineOf(source, snippet);
            assertTrue(result.diagnostics().stream().anyMatch(d -> d.getKind() == Diagnostic.Kind.ERROR
                            && d.getMessage(null).startsWith("[MicroAutograd:") && d.getLineNumber() == snippetLine),
                    "no tagged error on line " + snippetLine + " for `" + snippet + "`:\n" + result.errors() + source);
        }
        System.out.println("bad-input fuzz: " + tried + " unsupported programs, each rejected on the right line");
    }

    @Test
    void brokenJavaNeverCrashesTheProcessor() {
        Random random = new Random(5);
        int tried = 0;
        for (int i = 0; i < PROGRAMS; i++) {
            Method method = new ProgramGenerator(random.nextLong()).method("f");
            String source = JavaPrinter.compilationUnit(DifferentialFuzzer.PACKAGE, "Broken", List.of(method));
            String broken = breakSyntax(source, random);
            InMemoryCompiler.Result result = compile(broken);
            tried++;
            assertNoCrashAndNoBrokenGeneratedCode(result, broken);
        }
        System.out.println("bad-input fuzz: " + tried + " broken programs, no crash");
    }

    private static void assertNoCrashAndNoBrokenGeneratedCode(InMemoryCompiler.Result result, String source) {
        for (Diagnostic<? extends JavaFileObject> d : result.diagnostics()) {
            String message = d.getMessage(null);
            assertFalse(message.contains("[MicroAutograd:InternalError]"), "processor crashed:\n" + message + "\n" + source);
            assertFalse(d.getKind() == Diagnostic.Kind.ERROR && d.getSource() != null
                            && d.getSource().getName().endsWith("Grad.java"),
                    "generated code does not compile:\n" + message + "\n" + result.generatedSources());
        }
    }

    /** Removes one character javac needs: a semicolon, a parenthesis or a brace. */
    private static String breakSyntax(String source, Random random) {
        String needed = ";)}(";
        while (true) {
            int at = random.nextInt(source.length());
            if (needed.indexOf(source.charAt(at)) >= 0) {
                return source.substring(0, at) + source.substring(at + 1);
            }
        }
    }

    private static String withFirstStatement(Method method, String statement) {
        String source = JavaPrinter.compilationUnit(DifferentialFuzzer.PACKAGE, "Unsupported", List.of(method));
        int bodyStart = source.indexOf(") {\n", source.indexOf("static double")) + 4;
        return source.substring(0, bodyStart) + "        " + statement + "\n" + source.substring(bodyStart);
    }

    private static int lineOf(String source, String text) {
        int at = source.indexOf(text);
        return (int) source.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    private static InMemoryCompiler.Result compile(String source) {
        String name = source.contains("class Broken") ? "Broken" : "Unsupported";
        return InMemoryCompiler.compile(Map.of(DifferentialFuzzer.PACKAGE + "." + name, source), new DifferentiableProcessor());
    }
}
