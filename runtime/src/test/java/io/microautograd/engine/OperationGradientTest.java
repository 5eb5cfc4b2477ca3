package io.microautograd.engine;

import static io.microautograd.engine.FiniteDifferences.checkGradient;

import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every operation's gradient against central finite differences, at several points. */
class OperationGradientTest {

    private static final double[][] POINTS = {
        {0.7, 1.3}, {-1.9, 0.4}, {2.5, -0.8}, {0.2, 3.1}, {-0.45, -2.2},
    };
    private static final double[][] POSITIVE_POINTS = {
        {0.7, 1.3}, {1.9, 0.4}, {2.5, 0.8}, {0.2, 3.1}, {4.0, 2.2},
    };

    static Stream<Arguments> binaryAndUnary() {
        return Stream.of(
                op("add", v -> v[0].add(v[1])),
                op("add double", v -> v[0].add(2.5)),
                op("double add", v -> Value.of(2.5).add(v[0])),
                op("sub", v -> v[0].sub(v[1])),
                op("sub double", v -> v[0].sub(1.5)),
                op("double sub", v -> Value.of(1.5).sub(v[0])),
                op("mul", v -> v[0].mul(v[1])),
                op("mul double", v -> v[0].mul(-3)),
                op("double mul", v -> Value.of(-3).mul(v[1])),
                op("div", v -> v[0].div(v[1].mul(v[1]).add(1))),
                op("div double", v -> v[0].div(4)),
                op("double div", v -> Value.of(4).div(v[1].mul(v[1]).add(1))),
                op("neg", v -> v[0].neg()),
                op("pow integer", v -> v[0].pow(3)),
                op("pow negative", v -> v[0].mul(v[0]).add(1).pow(-1.5)),
                op("exp", v -> v[0].exp()),
                op("tanh", v -> v[0].tanh()),
                op("relu", v -> v[0].relu()),
                op("sigmoid", v -> v[0].sigmoid()),
                op("clamp inside and outside", v -> v[0].clamp(-1, 1)),
                op("smooth clamp", v -> v[0].smoothClamp(-1, 2)));
    }

    static Stream<Arguments> positiveDomain() {
        return Stream.of(
                op("log", v -> v[0].log()),
                op("pow fractional", v -> v[0].pow(0.5)),
                op("pow value", v -> v[0].pow(v[1])),
                op("double pow value", v -> Value.of(1.7).pow(v[1])),
                op("value pow double base", v -> v[0].pow(Value.of(2.5))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("binaryAndUnary")
    void matchesFiniteDifferences(String name, Function<Value[], Value> f) {
        for (double[] point : POINTS) {
            checkGradient(f, point, 1e-6);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("positiveDomain")
    void matchesFiniteDifferencesOnPositiveInputs(String name, Function<Value[], Value> f) {
        for (double[] point : POSITIVE_POINTS) {
            checkGradient(f, point, 1e-6);
        }
    }

    private static Arguments op(String name, Function<Value[], Value> f) {
        return Arguments.of(name, f);
    }
}
