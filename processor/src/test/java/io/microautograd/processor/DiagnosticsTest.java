package io.microautograd.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.Messager;
import javax.lang.model.element.Element;
import javax.lang.model.element.Name;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * One test per diagnostic: the tagged message, the line and column it points at, that it is the
 * only error (nothing generated for the method, so no follow-on errors).
 */
class DiagnosticsTest {

    /** The source line of the first statement of a body given to {@link #method}. */
    private static final int BODY = 8;

    private static JavaFileObject source(String members) {
        return JavaFileObjects.forSourceString("p.Model", "package p;\n\nimport io.microautograd.Differentiable;\n\n"
                + "class Model {\n" + members + "}\n");
    }

    /** A class whose line 6 is the annotation, line 7 the signature and line 8 the body's first line. */
    private static JavaFileObject method(String signature, String body) {
        return source("    @Differentiable\n    " + signature + " {\n        " + body.replace("\n", "\n        ")
                + "\n    }\n");
    }

    /** Compiles {@code file} and asserts its only error: the tagged message at the line and column. */
    static void assertOnlyError(JavaFileObject file, String message, int line, int column) {
        Compilation compilation = GeneratedCode.javac().compile(file);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining(message).inFile(file).onLine(line).atColumn(column);
    }

    @Test
    void notStatic() {
        assertOnlyError(method("double f(double x)", "return x;"),
                "[MicroAutograd:NotStatic] @Differentiable method f must be static; only static methods are supported",
                7, 12);
    }

    @Test
    void returnType() {
        assertOnlyError(method("static float f(double x)", "return 1;"),
                "[MicroAutograd:ReturnType] @Differentiable method f returns float; it must return double", 7, 18);
    }

    @Test
    void noBody() {
        assertOnlyError(source("    @Differentiable\n    static native double f(double x);\n"),
                "[MicroAutograd:NoBody] @Differentiable method f has no body to differentiate", 7, 26);
    }

    @Test
    void nothingToDifferentiate() {
        assertOnlyError(method("static double f(int n)", "return n;"),
                "[MicroAutograd:NothingToDifferentiate] @Differentiable method f has no parameter to differentiate; "
                        + "give it a double, double[] or double[][] parameter", 7, 19);
    }

    @Test
    void unknownWrt() {
        assertOnlyError(source("    @Differentiable(wrt = {\"x\", \"n\"})\n    static double f(double x, int n) {\n"
                + "        return x * n;\n    }\n"),
                "[MicroAutograd:UnknownWrt] wrt names \"n\", which is not a double, double[] or double[][] parameter "
                        + "of f; name one of its parameters [x, n]", 6, 33);
    }

    @Test
    void unsupportedLocalType() {
        assertOnlyError(method("static double f(double x)", "float q = 1;\nreturn x * q;"),
                "[MicroAutograd:UnsupportedType] local q has type float; supported local types are double, int, "
                        + "long, boolean, double[] and double[][], written out", BODY, 9);
    }

    @Test
    void floatLocalDeclaredWithVar() {
        assertOnlyError(method("static double f(double x)", "var q = 0.5f * 3;\nreturn x * q;"),
                "[MicroAutograd:UnsupportedType] var makes q a float local, from 0.5f * 3; float locals are not "
                        + "supported: declare q double, or int or long", BODY, 13);
    }

    @Test
    void varFromASwitchExpression() {
        assertOnlyError(method("static double f(double x, int n)", "var q = switch (n) {\n    default -> x;\n};\n"
                + "return q;"), "[MicroAutograd:UnsupportedType] var takes its type from a switch expression here; "
                + "declare q with its type (double, int or long)", BODY, 13);
    }

    @Test
    void floorDivOfADouble() {
        assertOnlyError(method("static double f(double x)", "return Math.floorDiv(x, 2) * x;"),
                "[MicroAutograd:UnsupportedExpression] Math.floorDiv takes int and long values as argument 1, not "
                        + "the double x", BODY, 30);
    }

    @Test
    void scalbByADouble() {
        assertOnlyError(method("static double f(double x)", "return Math.scalb(x, 2.0);"),
                "[MicroAutograd:UnsupportedExpression] Math.scalb takes an int as argument 2, not the double 2.0",
                BODY, 30);
    }

