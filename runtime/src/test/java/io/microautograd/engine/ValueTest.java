package io.microautograd.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ValueTest {

    @Test
    void seedExample() {
        Value x = Value.of(2.0).label("x");
        Value y = Value.of(3.0).label("y");
        Value z = x.mul(y).add(x).label("z");
        z.backward();
        assertEquals(8.0, z.data());
        assertEquals(4.0, x.grad());
        assertEquals(2.0, y.grad());
    }

    @Test
    void nodeUsedTwiceAccumulates() {
        Value x = Value.of(3.0);
        x.mul(x).backward();
        assertEquals(6.0, x.grad());

        Value w = Value.of(3.0);
        w.add(w).backward();
        assertEquals(2.0, w.grad());
    }

    @Test
    void diamondSumsBothPaths() {
        Value x = Value.of(1.5);
        Value a = x.mul(2);
        Value b = x.exp();
        Value top = a.mul(b);
        top.backward();
        // d(2x e^x)/dx = 2 e^x + 2x e^x
        assertEquals(2 * Math.exp(1.5) * (1 + 1.5), x.grad(), 1e-12);
        assertEquals(Math.exp(1.5), a.grad(), 1e-12);
    }

    @Test
    void backwardTwiceAccumulatesAndZeroGradResets() {
        Value x = Value.of(2.0);
        Value y = x.mul(x).add(x);
        y.backward();
        assertEquals(5.0, x.grad());
        y.backward();
        assertEquals(10.0, x.grad());
        assertEquals(1.0, y.grad(), "intermediate nodes hold this call's gradient only");
        y.zeroGrad();
        assertEquals(0.0, x.grad());
        assertEquals(0.0, y.grad());
    }

    @Test
    void sumOfManyIsOneNode() {
        Value[] xs = Value.of(1, 2, 3, 4);
        Value total = Value.sum(xs);
        assertEquals(10.0, total.data());
        assertEquals(4, total.inputs().size());
        total.mul(total).backward();
        for (Value x : xs) {
            assertEquals(20.0, x.grad());
        }
        assertEquals(0.0, Value.sum().data());
    }

    @Test
    void derivativesAtKinks() {
        Value zero = Value.of(0.0);
        zero.relu().backward();
        assertEquals(0.0, zero.grad(), "relu'(0) = 0");

        Value atBound = Value.of(1.0);
        atBound.clamp(-1, 1).backward();
        assertEquals(1.0, atBound.grad(), "clamp passes the gradient on its boundary");

        Value outside = Value.of(5.0);
        Value clamped = outside.clamp(-1, 1);
        clamped.backward();
        assertEquals(1.0, clamped.data());
        assertEquals(0.0, outside.grad());
    }

    @Test
    void tiesAndZeroFollowTheSharedConventions() {
        Value a = Value.of(2.0);
        Value b = Value.of(2.0);
        a.max(b).backward();
        assertEquals(1.0, a.grad(), "max at a tie sends the gradient to the first argument");
        assertEquals(0.0, b.grad());

        Value c = Value.of(2.0);
        Value d = Value.of(2.0);
        c.min(d).backward();
        assertEquals(1.0, c.grad(), "min at a tie sends the gradient to the first argument");
        assertEquals(0.0, d.grad());

        Value zero = Value.of(0.0);
        zero.abs().backward();
        assertEquals(0.0, zero.grad(), "abs'(0) = 0");
    }

    @Test
    void mathFunctionsComputeWhatJavaComputes() {
        double x = 0.37;
        assertEquals(0.1 / 0.3, Value.of(0.1).div(Value.of(0.3)).data(), "division rounds as Java's /");
        assertEquals(0.1 - 0.3, Value.of(0.1).sub(0.3).data());
        assertEquals(Math.sin(x), Value.of(x).sin().data());
        assertEquals(Math.atan2(x, -1.2), Value.of(x).atan2(Value.of(-1.2)).data());
        assertEquals(Math.hypot(x, 3), Value.of(x).hypot(Value.of(3)).data());
        assertEquals(Math.expm1(x), Value.of(x).expm1().data());
        assertEquals(Math.cbrt(-x), Value.of(-x).cbrt().data());
        assertEquals(Math.rint(2.5), Value.of(2.5).rint().data());
        assertTrue(Double.isNaN(Value.of(-1).log10().data()), "log10 has no epsilon clamp, as in Java");
    }

    /** The accuracy test and the covering test read the table through all(), so it must miss no row. */
    @Test
    void theTableListsEveryRow() throws IllegalAccessException {
        Set<Object> rows = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Field field : BuiltIns.class.getFields()) {
            if (Op.class.isAssignableFrom(field.getType())) {
                rows.add(field.get(null));
            }
        }
        assertEquals(rows.size(), BuiltIns.all().size());
        assertTrue(rows.containsAll(BuiltIns.all()));
    }

    @Test
    void localPartialsComeFromTheRuleAndLeaveTheGraphAlone() {
        Value a = Value.of(3.0);
        Value b = Value.of(-2.0);
        Value product = a.mul(b);
        product.backward();
        assertEquals(-2.0, a.grad());
        assertArrayEquals(new double[] {-2.0, 3.0}, product.localPartials());
        assertEquals(-2.0, a.grad(), "the user's gradients are unchanged");

        Value power = a.pow(2);
        assertArrayEquals(new double[] {6.0, 0.0}, power.localPartials());
        assertTrue(BuiltIns.POW.differentiates(0));
        assertFalse(BuiltIns.POW.differentiates(1), "the constant exponent gets no gradient");
        assertFalse(BuiltIns.CLAMP.differentiates(2));
        assertTrue(BuiltIns.MUL.differentiates(1));
        assertEquals(0, a.localPartials().length, "a leaf has no inputs");
    }

    @Test
    void logClampsAtEpsilonWithZeroGradient() {
        Value zero = Value.of(0.0);
        Value logZero = zero.log();
        logZero.backward();
        assertEquals(Math.log(Value.LOG_EPSILON), logZero.data());
        assertEquals(0.0, zero.grad());

        Value negative = Value.of(-3.0);
        Value logNegative = negative.log();
        assertFalse(Double.isNaN(logNegative.data()));

        Value nan = Value.of(Double.NaN);
        Value logNan = nan.log();
        logNan.backward();
        assertTrue(Double.isNaN(logNan.data()), "NaN in, NaN out");
        assertTrue(Double.isNaN(nan.grad()));
    }

    @Test
    void sigmoidIsStableForLargeInputs() {
        assertEquals(1.0, Value.of(800).sigmoid().data());
        assertEquals(0.0, Value.of(-800).sigmoid().data());
        Value x = Value.of(-800);
        x.sigmoid().backward();
        assertFalse(Double.isNaN(x.grad()));
    }

    @Test
    void powValueGivesExponentNoGradientForNonPositiveBase() {
        Value base = Value.of(-2.0);
        Value exponent = Value.of(2.0);
        Value y = base.pow(exponent);
        y.backward();
        assertEquals(4.0, y.data());
        assertEquals(-4.0, base.grad());
        assertEquals(0.0, exponent.grad());
    }

    /** x^0 is the constant 1, also at x = 0, where n x^(n-1) would be 0 * infinity. */
    @Test
    void powHasDerivativeZeroWhereTheExponentIsZero() {
        Value x = Value.of(0.0);
        Value polynomial = x.pow(0).add(x.pow(1).mul(2)).add(x.pow(2).mul(3));
        polynomial.backward();
        assertEquals(1.0, polynomial.data());
        assertEquals(2.0, x.grad(), "d(1 + 2x + 3x^2)/dx at 0");

        Value base = Value.of(0.0);
        Value exponent = Value.of(0.0);
        base.pow(exponent).backward();
        assertEquals(0.0, base.grad(), "d(x^y)/dx at x = 0, y = 0");
        assertEquals(0.0, exponent.grad(), "no gradient to the exponent where the base is not positive");

        Value five = Value.of(5.0);
        five.pow(0).backward();
        assertEquals(0.0, five.grad());
    }

    @Test
    void smoothClampStaysInsideAndKeepsGradient() {
        Value far = Value.of(100);
        Value y = far.smoothClamp(-1, 2);
        y.backward();
        assertTrue(y.data() <= 2 && y.data() > 1.99);
        assertTrue(far.grad() >= 0);
        Value centre = Value.of(0.5);
        centre.smoothClamp(-1, 2).backward();
        assertEquals(1.0, centre.grad(), 1e-12, "slope 1 at the centre");
    }

    @Test
    void clampRejectsEmptyRange() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Value.of(1).clamp(2, 1));
        assertEquals("min must be less than max, got min=2.0, max=1.0", e.getMessage());
    }

    @Test
    void comparisonsLookAtDataAndLeaveTheGraphAlone() {
        Value a = Value.of(1);
        Value b = Value.of(2);
        assertTrue(a.lt(b));
        assertTrue(a.le(b));
        assertFalse(a.gt(b));
        assertFalse(a.ge(b));
        assertTrue(a.le(1.0));
        assertTrue(a.ge(1.0));
        assertFalse(a.lt(1.0));
        assertFalse(a.gt(1.0));
        assertTrue(a.dataEquals(Value.of(1)));
        assertTrue(a.dataEquals(1.0));
        assertTrue(a.inputs().isEmpty());
        assertEquals(BuiltIns.LEAF, a.op());
    }

    @Test
    void identityEquality() {
        Value a = Value.of(1);
        Value b = Value.of(1);
        assertNotEquals(a, b);
        assertEquals(a, a);
    }

    @Test
    void toStringLikeTheSeedWithTheOperation() {
        Value z = Value.of(2.0).mul(3.0).add(2.0).label("z");
        assertEquals("Value(data=8.0, grad=0.0, op=+, label=z)", z.toString());
        assertEquals("Value(data=1.5, grad=0.0)", Value.of(1.5).toString(), "a leaf has no operation");
        assertEquals("Value(data=1.0, grad=0.0, op=tanh)", Value.of(20).tanh().toString());
    }

    /** e^x + x x built at x = 1 and differentiated after x became 2 gave 6.72, the gradient at neither point. */
    @Test
    void backwardRefusesAGraphComputedBeforeALeafChanged() {
        Value x = Value.of(1.0).label("x");
        Value f = x.exp().add(x.mul(x));
        x.setData(2.0);

        IllegalStateException e = assertThrows(IllegalStateException.class, f::backward);
        assertEquals("Value(data=2.0, grad=0.0, label=x) was changed by setData after the exp node"
                + " Value(data=2.718281828459045, grad=0.0, op=exp) was computed from it, so backward() would mix its old"
                + " and new numbers; compute the graph again from the changed values, then call backward() on the"
                + " new output", e.getMessage());
        assertEquals(0.0, x.grad(), "nothing was accumulated");

        Value again = x.exp().add(x.mul(x));
        again.backward();
        assertEquals(Math.exp(2) + 4, x.grad(), 1e-15);
    }

    @Test
    void setDataThatChangesNothingInTheGraphLeavesItUsable() {
        Value x = Value.of(1.5);
        Value unrelated = Value.of(3.0);
        Value f = x.mul(x);
        x.setData(1.5);
        unrelated.setData(-4.0);
        f.backward();
        assertEquals(3.0, x.grad());

        Value intermediate = x.mul(2);
        Value g = intermediate.tanh();
        intermediate.setData(0.0);
        assertThrows(IllegalStateException.class, g::backward, "a changed intermediate node is refused too");
    }

    @Test
    void topologicalOrderListsInputsFirstAndEachNodeOnce() {
        Value x = Value.of(1);
        Value a = x.mul(x);
        Value b = a.add(x);
        var order = b.topologicalOrder();
        assertEquals(b, order.get(order.size() - 1));
        assertTrue(order.indexOf(x) < order.indexOf(a));
        assertTrue(order.indexOf(a) < order.indexOf(b));
        assertEquals(order.size(), order.stream().distinct().count());
    }

    @Test
    void backwardOverTenMillionNodeChain() {
        Value x = Value.of(0.5);
        Value y = x;
        int n = 10_000_000;
        for (int i = 0; i < n; i++) {
            y = y.add(1e-7);
        }
        y.backward();
        assertEquals(0.5 + n * 1e-7, y.data(), 1e-6);
        assertEquals(1.0, x.grad());
    }
}
