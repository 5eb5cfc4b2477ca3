package io.microautograd.gradbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The command line's one option, and the kept tapes' bound the tool sets. */
class GradBenchToolTest {

    @Test
    void warmUpDefaultsAndCanBeSet() {
        assertEquals(GradBenchTool.DEFAULT_WARMUP_SECONDS, GradBenchTool.warmupSeconds(new String[0]));
        assertEquals(0.0, GradBenchTool.warmupSeconds(new String[] {"--warmup-seconds", "0"}));
        assertEquals(2.5, GradBenchTool.warmupSeconds(new String[] {"--warmup-seconds", "2.5"}));
    }

    @Test
    void badArgumentsAreNamed() {
        assertEquals("--warmup-seconds needs 0 or more seconds, not -1",
                assertThrows(IllegalArgumentException.class,
                        () -> GradBenchTool.warmupSeconds(new String[] {"--warmup-seconds", "-1"})).getMessage());
        assertEquals("--warmup-seconds needs 0 or more seconds, not soon",
                assertThrows(IllegalArgumentException.class,
                        () -> GradBenchTool.warmupSeconds(new String[] {"--warmup-seconds", "soon"})).getMessage());
        assertEquals("unknown arguments: --fast",
                assertThrows(IllegalArgumentException.class,
                        () -> GradBenchTool.warmupSeconds(new String[] {"--fast"})).getMessage());
    }

    @Test
    void everyTapeIsKeptUnlessTheCommandLineSetsABound() {
        String before = System.getProperty(GradBenchTool.KEPT_BYTES);
        try {
            System.clearProperty(GradBenchTool.KEPT_BYTES);
            GradBenchTool.keepEveryTape();
            assertEquals(Long.MAX_VALUE, Long.getLong(GradBenchTool.KEPT_BYTES));
            System.setProperty(GradBenchTool.KEPT_BYTES, "4096");
            GradBenchTool.keepEveryTape();
            assertEquals(4096L, Long.getLong(GradBenchTool.KEPT_BYTES));
        } finally {
            if (before == null) {
                System.clearProperty(GradBenchTool.KEPT_BYTES);
            } else {
                System.setProperty(GradBenchTool.KEPT_BYTES, before);
            }
        }
    }
}
