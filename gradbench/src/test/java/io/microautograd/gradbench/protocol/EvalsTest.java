package io.microautograd.gradbench.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvalsTest {

    private static final EvalModule HELLO = new EvalModule("hello", Map.of());

    @Test
    void aModuleGivenTwiceIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Evals(List.of(HELLO, HELLO), Map.of()));
        assertEquals("module hello is given twice", e.getMessage());
    }

    @Test
    void aModuleBothImplementedAndDeclinedIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Evals(List.of(HELLO), Map.of("hello", "not yet")));
        assertEquals("module hello is both implemented and declined", e.getMessage());
    }
}
