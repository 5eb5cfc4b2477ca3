package io.microautograd.gradbench.evals;

import io.microautograd.gradbench.protocol.Evals;
import java.util.List;
import java.util.Map;

/**
 * The evals this tool answers, and why it declines GradBench's others: what the library still
 * lacks for them, or, for lstm, that it is not written yet.
 */
public final class Catalog {


    private Catalog() {
    }

    /** Every eval implemented, and the reasons for the rest. */
    public static Evals evals() {
        return new Evals(
                List.of(HelloEval.module(), GmmEval.module(), LseEval.module(), LlsqEval.module(), OdeEval.module(),
                        DetEval.module(), KmeansEval.module(), BaEval.module(), HtEval.module(),
                        ParticleEval.module(), SaddleEval.module()),
                Map.of("lstm", "lstm is not implemented yet (it needs only gradients)"));
    }
}
