package io.microautograd.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The first NaN or infinity of a graph, traced to the operation that made it out of finite numbers. */
class NonFiniteOriginTest {

    /** A softplus as written first: the derivative e^x / (1 + e^x) is infinity over infinity above 709. */
    private static final Op.Unary NAIVE_DERIVATIVE = Op.unary("softplus",
            x -> Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x))),
            (x, y) -> Math.exp(x) / (1 + Math.exp(x)));

    @Test
    void aBackwardRuleThatMakesNanOutOfFiniteNumbersIsNamed() {
        Value x = Value.of(800.0);
        Value loss = NAIVE_DERIVATIVE.apply(x.mul(1.0)).mul(2);
        loss.backward();
        assertTrue(Double.isNaN(x.grad()));
        assertEquals(Optional.of("the backward rule of operation \"softplus\" made NaN for input 0 out of finite"
                + " numbers (inputs [800.0], output 800.0, gradient 2.0)"), NonFiniteOrigin.of(loss));
    }

    @Test
    void aForwardFormulaThatOverflowsIsNamedBeforeAnyRule() {
        Op.Unary naive = Op.unary("naive softplus", x -> Math.log(1 + Math.exp(x)), (x, y) -> 1 / (1 + Math.exp(-x)));
        Value x = Value.of(800.0);
        Value loss = naive.apply(x).add(NAIVE_DERIVATIVE.apply(x));
        loss.backward();
        assertEquals(Optional.of("operation \"naive softplus\" made Infinity out of the finite inputs [800.0]"),
                NonFiniteOrigin.of(loss));
    }

    @Test
    void aLeafHoldingNanIsNamedAndAFiniteGraphHasNoOrigin() {
        Value nan = Value.of(Double.NaN).label("x");
        Value loss = nan.mul(2).tanh();
        loss.backward();
        assertEquals(Optional.of("the leaf Value(data=NaN, grad=NaN, label=x) holds NaN"), NonFiniteOrigin.of(loss));

        Value x = Value.of(3.0);
        Value fine = NAIVE_DERIVATIVE.apply(x).mul(x);
        fine.backward();
        assertEquals(Optional.empty(), NonFiniteOrigin.of(fine));
    }

    /** An infinite derivative of a built-in is an origin too: sqrt at 0. */
    @Test
    void builtInRulesAreTracedAlike() {
        Value x = Value.of(0.0);
        Value loss = x.sqrt().add(x);
        loss.backward();
        assertEquals(Optional.of("the backward rule of operation \"sqrt\" made Infinity for input 0 out of finite"
                + " numbers (inputs [0.0], output 0.0, gradient 1.0)"), NonFiniteOrigin.of(loss));
    }
}
