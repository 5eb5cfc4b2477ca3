package io.microautograd.gradbench.evals;

import io.microautograd.gradbench.protocol.EvalFunction;
import io.microautograd.gradbench.protocol.EvalModule;
import io.microautograd.gradbench.protocol.Inputs;
import java.util.Map;

/**
 * The {@code particle} module: {@link Particle#particle} from the input's {@code w}, the functions
 * named by the modes of the outer and the inner gradients ({@code f} forward, {@code r} reverse).
 */
final class ParticleEval {

    private ParticleEval() {
    }

    static EvalModule module() {
        return new EvalModule("particle", Map.of("ff", variant(true, true), "fr", variant(true, false),
                "rf", variant(false, true), "rr", variant(false, false)));
    }

    private static EvalFunction variant(boolean outerForward, boolean innerForward) {
        return input -> {
            double w0 = Inputs.number(input, "w");
            return () -> Particle.particle(w0, outerForward, innerForward);
        };
    }
}