    @Test
    void noOverloadTakesTheArguments() {
        assertOnlyError(source("    @Differentiable\n    static double h(double[] v) {\n        return v[0];\n    }\n\n"
                + "    @Differentiable\n    static double h(double[][] m) {\n        return m[0][0];\n    }\n\n"
                + "    @Differentiable\n    static double f(double x) {\n        return h(x);\n    }\n"),
                "[MicroAutograd:UnsupportedCall] no method Model.h takes (double); its overloads take h(double[]) and "
                        + "h(double[][])", 18, 17);
    }

    @Test
    void varAllocationOfThreeDimensions() {
        assertOnlyError(method("static double f(double x)", "var a = new double[1][1][1];\nreturn x;"),
                "[MicroAutograd:UnsupportedArray] allocation new double[1][1][1] does not make a double[] or a "
                        + "double[][]", BODY, 17);
    }

    @Test
    void varOfAnIntArray() {
        assertOnlyError(method("static double f(double x, int[] idx)", "var a = idx;\nreturn x * a[0];"),
                "[MicroAutograd:IntArray] local a has type int[] (by var); int arrays are read-only parameters in "
                        + "@Differentiable methods", BODY, 13);
    }

    @Test
    void yieldOutsideASwitchExpression() {
        assertOnlyError(method("static double f(double x, int n)", "switch (n) {\n    default:\n        yield 1;\n}\n"
                + "return x;"), "[MicroAutograd:UnsupportedStatement] yield outside a switch expression", BODY + 2, 17);
    }

    @Test
    void switchOnADouble() {
        assertOnlyError(method("static double f(double x)", "switch (x * 2) {\n    default:\n        return x;\n}"),
                "[MicroAutograd:UnsupportedStatement] switch on the double value x * 2; switch on int values (int, "
                        + "char, short or byte in Java), casting to int if needed", BODY, 19);
    }

    @Test
    void switchExpressionInsideAnExpression() {
        assertOnlyError(method("static double f(double x, int n)", "return 1 + switch (n) {\n    default -> x;\n};"),
                "[MicroAutograd:UnsupportedExpression] switch expression inside an expression; a switch expression "
                        + "may be the whole value of a declaration, an assignment or a return: give this one a local "
                        + "variable of its own", BODY, 20);
    }

    @Test
    void switchLabelThatIsNotAConstant() {
        assertOnlyError(method("static double f(double x, int n, int m)", "switch (n) {\n    case m:\n"
                + "        return x;\n    default:\n        return -x;\n}"),
                "[MicroAutograd:UnsupportedExpression] case label m; labels are int constants: literals, characters "
                        + "or static final ints", BODY + 1, 18);
    }

    @Test
    void yieldFromALoop() {
        assertOnlyError(method("static double f(double x, int n)", "double r = switch (n) {\n    default -> {\n"
                + "        for (int i = 0; i < n; i++) {\n            if (i > 2) yield x;\n        }\n"
                + "        yield -x;\n    }\n};\nreturn r;"),
                "[MicroAutograd:UnsupportedLoop] yield from inside a loop is not supported; keep the value in a "
                        + "variable, break out of the loop and yield after it", BODY + 3, 32);
    }

    @Test
    void unsupportedParameterType() {
        assertOnlyError(method("static double f(double x, String s)", "return x;"),
                "[MicroAutograd:UnsupportedType] parameter s has type java.lang.String; supported parameter types "
                        + "are double, int, long, boolean, double[], double[][] and read-only int[]", 7, 38);
    }

    @Test
    void unsupportedStatement() {
        assertOnlyError(method("static double f(double x)", "synchronized (Model.class) {\n    x = x * 2;\n}\nreturn x;"),
                "[MicroAutograd:UnsupportedStatement] synchronized statement is not supported; use local variables, "
                        + "assignments, if/else, loops and return", BODY, 9);
    }

    @Test
    void assignmentInsideExpression() {
        assertOnlyError(method("static double f(double x, double y)", "double z = x;\nreturn z++ * y;"),
                "[MicroAutograd:UnsupportedExpression] assignment inside an expression (z++); write the assignment "
                        + "or increment as a statement of its own", BODY + 1, 17);
    }

    @Test
    void unsupportedOperator() {
        assertOnlyError(method("static double f(double x, int n)", "return x * (n << 2);"),
                "[MicroAutograd:UnsupportedExpression] operator left shift is not supported; use + - * / %, "
                        + "comparisons and && || !", BODY, 23);
    }

