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
                () -> new Evals(List.of(HELLO, HELLO)));
        assertEquals("module hello is given twice", e.getMessage());
    }
}
