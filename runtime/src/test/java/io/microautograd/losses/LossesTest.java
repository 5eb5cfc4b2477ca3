package io.microautograd.losses;

import static io.microautograd.losses.NumericalGradient.assertBackwardMatches;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.microautograd.engine.Value;
import java.util.List;
import org.junit.jupiter.api.Test;

class LossesTest {

    @Test
    void meanValueAndGradient() {
        double[] x = {1.0, -2.0, 4.5};
        assertEquals(3.5 / 3, Losses.mean(List.of(Value.of(x))).data(), 1e-12);
        assertBackwardMatches(v -> Losses.mean(List.of(v[0].mul(v[1]), v[2].tanh(), v[0])), x, 1e-7);
        assertThrows(IllegalArgumentException.class, () -> Losses.mean(List.of()));
    }

    @Test
    void l2ValueAndGradient() {
        double[] p = {0.5, -1.5, 2.0};
        assertEquals(1e-2 * (0.25 + 2.25 + 4.0), Losses.l2(List.of(Value.of(p)), 1e-2).data(), 1e-15);
        assertBackwardMatches(v -> Losses.l2(List.of(v), 0.3), p, 1e-7);
        assertThrows(IllegalArgumentException.class, () -> Losses.l2(List.of(), -1));
    }
}
