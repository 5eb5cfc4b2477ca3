package io.microautograd.engine;

import static io.microautograd.engine.FiniteDifferences.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.function.Function;
import java.util.function.IntPredicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Gradients as graphs ({@link Value#differentiate}): the numbers of {@link Value#backward()},
 * and second derivatives that match central differences of the plain gradient, for every row
 * of {@link BuiltIns} and for functions made of many.
 */
class GradientGraphTest {

    /** Inside every row's domain (asin's, log's, the clamp's bounds in order) and away from kinks and ties. */
    private static final double[][] POINTS = {
        {0.35, 0.25, 0.7}, {0.55, 0.3, 0.62}, {0.8, 0.15, 0.9}, {0.2, 0.45, 0.5},
    };

    static Stream<Op> rows() {
        return BuiltIns.all().stream().filter(op -> op != BuiltIns.LEAF);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void eachRowsGraphHoldsTheGradientOfItsBackward(Op op) {
        for (double[] point : POINTS) {
            Value[] leaves = leaves(op, point);
            Value out = op.apply(leaves);
            Value[] gradient = out.differentiate(leaves);
            out.backward();
            for (int i = 0; i < leaves.length; i++) {
                assertClose(leaves[i].grad(), gradient[i].data(), 1e-14, op + " d/dx" + i + " at " + Arrays.toString(point));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void eachRowsSecondDerivativesMatchDifferencesOfItsGradient(Op op) {
        for (double[] point : POINTS) {
            double[] x = Arrays.copyOf(point, leaves(op, point).length);
            assertHessianMatchesDifferences(v -> op.apply(v), x, op::differentiates, op.toString());
        }
    }

    @Test
    void rosenbrocksHessianIsTheTextbooksAndSymmetric() {
        Function<Value[], Value> rosenbrock = v -> Value.of(1).sub(v[0]).pow(2)
                .add(v[1].sub(v[0].pow(2)).pow(2).mul(100));
        double x = -1.2;
        double y = 1;
        double[][] hessian = hessian(rosenbrock, x, y);
        assertClose(2 - 400 * (y - x * x) + 800 * x * x, hessian[0][0], 1e-14, "d2/dx2");
        assertClose(-400 * x, hessian[0][1], 1e-14, "d2/dxdy");
        assertClose(-400 * x, hessian[1][0], 1e-14, "d2/dydx");
        assertClose(200, hessian[1][1], 1e-14, "d2/dy2");
    }

    @Test
    void aCompositeOfManyRowsHasSymmetricSecondDerivativesMatchingDifferences() {
        Function<Value[], Value> f = v -> v[0].mul(v[1]).sin().add(v[2].exp().div(v[0].mul(v[0]).add(1)))
                .add(v[1].atan2(v[2]).mul(v[0].tanh())).add(v[2].hypot(v[1]).log().mul(v[1].sigmoid()))
                .add(Value.sum(v[0], v[1].mul(v[2]), v[2].sqrt()).pow(3));
        double[] point = {0.4, -0.9, 1.3};
        double[][] hessian = assertHessianMatchesDifferences(f, point, input -> true, "composite");
        for (int i = 0; i < point.length; i++) {
            for (int j = 0; j < i; j++) {
                assertClose(hessian[i][j], hessian[j][i], 1e-12, "symmetry " + i + "," + j);
            }
        }
    }

    @Test
    void theSumOfTheGradientTimesADirectionGivesTheHessianTimesIt() {
        Function<Value[], Value> f = v -> v[0].mul(v[1]).mul(v[2]).add(v[0].sin().mul(v[2].pow(2)));
        double[] point = {0.3, -1.1, 2.0};
        double[] direction = {0.5, 2.0, -1.5};
        double[][] hessian = hessian(f, point);
        Value[] leaves = Value.of(point);
        Value[] gradient = f.apply(leaves).differentiate(leaves);
        Value[] terms = new Value[point.length];
        for (int i = 0; i < point.length; i++) {
            terms[i] = gradient[i].mul(direction[i]);
        }
        Value.sum(terms).backward();
        for (int i = 0; i < point.length; i++) {
            double expected = 0;
            for (int j = 0; j < point.length; j++) {
                expected += hessian[i][j] * direction[j];
            }
            assertClose(expected, leaves[i].grad(), 1e-13, "(H v)_" + i);
        }
    }

    @Test
    void differentiatingTouchesNoGradientAndGivesZeroForAnUnusedInput() {
        Value x = Value.of(2);
        Value unused = Value.of(5);
        Value y = x.mul(x).exp();
        Value[] gradient = y.differentiate(x, unused);
        for (Value node : y.topologicalOrder()) {
            assertEquals(0, node.grad(), "grad of " + node);
        }
        assertEquals(0, gradient[1].data());
        assertTrue(gradient[1].inputs().isEmpty(), "a constant, not a graph");
        assertClose(4 * Math.exp(4), gradient[0].data(), 1e-15, "d/dx");
    }

    @Test
    void thirdDerivativesComeFromDifferentiatingAgain() {
        Value x = Value.of(0.7);
        Value y = x.sin().mul(x);
        Value first = y.differentiate(x)[0];
        Value second = first.differentiate(x)[0];
        second.backward();
        // (x sin x)''' = -3 sin x - x cos x
        assertClose(-3 * Math.sin(0.7) - 0.7 * Math.cos(0.7), x.grad(), 1e-14, "third derivative");
    }

    @Test
    void aDeepChainNeedsNoDeepStack() {
        Value x = Value.of(0.5);
        Value y = x;
        int depth = 200_000;
        for (int i = 0; i < depth; i++) {
            y = y.mul(0.99999).add(x.mul(1e-5));
        }
        Value slope = y.differentiate(x)[0];
        slope.backward();
        assertClose(1, slope.data(), 1e-9, "d/dx of a chain that keeps x");
        assertEquals(0, x.grad(), 1e-12, "a linear chain has no second derivative");
    }

    @Test
    void anOperationOfYourOwnIsNamedWhereItsRuleIsInDoublesOnly() {
        Op.Unary softplus = Op.unary("softplus", v -> Math.log1p(Math.exp(v)), (v, y) -> 1 / (1 + Math.exp(-v)));
        Value x = Value.of(0.3);
        Value y = softplus.apply(x.mul(2));
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, () -> y.differentiate(x));
        assertTrue(e.getMessage().contains("\"softplus\" has its backward rule in doubles only")
                && e.getMessage().contains("Op.unary and Op.binary take it"), e.getMessage());
    }

    @Test
    void operationsOfYourOwnWithTheirRuleInEngineOperationsHaveSecondDerivatives() {
        Op.Unary softplus = Op.unary("softplus", v -> Math.log1p(Math.exp(v)), (v, y) -> 1 / (1 + Math.exp(-v)),
                (v, y) -> v[0].sigmoid());
        Op.Binary logAddExp = Op.binary("logaddexp", (a, b) -> Math.max(a, b) + Math.log1p(Math.exp(-Math.abs(a - b))),
                (a, b, y) -> Math.exp(a - y), (a, b, y) -> Math.exp(b - y),
                (v, y) -> v[0].sub(y).exp(), (v, y) -> v[1].sub(y).exp());
        Function<Value[], Value> f = v -> logAddExp.apply(softplus.apply(v[0].mul(v[1])), v[1].sin());
        for (double[] point : POINTS) {
            assertHessianMatchesDifferences(f, Arrays.copyOf(point, 2), input -> true, "softplus and logaddexp");
        }
    }

    @Test
    void aNullInputAndAStaleGraphAreRefused() {
        Value x = Value.of(1);
        Value y = x.exp();
        assertThrows(IllegalArgumentException.class, () -> y.differentiate(x, null));
        x.setData(2);
        assertThrows(IllegalStateException.class, () -> y.differentiate(x));
    }

    /** Leaves at {@code point} for the inputs {@code op} takes: its arity, or three for an op of any number. */
    private static Value[] leaves(Op op, double[] point) {
        int arity = op instanceof Op.Unary ? 1 : op instanceof Op.Binary ? 2 : 3;
        return Value.of(Arrays.copyOf(point, arity));
    }

    /** The Hessian of {@code f} at {@code point}, each row the backward of one gradient node. */
    private static double[][] hessian(Function<Value[], Value> f, double... point) {
        double[][] hessian = new double[point.length][];
        for (int i = 0; i < point.length; i++) {
            Value[] leaves = Value.of(point);
            f.apply(leaves).differentiate(leaves)[i].backward();
            hessian[i] = Arrays.stream(leaves).mapToDouble(Value::grad).toArray();
        }
        return hessian;
    }

    /**
     * Asserts that each second derivative of {@code f} at {@code point} in the inputs
     * {@code differentiated} accepts (not a constant operand such as pow's exponent) matches
     * central differences of its plain gradient ({@link Value#backward()}), and returns them all.
     */
    private static double[][] assertHessianMatchesDifferences(Function<Value[], Value> f, double[] point,
            IntPredicate differentiated, String what) {
        double[][] hessian = hessian(f, point);
        for (int i = 0; i < point.length; i++) {
            if (!differentiated.test(i)) {
                continue;
            }
            int row = i;
            Function<double[], Double> partial = x -> {
                Value[] leaves = Value.of(x);
                f.apply(leaves).backward();
                return leaves[row].grad();
            };
            for (int j = 0; j < point.length; j++) {
                if (!differentiated.test(j)) {
                    continue;
                }
                assertClose(FiniteDifferences.partial(partial, point, j), hessian[i][j], 1e-6,
                        what + " d2/dx" + i + "dx" + j + " at " + Arrays.toString(point));
            }
        }
        return hessian;
    }
}
