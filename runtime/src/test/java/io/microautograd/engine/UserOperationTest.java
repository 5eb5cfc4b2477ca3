package io.microautograd.engine;

import static io.microautograd.engine.FiniteDifferences.checkGradient;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Operations defined by users: as good as a built-in one, and a clear error when their rule is wrong. */
class UserOperationTest {

    /** log(1 + e^x) without overflow; its derivative is the sigmoid. */
    static final Op.Unary SOFTPLUS = Op.unary("softplus",
            x -> Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x))),
            (x, y) -> 1 / (1 + Math.exp(-x)));

    /** log(e^a + e^b); its partials are e^(a - y) and e^(b - y). */
    static final Op.Binary LOG_ADD_EXP = Op.binary("logaddexp",
            (a, b) -> Math.max(a, b) + Math.log1p(Math.exp(-Math.abs(a - b))),
            (a, b, y) -> Math.exp(a - y),
            (a, b, y) -> Math.exp(b - y));

    /** log(sum e^x_i), its partials the softmax e^(x_i - y). */
    static final Op.Nary LOG_SUM_EXP = Op.nary("logsumexp", x -> {
        double max = Arrays.stream(x).max().orElseThrow();
        return max + Math.log(Arrays.stream(x).map(v -> Math.exp(v - max)).sum());
    }, (x, y) -> Arrays.stream(x).map(v -> Math.exp(v - y)).toArray());

    /** The Euclidean norm, its rule a vector-Jacobian product: gradient * x_i / y. */
    static final Op.Nary NORM = Op.naryVjp("norm", x -> Math.sqrt(Arrays.stream(x).map(v -> v * v).sum()),
            (x, y, gradient) -> Arrays.stream(x).map(v -> gradient * v / y).toArray());

    private static final double[][] POINTS = {
        {0.7, 1.3, -0.4}, {-1.9, 0.4, 2.2}, {2.5, -0.8, 0.1}, {-30, 25, 3},
    };

    static Stream<Arguments> userOperations() {
        return Stream.of(
                Arguments.of("unary", (Function<Value[], Value>) v -> SOFTPLUS.apply(v[0].mul(v[1]))),
                Arguments.of("binary", (Function<Value[], Value>) v -> LOG_ADD_EXP.apply(v[0], v[1].mul(v[2]))),
                Arguments.of("binary with a double", (Function<Value[], Value>) v -> LOG_ADD_EXP.apply(v[0], 1.5)),
                Arguments.of("n-ary partials", (Function<Value[], Value>) v -> LOG_SUM_EXP.apply(v[0], v[1], v[2])),
                Arguments.of("n-ary of one input", (Function<Value[], Value>) v -> LOG_SUM_EXP.apply(v[2].tanh())),
                Arguments.of("vector-Jacobian product", (Function<Value[], Value>) v -> NORM.apply(v[0], v[1], v[0])),
                Arguments.of("composed with built-ins", (Function<Value[], Value>) v ->
                        SOFTPLUS.apply(LOG_SUM_EXP.apply(v[0], v[1]).mul(NORM.apply(v[1], v[2]))).sub(v[0])));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("userOperations")
    void gradientsMatchFiniteDifferences(String name, Function<Value[], Value> f) {
        for (double[] point : POINTS) {
            checkGradient(f, point, 1e-7);
        }
    }

    @Test
    void aBinaryOperationTakesAPlainDoubleOnTheRight() {
        Value a = Value.of(0.5);
        Value y = LOG_ADD_EXP.apply(a, 2.0);
        y.backward();
        assertEquals(Math.log(Math.exp(0.5) + Math.exp(2.0)), y.data(), 1e-15);
        assertEquals(Math.exp(0.5) / (Math.exp(0.5) + Math.exp(2.0)), a.grad(), 1e-15);
        assertEquals(2, y.inputs().size(), "the double is a leaf of the graph, as for x.mul(2)");
    }

    /** JAX's classic custom_vjp: the identity whose backward clips the gradient passing through it. */
    @Test
    void aVectorJacobianProductNeedNotBeLinearInTheGradient() {
        Op.Nary clipGradient = Op.naryVjp("clipgrad", x -> x[0],
                (x, y, gradient) -> new double[] {Math.max(-1, Math.min(1, gradient))});
        Value x = Value.of(3.0);
        clipGradient.apply(x).mul(5).backward();
        assertEquals(1.0, x.grad(), "5 clipped to 1");
        Value w = Value.of(3.0);
        clipGradient.apply(w).mul(0.25).backward();
        assertEquals(0.25, w.grad(), "passed unchanged inside [-1, 1]");
    }

    @Test
    void theNameShowsInToStringAndTheRuleInLocalPartials() {
        Value x = Value.of(0.3).label("x");
        Value y = SOFTPLUS.apply(x).label("y");
        assertEquals("Value(data=" + y.data() + ", grad=0.0, op=softplus, label=y)", y.toString());
        assertEquals("softplus", y.op().name());
        assertEquals("\"softplus\"", SOFTPLUS.toString(), "messages quote the name");
        assertArrayEquals(new double[] {1 / (1 + Math.exp(-0.3))}, y.localPartials(), 1e-16);
        Value z = LOG_SUM_EXP.apply(x, y, Value.of(-1));
        double[] partials = z.localPartials();
        assertEquals(3, partials.length);
        assertEquals(1.0, Arrays.stream(partials).sum(), 1e-15, "the softmax sums to 1");
    }

    /** A chain of user operations backpropagates as one of built-ins does, without recursion. */
    @Test
    void aMillionNodeChainOfUserOperationsBackpropagates() {
        Op.Unary decay = Op.unary("decay", x -> 0.999999 * x + 1e-6, (x, y) -> 0.999999);
        Op.Binary blend = Op.binary("blend", (a, b) -> a + 2e-6 * b, (a, b, y) -> 1, (a, b, y) -> 2e-6);
        Value x = Value.of(0.5);
        Value y = x;
        int pairs = 500_000;
        for (int i = 0; i < pairs; i++) {
            y = blend.apply(decay.apply(y), x);
        }
        y.backward();
        // dy_{k+1}/dx = 0.999999 dy_k/dx + 2e-6 from dy_0/dx = 1: 2 - 0.999999^k
        assertEquals(2 - Math.pow(0.999999, pairs), x.grad(), 1e-9);
    }

    @Test
    void aRuleGivingTheWrongNumberOfPartialsIsNamedWhenBackwardReachesIt() {
        Op.Nary pairSum = Op.nary("pairsum", x -> x[0] + x[1], (x, y) -> new double[] {1});
        Value a = Value.of(1);
        Value b = Value.of(2);
        Value out = pairSum.apply(a, b).mul(3);
        IllegalStateException e = assertThrows(IllegalStateException.class, out::backward);
        assertEquals("the backward rule of operation \"pairsum\" gave an array of length 1 for a node of 2 inputs;"
                + " its partials must be one per input, in the inputs' order", e.getMessage());
        assertEquals(0.0, a.grad(), "the node added nothing");

        Op.Nary lost = Op.naryVjp("lost", x -> x[0], (x, y, gradient) -> null);
        IllegalStateException none = assertThrows(IllegalStateException.class, () -> lost.apply(a).backward());
        assertEquals("the backward rule of operation \"lost\" gave null for a node of 1 input; its contributions"
                + " must be one per input, in the inputs' order", none.getMessage());
    }

    @Test
    void operationsNeedANameAndTheirFunctions() {
        IllegalArgumentException noName = assertThrows(IllegalArgumentException.class,
                () -> Op.unary(null, Math::sin, (x, y) -> Math.cos(x)));
        assertEquals("an operation needs a name, which pictures, traces and errors show; got null", noName.getMessage());
        IllegalArgumentException blank = assertThrows(IllegalArgumentException.class,
                () -> Op.binary(" ", Math::hypot, (a, b, y) -> a / y, (a, b, y) -> b / y));
        assertEquals("an operation needs a name, which pictures, traces and errors show; got \" \"", blank.getMessage());
        IllegalArgumentException noRule = assertThrows(IllegalArgumentException.class,
                () -> Op.binary("hypot", Math::hypot, (a, b, y) -> a / y, null));
        assertEquals("partialB of operation \"hypot\" must not be null", noRule.getMessage());
        IllegalArgumentException noForward = assertThrows(IllegalArgumentException.class,
                () -> Op.nary("total", null, (x, y) -> x));
        assertEquals("forward of operation \"total\" must not be null", noForward.getMessage());
    }

    @Test
    void applyingToTheWrongNumberOfInputsSaysWhatTheOperationTakes() {
        Value a = Value.of(1);
        assertEquals("operation \"softplus\" takes 1 input, got 2",
                assertThrows(IllegalArgumentException.class, () -> SOFTPLUS.apply(a, a)).getMessage());
        assertEquals("operation \"logaddexp\" takes 2 inputs, got 3",
                assertThrows(IllegalArgumentException.class, () -> LOG_ADD_EXP.apply(a, a, a)).getMessage());
        assertEquals("operation \"logsumexp\" takes at least one input, got 0",
                assertThrows(IllegalArgumentException.class, () -> LOG_SUM_EXP.apply()).getMessage());
        assertEquals("input 1 of operation \"logsumexp\" is null",
                assertThrows(IllegalArgumentException.class, () -> LOG_SUM_EXP.apply(a, null)).getMessage());
        assertEquals("a leaf is made by Value.of(data), not by an operation",
                assertThrows(IllegalArgumentException.class, () -> BuiltIns.LEAF.apply()).getMessage());
    }
}