    @Test
    void returnInsideALoop() {
        assertOnlyError(method("static double f(double x)", "for (int i = 0; i < 3; i++) {\n    if (x > 9) {\n"
                + "        return x;\n    }\n    x = x * x;\n}\nreturn x;"),
                "[MicroAutograd:UnsupportedLoop] return inside a loop is not supported; keep the result in a "
                        + "variable, break out of the loop and return after it", BODY + 2, 17);
    }

    @Test
    void labeledBreak() {
        assertOnlyError(method("static double f(double x)", "outer:\nfor (int i = 0; i < 3; i++) {\n"
                + "    for (int j = 0; j < 3; j++) {\n        x = x * 0.5;\n        break outer;\n    }\n}\nreturn x;"),
                "[MicroAutograd:UnsupportedStatement] labeled statement is not supported", BODY, 9);
    }

    @Test
    void arrayAllocatedInsideALoop() {
        assertOnlyError(method("static double f(double[] x)", "double s = 0;\nfor (int i = 0; i < 3; i++) {\n"
                + "    double[] t = new double[2];\n    t[0] = x[i];\n    s += t[0];\n}\nreturn s;"),
                "[MicroAutograd:UnsupportedArray] array local t is allocated inside a loop; allocate it before the "
                        + "loop (inside loops, array locals may only refer to existing arrays or rows)", BODY + 2, 22);
    }

    @Test
    void arrayVariableAssignedAgain() {
        assertOnlyError(method("static double f(double[] x, double[] y)", "double[] t = x;\nt = y;\nreturn t[0];"),
                "[MicroAutograd:UnsupportedArray] array variable t is assigned again; declare a new array variable "
                        + "instead", BODY + 1, 9);
    }

    @Test
    void rowAssignedIntoAMatrix() {
        assertOnlyError(method("static double f(double[][] m, double[] row)", "m[0] = row;\nreturn m[0][0];"),
                "[MicroAutograd:UnsupportedArray] assignment of a row to m[0]; assign elements of arrays one by one",
                BODY, 10);
    }

    private static final String READ_ONLY_INT_ARRAYS = "int arrays are read-only parameters in @Differentiable "
            + "methods; ";

    @Test
    void intArrayElementAssigned() {
        assertOnlyError(method("static double f(double x, int[] a)", "a[0] = 1;\nreturn x;"),
                "[MicroAutograd:IntArray] assignment to a[0]; " + READ_ONLY_INT_ARRAYS
                        + "compute the values into int locals or pass a double[]", BODY, 10);
    }

    @Test
    void intArrayElementCompoundAssigned() {
        assertOnlyError(method("static double f(double x, int[] a)", "double s = x;\na[1] += 2;\nreturn s;"),
                "[MicroAutograd:IntArray] assignment to a[1]; " + READ_ONLY_INT_ARRAYS, BODY + 1, 10);
    }

    @Test
    void intArrayElementIncremented() {
        assertOnlyError(method("static double f(double x, int[] a)",
                "for (int i = 0; i < a.length; i++) {\n    a[i]++;\n}\nreturn x;"),
                "[MicroAutograd:IntArray] assignment to a[i]; " + READ_ONLY_INT_ARRAYS, BODY + 1, 14);
    }

    @Test
    void intArrayParameterAssigned() {
        assertOnlyError(method("static double f(double x, int[] a, int[] b)", "a = b;\nreturn x;"),
                "[MicroAutograd:IntArray] assignment to a; " + READ_ONLY_INT_ARRAYS, BODY, 9);
    }

    @Test
    void intArrayLocal() {
        assertOnlyError(method("static double f(double x, int[] a)", "int[] b = a;\nreturn x * b[0];"),
                "[MicroAutograd:IntArray] local b has type int[]; " + READ_ONLY_INT_ARRAYS + "read the parameter's "
                        + "elements where you need them or compute the values into int locals", BODY, 15);
    }

    @Test
    void intArrayAllocated() {
        assertOnlyError(method("static double f(double x)", "int[] b = new int[3];\nreturn x * b.length;"),
                "[MicroAutograd:IntArray] allocation new int[3]; " + READ_ONLY_INT_ARRAYS + "compute the values into "
                        + "int locals or pass the array in as a parameter", BODY, 19);
    }

