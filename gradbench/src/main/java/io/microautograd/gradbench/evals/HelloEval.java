package io.microautograd.gradbench.evals;

import io.microautograd.gradbench.protocol.EvalModule;
import io.microautograd.gradbench.protocol.Inputs;
import java.util.Map;

/** The {@code hello} module: {@code square} runs {@link Hello#square}, {@code double} its gradient. */
final class HelloEval {

    private HelloEval() {
    }

    static EvalModule module() {
        return new EvalModule("hello", Map.of(
                "square", input -> {
                    double x = Inputs.number("input", input);
                    return () -> Hello.square(x);
                },
                "double", input -> {
                    double x = Inputs.number("input", input);
                    return () -> HelloGrad.square(x).x();
                }));
    }
}
