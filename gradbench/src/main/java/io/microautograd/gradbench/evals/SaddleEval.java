package io.microautograd.gradbench.evals;

import io.microautograd.gradbench.protocol.EvalFunction;
import io.microautograd.gradbench.protocol.EvalModule;
import io.microautograd.gradbench.protocol.Inputs;
import java.util.Map;

/**
 * The {@code saddle} module: {@link Saddle#saddle} from the input's {@code start}, the functions
 * named by the modes of the outer and the inner gradients ({@code f} forward, {@code r} reverse).
 */
final class SaddleEval {

    private SaddleEval() {
    }

    static EvalModule module() {
        return new EvalModule("saddle", Map.of("ff", variant(true, true), "fr", variant(true, false),
                "rf", variant(false, true), "rr", variant(false, false)));
    }

    private static EvalFunction variant(boolean outerForward, boolean innerForward) {
        return input -> {
            double[] start = Inputs.vector(input, "start");
            if (start.length != 2) {
                throw new IllegalArgumentException("start must have 2 numbers but has " + start.length);
            }
            return () -> Saddle.saddle(start, outerForward, innerForward);
        };
    }
}
