package io.microautograd.processor;

import static com.google.common.truth.Truth.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.util.Locale;
import javax.tools.Diagnostic;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Java outside the subset always gets exactly one tagged diagnostic from the fence, never an
 * internal error and never follow-on errors from generated code.
 */
class FenceTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "Runnable r = () -> { };\nreturn x;",
        "String s = \"a\";\nreturn x;",
        "return x + \"\".length();",
        "return this.hashCode() * x;",
        "int[] counts = new int[3];\nreturn x;",
        "double[][][] cube = new double[1][1][1];\nreturn x;",
        "float f = 1;\nreturn x * f;",
        "var f = 1.5f;\nreturn x * f;",
        "switch (x) {\n    case 1:\n        return x;\n    default:\n        return -x;\n}",
        "switch (\"a\") {\n    default:\n        return -x;\n}",
        "return 2 * switch ((int) x) {\n    case 1 -> x;\n    default -> -x;\n};",
        "try {\n    return x;\n} finally {\n    x = 0;\n}",
        "throw new Exception();",
        "throw new IllegalStateException(String.valueOf(x));",
        "assert x > 0;\nreturn x;",
        "class Local {\n}\nreturn x;",
        "return Math.random();",
        "return Math.sqrt(x, x);",
        "return java.util.Arrays.asList(x).size();",
        "return x instanceof Double ? 1 : 0;",
        "return (x = 2) * x;",
        "double y = x;\nreturn y-- * 2;",
        "return x == 1 && true & false ? x : 0;",
        "return x << 1;",
        "return unknown * x;",
        "return Model.missing(x);",
        "double[] a = {x};\nreturn a.clone()[0];",
        "double[] a = {x};\nreturn a[0.5];",
        "for (double v : new double[] {x}) {\n    x += v;\n}\nreturn x;",
        "while (x > 1) {\n    return x;\n}\nreturn x;",
        "return x % 2;",
        "synchronized (Model.class) {\n    return x;\n}",
        "return (Math.PI > 3 ? \"a\" : \"b\").length();",
    })
    void unsupportedJavaGetsExactlyOneTaggedError(String body) {
        Compilation compilation = GeneratedCode.javac().compile(JavaFileObjects.forSourceString("p.Model",
                "package p;\n\nimport io.microautograd.Differentiable;\n\nclass Model {\n    @Differentiable\n"
                        + "    static double f(double x) {\n        " + body.replace("\n", "\n        ")
                        + "\n    }\n}\n"));
        String ours = compilation.errors().stream().map(d -> d.getMessage(Locale.ROOT))
                .filter(m -> m.startsWith("[MicroAutograd:")).reduce("", (a, b) -> a + b + "\n");
        assertThat(ours).doesNotContain("InternalError");
        assertThat(compilation.errors().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .map(d -> d.getSource() == null ? "" : d.getSource().getName())
                .filter(name -> name.contains("Grad")).count()).isEqualTo(0);
        assertThat(ours.lines().count()).isEqualTo(1);
    }
}
