package io.microautograd.benchmarks.workloads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.microautograd.data.Dataset;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad sizes and bad call arguments are refused with a message that says what to fix, by both
 * gradients written by hand (they share their checks).
 */
class HandWrittenMlpGradientTest {

    /** sizes {2, 3, 1}: (2 + 1) * 3 + (3 + 1) * 1 = 13 parameters. */
    private static final int PARAMETERS = 13;

    private final Dataset twoInputs = Dataset.of(new double[][] {{0.5, -1}, {1, 2}}, new double[] {1, 0});

    /** What both classes offer: built from sizes, a loss and gradient. */
    private interface GradientByHand {
        double lossAndGradient(double[] params, Dataset data, int[] batch, double l2, double[] gradient);
    }

    static Stream<Named<Function<int[], GradientByHand>>> gradients() {
        return Stream.of(
                Named.of("per sample", sizes -> new HandWrittenMlpGradient(sizes)::lossAndGradient),
                Named.of("batched", sizes -> new BatchedMlpGradient(sizes)::lossAndGradient));
    }

    @ParameterizedTest
    @MethodSource("gradients")
    void refusesSizesItCannotBuild(Function<int[], GradientByHand> build) {
        assertMessage("sizes must hold at least 2 widths (inputs and outputs), got [2]",
                () -> build.apply(new int[] {2}));
        assertMessage("sizes[1] must be at least 1, got 0", () -> build.apply(new int[] {2, 0, 1}));
        assertMessage("sizes must end with 1 (one output), got 2 outputs", () -> build.apply(new int[] {2, 3, 2}));
    }

    @ParameterizedTest
    @MethodSource("gradients")
    void refusesArgumentsThatDoNotFitTheSizes(Function<int[], GradientByHand> build) {
        GradientByHand gradient = build.apply(new int[] {2, 3, 1});
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

    @ParameterizedTest
    @MethodSource("gradients")
    void acceptsArgumentsThatFit(Function<int[], GradientByHand> build) {
        double[] gradient = new double[PARAMETERS];
        double loss = build.apply(new int[] {2, 3, 1})
                .lossAndGradient(new double[PARAMETERS], twoInputs, new int[] {0, 1}, 0, gradient);
        assertEquals(1, loss, "all-zero weights put every sample at the hinge's margin 1");
    }

    private static void assertMessage(String expected, Executable call) {
        assertEquals(expected, assertThrows(IllegalArgumentException.class, call).getMessage());
    }
}
