package io.microautograd.gradbench.evals;

import io.microautograd.gradbench.protocol.Evals;
import java.util.List;
import java.util.Map;

/**
 * The evals this tool answers, and why it declines GradBench's others: what the library still
 * lacks for them, or, for lstm, that it is not written yet.
 */
public final class Catalog {

    private static final String JACOBIAN = "asks for a Jacobian of a vector-valued function; MicroAutograd"
            + " compiles gradients of double-valued methods only so far";

    private Catalog() {
    }

    /** Every eval implemented, and the reasons for the rest. */
    public static Evals evals() {
        return new Evals(
                List.of(HelloEval.module(), GmmEval.module(), LseEval.module(), LlsqEval.module(), OdeEval.module(),
                        DetEval.module(), KmeansEval.module(), ParticleEval.module(), SaddleEval.module()),
                Map.of(
                        "ba", "ba " + JACOBIAN + " (a sparse one, of the reprojection errors)",
                        "ht", "ht " + JACOBIAN + " (of the hand model's residuals)",
                        "lstm", "lstm is not implemented yet (it needs only gradients)"));
    }
}
