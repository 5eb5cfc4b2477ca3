package io.microautograd.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.microautograd.engine.Value;
import io.microautograd.fuzz.Program.Assign;
import io.microautograd.fuzz.Program.Binary;
import io.microautograd.fuzz.Program.Call;
import io.microautograd.fuzz.Program.CountedFor;
import io.microautograd.fuzz.Program.Declare;
import io.microautograd.fuzz.Program.DeclareInteger;
import io.microautograd.fuzz.Program.IntegerValue;
import io.microautograd.fuzz.Program.Literal;
import io.microautograd.fuzz.Program.Method;
import io.microautograd.fuzz.Program.Return;
import io.microautograd.fuzz.Program.StepWhile;
import io.microautograd.fuzz.Program.Var;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The integers mode of the fuzzer: its programs run the same on the {@code Value} engine as in
 * Java (int and long arithmetic wraps, counters run past the ends of their types), the issue's
 * rows among them agree on both paths, and its generator reaches the edges it is for.
 */
class IntegerProgramsTest {

    private static final Integral.Var N = new Integral.Var("n", false);
    private static final Integral.Var M = new Integral.Var("m", true);

    /** {@code long m = 3_000_000_000L; for (long t = 0; t < m; t += 1_000_000) s += x;}: 3000 trips. */
    private static final Method STRIDED = method(new DeclareInteger("m", new Integral.Literal(3_000_000_000L, true)),
            new CountedFor("t", true, new Integral.Literal(0, true), "<", M, 1_000_000, List.of(addX())));

    /** {@code for (int i = MIN_VALUE; i < n; i++) s += x * (i % 10);} with n = MIN_VALUE + 3. */
    private static final Method FROM_MIN = method(
            new DeclareInteger("n", new Integral.Literal(Integer.MIN_VALUE + 3L, false)),
            new CountedFor("i", false, new Integral.Literal(Integer.MIN_VALUE, false), "<", N, 1,
                    List.of(new Assign("s", "+", new Binary("*", new Var("x"),
                            new IntegerValue(new Integral.Arithmetic("%", new Integral.Var("i", false),
                                    new Integral.Literal(10, false))))))));

    /** {@code long k = MAX_VALUE - 2; while (k != MIN_VALUE + 2) { k++; s += atan2(k, x); }}: 5 trips through the wrap. */
    private static final Method THROUGH_THE_WRAP = method(
            new DeclareInteger("k", new Integral.Literal(Long.MAX_VALUE - 2, true)),
            new StepWhile("k", true, "!=", new Integral.Literal(Long.MIN_VALUE + 2, true), 1,
                    List.of(new Assign("s", "+", new Call("atan2",
                            List.of(new IntegerValue(new Integral.Var("k", true)), new Var("x")))))));

    /** {@code int r = 300, w = 200; return atan2(r * w, x);}: r * w * r * w overflows an int. */
    private static final Method ATAN2_OF_A_PRODUCT = new Method("f", List.of("x"), List.of(
            new DeclareInteger("r", new Integral.Literal(300, false)),
            new DeclareInteger("w", new Integral.Literal(200, false)),
            new Return(new Call("atan2", List.of(new IntegerValue(new Integral.Arithmetic("*",
                    new Integral.Var("r", false), new Integral.Var("w", false))), new Var("x"))))));

    @Test
    void theInterpreterCountsAsJavaDoes() {
        assertEngine(STRIDED, 1.5, 3000 * 1.5, 3000);
        double x = 0.7;
        assertEngine(FROM_MIN, x, x * (-8 - 7 - 6), -8 - 7 - 6);
        double sum = 0;
        double slope = 0;
        for (long k : new long[] {Long.MAX_VALUE - 1, Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1,
            Long.MIN_VALUE + 2}) {
            sum += Math.atan2(k, x);
            slope += -(double) k / ((double) k * k + x * x);
        }
        assertEngine(THROUGH_THE_WRAP, x, sum, slope);
        assertEngine(ATAN2_OF_A_PRODUCT, 1.3, Math.atan2(60_000, 1.3), -60_000.0 / (60_000.0 * 60_000 + 1.69));
    }