    @Test
    void intArrayAllocatedInsideAnExpression() {
        assertOnlyError(method("static double f(double x)", "return x * new int[] {1, 2}.length;"),
                "[MicroAutograd:IntArray] allocation new int[] {1, 2}; " + READ_ONLY_INT_ARRAYS, BODY, 20);
    }

    @Test
    void intMatrixParameter() {
        assertOnlyError(method("static double f(double x, int[][] m)", "return x * m[0][0];"),
                "[MicroAutograd:IntArray] parameter m has type int[][]; " + READ_ONLY_INT_ARRAYS.replace("; ", "")
                        + " of type int[]; flatten m into an int[] and index it as m[i * columns + j]", 7, 39);
    }

    @Test
    void intMatrixLocal() {
        assertOnlyError(method("static double f(double x, int[] a)", "int[][] m;\nreturn x * a[0];"),
                "[MicroAutograd:IntArray] local m has type int[][]; " + READ_ONLY_INT_ARRAYS, BODY, 17);
    }

    /** Found while adding int[]: an element of an array chosen by ?: crashed the reverse sweep. */
    @Test
    void conditionalChoosingBetweenArrays() {
        assertOnlyError(method("static double f(double[] a, double[] b, boolean first)", "return (first ? a : b)[0];"),
                "[MicroAutograd:UnsupportedExpression] ?: choosing between arrays (first ? a : b); choose between "
                        + "their elements instead, as in c ? x[i] : y[i]", BODY, 23);
    }

    @Test
    void enhancedForOverAnIntArrayWithADoubleVariable() {
        assertOnlyError(method("static double f(double x, int[] a)",
                "double s = 0;\nfor (double v : a) {\n    s += v * x;\n}\nreturn s;"),
                "[MicroAutograd:UnsupportedLoop] enhanced for over a; loop with a double variable over a double[] "
                        + "variable, a double[] variable over a double[][], or an int variable over an int[] parameter",
                BODY + 1, 9);
    }

    @Test
    void arrayAllocatedInsideAnExpression() {
        assertOnlyError(method("static double f(double x)", "return Math.sqrt(new double[] {x, x}.length) * x;"),
                "[MicroAutograd:UnsupportedArray] array allocation inside an expression", BODY, 26);
    }

    @Test
    void directRecursion() {
        assertOnlyError(method("static double f(double x)", "if (x < 1) {\n    return x;\n}\nreturn f(x / 2) + x;"),
                "[MicroAutograd:Recursion] f calls f, which leads back to f; recursion is not supported, write it "
                        + "as a loop", BODY + 3, 17);
    }

    @Test
    void mutualRecursionIsReportedInEveryMethodOfTheCycle() {
        JavaFileObject file = source("    @Differentiable\n"
                + "    static double f(double x) {\n        return x < 1 ? x : g(x / 2);\n    }\n\n"
                + "    @Differentiable\n    static double g(double x) {\n        return f(x) * 2;\n    }\n");
        Compilation compilation = GeneratedCode.javac().compile(file);
        assertThat(compilation).hadErrorCount(2);
        assertThat(compilation).hadErrorContaining("[MicroAutograd:Recursion] f calls g, which leads back to f")
                .inFile(file).onLine(BODY).atColumn(29);
        assertThat(compilation).hadErrorContaining("[MicroAutograd:Recursion] g calls f, which leads back to g")
                .inFile(file).onLine(BODY + 5).atColumn(17);
    }

    @Test
    void callOfAMethodWithErrors() {
        JavaFileObject file = source("    @Differentiable\n    static double f(double x) {\n        return g(x) * 2;\n"
                + "    }\n\n    @Differentiable\n    static double g(double x) {\n        return Math.random() * x;\n"
                + "    }\n");
        Compilation compilation = GeneratedCode.javac().compile(file);
        assertThat(compilation).hadErrorCount(2);
        assertThat(compilation).hadErrorContaining("[MicroAutograd:UnsupportedCall] call of g, which could not be "
                + "differentiated (see its errors); fix g first").inFile(file).onLine(BODY).atColumn(17);
    }

