package io.microautograd.gradbench.evals;

import io.microautograd.gradbench.protocol.Evals;
import java.util.List;

/** The evals this tool answers: every one of GradBench's. */
public final class Catalog {

    private Catalog() {
    }

    /** Every eval implemented. */
    public static Evals evals() {
        return new Evals(List.of(HelloEval.module(), GmmEval.module(), LseEval.module(), LlsqEval.module(),
                OdeEval.module(), DetEval.module(), KmeansEval.module(), BaEval.module(), HtEval.module(),
                LstmEval.module(), ParticleEval.module(), SaddleEval.module()));
    }
}
