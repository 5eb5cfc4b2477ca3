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
    private static final double[][] UNIT_POINTS = {
        {0.7, 0.3}, {-0.6, 0.4}, {0.15, -0.8}, {-0.35, 0.1},
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
                op("smooth clamp", v -> v[0].smoothClamp(-1, 2)),
                op("sin", v -> v[0].sin()),
                op("cos", v -> v[0].cos()),
                op("tan", v -> v[0].tan()),
                op("atan", v -> v[0].atan()),
                op("atan2", v -> v[0].atan2(v[1])),
                op("sinh", v -> v[0].sinh()),
                op("cosh", v -> v[0].cosh()),
                op("expm1", v -> v[0].expm1()),
                op("hypot", v -> v[0].hypot(v[1])),
                op("abs", v -> v[0].abs()),
                op("max", v -> v[0].max(v[1])),
                op("min", v -> v[0].min(v[1])),
                op("max double", v -> v[0].max(0.1)),
                op("min double", v -> v[0].min(0.1)),
                op("cbrt", v -> v[0].cbrt()));
    }

    static Stream<Arguments> unitDomain() {
        return Stream.of(
                op("asin", v -> v[0].asin()),
                op("acos", v -> v[0].acos()),
                op("log1p", v -> v[0].log1p()));
    }

    static Stream<Arguments> piecewiseConstant() {
        return Stream.of(
                op("floor", v -> v[0].floor().add(v[0])),
                op("ceil", v -> v[0].ceil().add(v[0])),
                op("rint", v -> v[0].rint().add(v[0])),
                op("signum", v -> v[0].signum().add(v[0])));
    }

    static Stream<Arguments> positiveDomain() {
        return Stream.of(
                op("log", v -> v[0].log()),
                op("pow fractional", v -> v[0].pow(0.5)),
                op("pow value", v -> v[0].pow(v[1])),
                op("double pow value", v -> Value.of(1.7).pow(v[1])),
                op("value pow double base", v -> v[0].pow(Value.of(2.5))),
                op("log10", v -> v[0].log10()),
                op("sqrt", v -> v[0].sqrt()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("binaryAndUnary")
    void matchesFiniteDifferences(String name, Function<Value[], Value> f) {
        for (double[] point : POINTS) {
            checkGradient(f, point, 1e-6);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unitDomain")
    void matchesFiniteDifferencesInsideTheUnitInterval(String name, Function<Value[], Value> f) {
        for (double[] point : UNIT_POINTS) {
            checkGradient(f, point, 1e-6);
        }
    }

    /** floor, ceil, rint and signum have derivative 0 away from their jumps (the points avoid them). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("piecewiseConstant")
    void piecewiseConstantFunctionsPassNoGradient(String name, Function<Value[], Value> f) {
        for (double[] point : UNIT_POINTS) {
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
