package io.microautograd.processor.diff;

import io.microautograd.processor.ir.Expr;
import io.microautograd.processor.ir.IrWalk;
import io.microautograd.processor.ir.Stmt;
import java.util.List;

/**
 * Conditional values as {@code if} statements where that lets the reverse sweep reuse what the
 * forward sweep computed: {@code return z >= 0 ? 1 / (1 + Math.exp(-z)) : ...} becomes {@code if (z
 * >= 0) return 1 / (1 + Math.exp(-z)); else return ...;}, whose branches each keep their {@code
 * exp} from the forward sweep for the reverse one, where a conditional's branches can keep
 * nothing (only one of them runs) and the reverse sweep calls the function again. Applies to a
 * return, an assignment or a store outside loops whose differentiated value is a conditional with
 * such a function (one whose derivative reads its output: exp, tanh, sqrt, ...) in a branch;
 * inside loops each branch would be one more decision on the tape, so they stay as written.
 */
final class ConditionalBranches {

    private ConditionalBranches() {
    }

    /** The body with those conditionals as ifs; the other statements keep their identity. */
    static Stmt.Block of(Stmt.Block body, Activity activity) {
        return Stmt.Block.of(body.statements().stream().map(s -> branched(s, activity)).toList());
    }

    private static Stmt branched(Stmt s, Activity activity) {
        if (s instanceof Stmt.Block b) {
            return of(b, activity);
        }
        if (s instanceof Stmt.If i) {
            return new Stmt.If(i.condition(), of(i.thenBlock(), activity), of(i.elseBlock(), activity), i.origin());
        }
        if (s instanceof Stmt.Return r && worthBranching(r.value(), activity)) {
            Expr.Conditional c = (Expr.Conditional) r.value();
            return new Stmt.If(c.condition(), block(new Stmt.Return(c.whenTrue(), r.origin()), activity),
                    block(new Stmt.Return(c.whenFalse(), r.origin()), activity), r.origin());
        }
        if (s instanceof Stmt.Assign a && worthBranching(a.value(), activity)) {
            Expr.Conditional c = (Expr.Conditional) a.value();
            return new Stmt.If(c.condition(),
                    block(new Stmt.Assign(a.target(), c.whenTrue(), a.declaration(), a.origin()), activity),
                    block(new Stmt.Assign(a.target(), c.whenFalse(), a.declaration(), a.origin()), activity), a.origin());
        }
        if (s instanceof Stmt.Store st && worthBranching(st.value(), activity)) {
            Expr.Conditional c = (Expr.Conditional) st.value();
            return new Stmt.If(c.condition(),
                    block(new Stmt.Store(st.array(), st.index(), c.whenTrue(), st.origin()), activity),
                    block(new Stmt.Store(st.array(), st.index(), c.whenFalse(), st.origin()), activity), st.origin());
        }
        return s;
    }

    private static Stmt.Block block(Stmt s, Activity activity) {
        return Stmt.Block.of(List.of(branched(s, activity)));
    }

    private static boolean worthBranching(Expr value, Activity activity) {
        return value instanceof Expr.Conditional c && activity.dependsOnActive(c)
                && (keepsOutput(c.whenTrue(), activity) || keepsOutput(c.whenFalse(), activity));
    }

    private static boolean keepsOutput(Expr e, Activity activity) {
        boolean[] found = {false};
        IrWalk.expressions(e, x -> found[0] |= DerivativeRules.readsOutputOf(x) && activity.dependsOnActive(x));
        return found[0];
    }
}