    @Test
    void callOfAMethodThatWritesIntoItsArrayParameter() {
        // Found by the differential fuzzer: the caller's reverse sweep read the array after the callee changed it.
        JavaFileObject file = source("    @Differentiable\n    static double f(double[] a, double x) {\n"
                + "        return h(a, x) + a[0];\n    }\n\n"
                + "    @Differentiable\n    static double h(double[] u, double y) {\n        u[0] = u[0] * y;\n"
                + "        return u[0];\n    }\n");
        Compilation compilation = GeneratedCode.javac().compile(file);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("[MicroAutograd:UnsupportedCall] call of h, which writes into its "
                + "array parameter u; a @Differentiable method may call only methods that leave their array arguments "
                + "unchanged: let h copy u into a local array and write there").inFile(file).onLine(BODY).atColumn(17);
    }

    @Test
    void orderOtherThanOneOrTwo() {
        assertOnlyError(source("    @Differentiable(order = 3)\n    static double f(double x) {\n        return x * x;\n"
                        + "    }\n"),
                "[MicroAutograd:Order] order = 3 on @Differentiable method f; use order = 1 (gradients and tangents, "
                        + "the default) or order = 2 (also Hessian-vector products and Hessians)", 6, 29);
    }

    @Test
    void outputThatIsNoDoubleArrayParameter() {
        assertOnlyError(source("    @Differentiable(outputs = {\"r\", \"n\"})\n"
                + "    static double f(double x, double[] r, int n) {\n        r[0] = x * n;\n        return x;\n    }\n"),
                "[MicroAutograd:Outputs] outputs names \"n\", which is not a double[] parameter of f; name one of its "
                        + "double[] parameters [r]", 6, 37);
    }

    @Test
    void outputThatIsDifferentiated() {
        assertOnlyError(source("    @Differentiable(wrt = {\"x\", \"r\"}, outputs = \"r\")\n"
                + "    static double f(double x, double[] r) {\n        r[0] = x;\n        return x;\n    }\n"),
                "[MicroAutograd:Outputs] wrt names \"r\", which is an output of f; an output is written, not "
                        + "differentiated: take it out of wrt", 6, 33);
    }

    @Test
    void outputNeverWritten() {
        assertOnlyError(source("    @Differentiable(outputs = \"r\")\n"
                + "    static double f(double x, double[] r) {\n        return x * r[0];\n    }\n"),
                "[MicroAutograd:Outputs] output r is never written by f; write its elements (r[i] = ...) or take it "
                        + "out of outputs", 6, 31);
    }

    @Test
    void outputsOfOrderTwo() {
        assertOnlyError(source("    @Differentiable(order = 2, outputs = \"r\")\n"
                + "    static double f(double x, double[] r) {\n        r[0] = x;\n        return x;\n    }\n"),
                "[MicroAutograd:Outputs] f has outputs and order = 2; Jacobians of outputs are first order only: use "
                        + "order = 1, or return a double instead of writing outputs", 6, 29);
    }

    @Test
    void callOfAFirstOrderMethodFromASecondOrderOne() {
        JavaFileObject file = source("    @Differentiable(order = 2)\n    static double f(double x) {\n"
                + "        return g(x) * x;\n    }\n\n    @Differentiable\n    static double g(double x) {\n"
                + "        return x * x;\n    }\n");
        assertOnlyError(file, "[MicroAutograd:SecondOrder] call of g, which has no second-order methods, from f, whose "
                + "Hessian-vector product would call them; give g @Differentiable(order = 2) too", BODY, 17);
    }

    @Test
    void mathFunctionWithoutRule() {
        assertOnlyError(method("static double f(double x)", "return Math.random() * x;"),
                "[MicroAutograd:UnsupportedMath] Math.random with 0 arguments has no derivative rule; supported Math "
                        + "functions: sin cos tan asin acos atan atan2 sinh cosh tanh exp expm1 log log10 log1p sqrt "
                        + "cbrt pow hypot fma toRadians toDegrees abs max min copySign scalb signum floor ceil rint "
                        + "round floorDiv floorMod", BODY, 27);
    }

    @Test
    void differentiatedValueIntoAPlainMethod() {
        assertOnlyError(source("    @Differentiable\n    static double f(double x, int n) {\n"
                + "        return helper(x) + twice(n);\n    }\n\n    static double helper(double x) {\n"
                + "        return x;\n    }\n\n    static int twice(int n) {\n        return 2 * n;\n    }\n"),
                "[MicroAutograd:UnsupportedCall] call of helper, which is not @Differentiable, with an argument that "
                        + "depends on a differentiated parameter; annotate helper with @Differentiable or pass it only "
                        + "values that are constants", BODY, 22);
    }

