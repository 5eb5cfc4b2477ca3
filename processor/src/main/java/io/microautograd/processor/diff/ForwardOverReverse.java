package io.microautograd.processor.diff;

import io.microautograd.processor.ir.Expr;
import io.microautograd.processor.ir.Function;
import io.microautograd.processor.ir.IrWalk;
import io.microautograd.processor.ir.Stmt;
import io.microautograd.processor.ir.Variable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Second derivatives by forward over reverse: the {@link TangentMode} pass run over a pullback's
 * body gives a {@link HessianVector}. The pullback is a function of the source's differentiated
 * parameters, the result's adjoint and the adjoint storage; its tangent along the direction makes
 * the partials' derivatives from the rule table's partial expressions, differentiated by the same
 * table, so there is no second table. Tape sizes and reservations are those of the new body, whose
 * double and row tapes hold each value's tangent after it.
 */
public final class ForwardOverReverse {

    private ForwardOverReverse() {
    }

    /**
     * The tangent of a pullback whose body has no checkpointed loop.
     *
     * @param pullback a pullback of a function whose {@code checkpoints} is 0
     */
    public static HessianVector differentiate(Pullback pullback) {
        Function source = pullback.source();
        List<Variable> parameters = new ArrayList<>(source.parameters());
        parameters.add(pullback.resultAdjoint());
        parameters.addAll(pullback.adjointStorage());
        Set<Variable> differentiated = new HashSet<>(source.differentiated());
        differentiated.add(pullback.resultAdjoint());
        differentiated.addAll(pullback.adjointStorage());
        Function function = new Function(source.name() + "Pullback", List.copyOf(parameters), differentiated,
                source.order(), pullback.body(), firstFreeId(pullback.body(), parameters), 0);
        Map<Variable, String> names = new HashMap<>();
        source.differentiated().forEach(p -> names.put(p, "v" + Sweeper.capitalized(p.name())));
        names.put(pullback.resultAdjoint(), "dValueTangent");
        if (pullback.gradient() != null) {
            names.put(pullback.gradient(), "hessianVector");
        }
        pullback.arrayAdjoints().forEach((p, d) -> names.put(d, "hv" + Sweeper.capitalized(p.name())));
        Map<Variable, Variable> tangents = new LinkedHashMap<>();
        Stmt.Block body = new TangentMode(function, true, "t").differentiatedBody(names, tangents);
        return new HessianVector(pullback, tangents, body, TapeSizes.of(function, body), TapeReservations.of(body));
    }

    private static int firstFreeId(Stmt.Block body, List<Variable> parameters) {
        int[] next = {parameters.stream().mapToInt(Variable::id).max().orElse(-1) + 1};
        IrWalk.statements(body, s -> {
            if (s instanceof Stmt.Assign a) {
                next[0] = Math.max(next[0], a.target().id() + 1);
            }
            IrWalk.expressionsOf(s).forEach(e -> IrWalk.expressions(e, x -> {
                if (x instanceof Expr.Read r) {
                    next[0] = Math.max(next[0], r.variable().id() + 1);
                }
            }));
        });
        return next[0];
    }
}
