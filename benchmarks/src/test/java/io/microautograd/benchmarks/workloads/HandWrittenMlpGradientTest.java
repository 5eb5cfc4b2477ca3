package io.microautograd.benchmarks.workloads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.microautograd.data.Dataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Bad sizes and bad call arguments are refused with a message that says what to fix. */
class HandWrittenMlpGradientTest {

    /** sizes {2, 3, 1}: (2 + 1) * 3 + (3 + 1) * 1 = 13 parameters. */
    private static final int PARAMETERS = 13;

    private final Dataset twoInputs = Dataset.of(new double[][] {{0.5, -1}, {1, 2}}, new double[] {1, 0});

    @Test
    void refusesSizesItCannotBuild() {
        assertMessage("sizes must hold at least 2 widths (inputs and outputs), got [2]",
                () -> new HandWrittenMlpGradient(2));
        assertMessage("sizes[1] must be at least 1, got 0", () -> new HandWrittenMlpGradient(2, 0, 1));
        assertMessage("sizes must end with 1 (one output), got 2 outputs", () -> new HandWrittenMlpGradient(2, 3, 2));
    }

    @Test
    void refusesArgumentsThatDoNotFitTheSizes() {
        HandWrittenMlpGradient gradient = new HandWrittenMlpGradient(2, 3, 1);
        double[] params = new double[PARAMETERS];
        int[] batch = {0, 1};
        assertMessage("params must hold 13 parameters for sizes [2, 3, 1], got 12",
                () -> gradient.lossAndGradient(new double[PARAMETERS - 1], twoInputs, batch, 0,
                        new double[PARAMETERS]));
        assertMessage("gradient must hold 13 parameters for sizes [2, 3, 1], got 14",
                () -> gradient.lossAndGradient(params, twoInputs, batch, 0, new double[PARAMETERS + 1]));
        assertMessage("batch must hold at least one sample index, got none",
                () -> gradient.lossAndGradient(params, twoInputs, new int[0], 0, new double[PARAMETERS]));
        Dataset threeInputs = Dataset.of(new double[][] {{0.5, -1, 3}}, new double[] {1});
        assertMessage("data must have inputs 2 wide (sizes[0]), got 3",
                () -> gradient.lossAndGradient(params, threeInputs, new int[] {0}, 0, new double[PARAMETERS]));
    }

    @Test
    void acceptsArgumentsThatFit() {
        double[] gradient = new double[PARAMETERS];
        double loss = new HandWrittenMlpGradient(2, 3, 1)
                .lossAndGradient(new double[PARAMETERS], twoInputs, new int[] {0, 1}, 0, gradient);
        assertEquals(1, loss, "all-zero weights put every sample at the hinge's margin 1");
    }

    private static void assertMessage(String expected, Executable call) {
        assertEquals(expected, assertThrows(IllegalArgumentException.class, call).getMessage());
    }
}