    @Test
    void differentiatedValueIntoAParameterOutsideTheCalleesWrt() {
        // Found in review: the caller's gradient silently left out the path through a.
        assertOnlyError(source("    @Differentiable\n    static double f(double[] v, double s) {\n"
                + "        return Math.sin(s) + h(v, s * 2, 3.0);\n    }\n\n"
                + "    @Differentiable(wrt = \"v\")\n    static double h(double[] v, double a, double b) {\n"
                + "        return v[0] * a * b;\n    }\n"),
                "[MicroAutograd:UnsupportedCall] call of h passes a value that depends on a differentiated parameter "
                        + "to its parameter a, which h does not differentiate, so that derivative would be lost; add "
                        + "\"a\" to the wrt of h's @Differentiable or pass it only constants", BODY, 31);
    }

    @Test
    void instanceMethodCall() {
        assertOnlyError(source("    @Differentiable\n    static double f(double[] p) {\n"
                + "        return dot(p, p.clone());\n    }\n\n"
                + "    @Differentiable\n    static double dot(double[] a, double[] b) {\n        return a[0] * b[0];\n    }\n"),
                "[MicroAutograd:UnsupportedCall] p.clone() calls the instance method clone of p; a differentiable "
                        + "method may call only Math functions and static methods: to copy an array, allocate one of "
                        + "the same length with new and copy the elements in a loop", BODY, 30);
    }

    /** javac reports the unknown name as well; ours says what the call needs. */
    @Test
    void callThroughANameThatIsNoClass() {
        JavaFileObject file = method("static double f(double x)", "return Missing.twice(x);");
        Compilation compilation = GeneratedCode.javac().compile(file);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("[MicroAutograd:UnsupportedCall] call of Missing.twice, but no "
                + "class Missing is visible here; a differentiable method may call Math functions and static methods, "
                + "unqualified or through their class name").inFile(file).onLine(BODY).atColumn(29);
    }

    @Test
    void instanceField() {
        assertOnlyError(source("    double scale = 2;\n\n    @Differentiable\n    static double f(double x) {\n"
                + "        return x * scale;\n    }\n"),
                "[MicroAutograd:UnknownName] field scale is not a static final double, int, long or boolean; a "
                        + "differentiable method may read only its parameters, its locals and such constants", 10, 20);
    }

    @Test
    void unknownQualifiedConstant() {
        assertOnlyError(method("static double f(double x)", "return x * Math.TAU;"),
                "[MicroAutograd:UnknownName] no static final constant Math.TAU", BODY, 24);
    }

    @Test
    void onlyTheMethodWithAnErrorIsLeftOut() {
        JavaFileObject file = source("    @Differentiable\n    static double good(double x) {\n        return x * x;\n"
                + "    }\n\n    @Differentiable\n    static double bad(double x) {\n        return Math.random();\n"
                + "    }\n");
        JavaFileObject user = JavaFileObjects.forSourceString("p.User", "package p;\n\nclass User {\n"
                + "    static double use() {\n        return ModelGrad.good(2.0).x();\n    }\n}\n");
        Compilation compilation = GeneratedCode.javac().compile(file, user);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("[MicroAutograd:UnsupportedMath] Math.random").inFile(file);
    }

    @Test
    void bugsAreReportedOnceOnTheMethodAskingForAReport() {
        List<String> messages = new ArrayList<>();
        Messager messager = (Messager) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Messager.class}, (proxy, method, arguments) -> {
                    messages.add(arguments[0] + " " + arguments[1]);
                    return null;
                });
        Element method = (Element) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Element.class},
                (proxy, m, arguments) -> m.getName().equals("getSimpleName") ? new FakeName("f") : null);
        new Reporter(null, messager).bug(new IllegalStateException("boom"), method);
        assertThat(messages).containsExactly("ERROR [MicroAutograd:InternalError] MicroAutograd failed on f with "
                + "java.lang.IllegalStateException: boom; this is a bug, please report it with the method's source");
    }

    /** A method name for the fake element. */
    private record FakeName(String name) implements Name {
        @Override
        public boolean contentEquals(CharSequence cs) {
            return name.contentEquals(cs);
        }

        @Override
        public int length() {
            return name.length();
        }

        @Override
        public char charAt(int index) {
            return name.charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return name.subSequence(start, end);
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
