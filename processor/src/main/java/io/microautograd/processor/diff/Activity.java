package io.microautograd.processor.diff;

import io.microautograd.processor.ir.Expr;
import io.microautograd.processor.ir.IrWalk;
import io.microautograd.processor.ir.Function;
import io.microautograd.processor.ir.Stmt;
import io.microautograd.processor.ir.Type;
import io.microautograd.processor.ir.Variable;
import java.util.HashSet;
import java.util.Set;

/**
 * Which variables carry derivatives: the differentiated parameters and every double or array
 * variable whose value depends on them. Only active variables get adjoints.
 */
final class Activity {

    private final Set<Variable> active = new HashSet<>();

    private Activity() {
    }

    /** The activity of a function's variables, found by iterating to a fixed point. */
    static Activity of(Function function) {
        Activity activity = new Activity();
        activity.active.addAll(function.differentiated());
        boolean changed = true;
        while (changed) {
            int before = activity.active.size();
            IrWalk.statements(function.body(), activity::propagate);
            changed = activity.active.size() != before;
        }
        return activity;
    }

    private void propagate(Stmt s) {
        if (s instanceof Stmt.Assign a && (a.target().type() == Type.DOUBLE || a.target().type().isArray())) {
            if (dependsOnActive(a.value())) {
                active.add(a.target());
            }
            if (a.target().type().isArray() && active.contains(a.target()) && isArrayReference(a.value())) {
                active.add(IrWalk.root(a.value()));
            }
        }
        if (s instanceof Stmt.Store st && dependsOnActive(st.value())) {
            active.add(IrWalk.root(st.array()));
        }
    }

    private static boolean isArrayReference(Expr e) {
        return e instanceof Expr.Read || e instanceof Expr.Element;
    }

    /** Whether the variable has an adjoint. */
    boolean isActive(Variable v) {
        return active.contains(v);
    }

    /** Whether an expression's value depends on a differentiated input. */
    boolean dependsOnActive(Expr e) {
        if (e.type() != Type.DOUBLE && !e.type().isArray()) {
            return false;
        }
        if (e instanceof Expr.Read r) {
            return active.contains(r.variable());
        }
        if (e instanceof Expr.Element el) {
            return dependsOnActive(el.array());
        }
        if (e instanceof Expr.Conditional c) {
            return dependsOnActive(c.whenTrue()) || dependsOnActive(c.whenFalse());
        }
        if (e instanceof Expr.Call call) {
            if (!call.callee().isDifferentiable()) {
                return false;
            }
            for (int i = 0; i < call.arguments().size(); i++) {
                if (call.callee().differentiated().get(i) && dependsOnActive(call.arguments().get(i))) {
                    return true;
                }
            }
            return false;
        }
        for (Expr child : IrWalk.children(e)) {
            if (dependsOnActive(child)) {
                return true;
            }
        }
        return false;
    }
}