    @Test
    void theIssuesRowsAgreeOnBothPaths() {
        for (Method row : List.of(STRIDED, FROM_MIN, THROUGH_THE_WRAP, ATAN2_OF_A_PRODUCT)) {
            assertNotNull(FuzzRegressions.assertProgramAgrees(row, new double[] {1.3}, new double[] {-0.4}).loaded());
        }
    }

    /**
     * pow of a negative base is defined only at integer exponents: both paths give it derivative
     * 0 in the exponent, and the same derivative in the base.
     */
    @Test
    void powOfANegativeBaseHasTheSameConventionOnBothPaths() {
        Method power = new Method("f", List.of("x", "y"), List.of(new Return(new Call("pow",
                List.of(new Var("x"), new Var("y"))))));
        double[] point = {-2.0, 3.0};
        double[] compiled = new double[2];
        DifferentialFuzzer.Loaded loaded = DifferentialFuzzer.compile("Power", List.of(power)).loaded();
        ParameterLayout layout = ParameterLayout.of(power);
        try {
            DifferentialFuzzer.Loaded.valueAndGradient(loaded.generated().getMethod("f", layout.gradientTypes()),
                    layout, point, compiled);
        } catch (NoSuchMethodException e) {
            throw new AssertionError(e);
        }
        Value[] leaves = Value.of(point);
        ValueInterpreter.run(power, leaves).backward();
        assertArrayEquals(new double[] {12.0, 0.0}, compiled);
        assertArrayEquals(compiled, new double[] {leaves[0].grad(), leaves[1].grad()});
    }

    @Test
    void programsReachTheEdges() {
        Function<String, Method> generator = DifferentialFuzzer.Mode.INTEGERS.generator(5);
        StringBuilder printed = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            Method method = generator.apply("f" + i);
            printed.append(JavaPrinter.method(method, ""));
            assertNotNull(ValueInterpreter.run(method, Value.of(new double[method.parameters().size()])));
        }
        for (String construct : List.of("Integer.MIN_VALUE", "Integer.MAX_VALUE", "Long.MIN_VALUE", "Long.MAX_VALUE",
                "3037000500L", "65537", "for (int ", "for (long ", "while (", " != ", " -= 1500000000",
                " += 2147483647", "Math.atan2(", "Math.hypot(", "Math.pow(", "break;", "double $", "double _",
                "a$b")) {
            assertTrue(printed.indexOf(construct) >= 0, "no " + construct + " in 60 integer programs:\n" + printed);
        }
    }

    /** Every header the generator keeps stops within its limit, as Java runs it. */
    @Test
    void tripCountsFollowJavasWrapping() {
        assertEquals(4, IntegerProgramGenerator.trips(3, ">", -1_499_999_998, -1_500_000_000, false));
        assertEquals(IntegerProgramGenerator.MAX_TRIPS + 1,
                IntegerProgramGenerator.trips(Integer.MAX_VALUE, ">", Integer.MIN_VALUE, -1_500_000_000, false));
        assertEquals(3, IntegerProgramGenerator.trips(0, "!=", (int) (3L * 1_500_000_000), 1_500_000_000, false));
        assertEquals(0, IntegerProgramGenerator.trips(Long.MAX_VALUE, "<", Integer.MIN_VALUE, 7, true));
    }

    /** {@code f(x)}: the statements after {@code double s = 0.0;}, then {@code return s;}. */
    private static Method method(Program.Stmt... statements) {
        List<Program.Stmt> body = new java.util.ArrayList<>();
        body.add(new Declare("s", new Literal(0.0)));
        body.addAll(List.of(statements));
        body.add(new Return(new Var("s")));
        return new Method("f", List.of("x"), List.copyOf(body));
    }

    private static Assign addX() {
        return new Assign("s", "+", new Var("x"));
    }

    private static void assertEngine(Method method, double x, double value, double slope) {
        Value leaf = Value.of(x);
        Value result = ValueInterpreter.run(method, new Value[] {leaf});
        result.backward();
        assertEquals(value, result.data(), 1e-12 * Math.max(1, Math.abs(value)));
        assertEquals(slope, leaf.grad(), 1e-12 * Math.max(1, Math.abs(slope)));
    }
}
