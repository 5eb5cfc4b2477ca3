package io.microautograd.processor.diff;

import io.microautograd.processor.ir.Expr;
import io.microautograd.processor.ir.IrWalk;
import io.microautograd.processor.ir.Function;
import io.microautograd.processor.ir.Stmt;
import io.microautograd.processor.ir.TapeKind;
import io.microautograd.processor.ir.Type;
import io.microautograd.processor.ir.Variable;
import java.util.HashSet;
import java.util.Set;

/**
 * Which variables carry derivatives: the differentiated parameters and every double or array
 * variable whose value depends on them. Only active variables get adjoints.
 *
 * <p>Over a pullback, whose tangent {@link ForwardOverReverse} takes, values popped off the double
 * and row tapes are active (their tangents were pushed with them), and a call of another pullback
 * makes the arrays it is given for differentiated parameters active: it adds into them.
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
        if (s instanceof Stmt.Evaluate e && dependsOnActiveArgument(e.call())) {
            for (int i = 0; i < e.call().arguments().size(); i++) {
                Expr argument = e.call().arguments().get(i);
                if (e.call().callee().differentiated().get(i) && isArrayReference(argument)) {
                    active.add(IrWalk.root(argument));
                }
            }
        }
    }

    /** Whether a call gets a value that depends on a differentiated input for a parameter it differentiates. */
    boolean dependsOnActiveArgument(Expr.Call call) {
        for (int i = 0; i < call.arguments().size(); i++) {
            if (call.callee().differentiated().get(i) && dependsOnActive(call.arguments().get(i))) {
                return true;
            }
        }
        return false;
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
        return (e.type() == Type.DOUBLE || e.type().isArray()) && e.accept(dependence);
    }

    /** Whether a double or array expression depends on a differentiated input, kind by kind. */
    private final Expr.Visitor<Boolean> dependence = new Expr.Visitor<>() {
        @Override
        public Boolean literal(Expr.Literal e) {
            return false;
        }

        @Override
        public Boolean read(Expr.Read e) {
            return active.contains(e.variable());
        }

        @Override
        public Boolean constant(Expr.Constant e) {
            return false;
        }

        @Override
        public Boolean unary(Expr.Unary e) {
            return anyOperand(e);
        }

        @Override
        public Boolean binary(Expr.Binary e) {
            return anyOperand(e);
        }

        @Override
        public Boolean conditional(Expr.Conditional e) {
            return dependsOnActive(e.whenTrue()) || dependsOnActive(e.whenFalse());
        }

        @Override
        public Boolean mathCall(Expr.MathCall e) {
            return anyOperand(e);
        }

        @Override
        public Boolean cast(Expr.Cast e) {
            return anyOperand(e);
        }

        @Override
        public Boolean element(Expr.Element e) {
            return dependsOnActive(e.array());
        }

        @Override
        public Boolean length(Expr.Length e) {
            return false;
        }

        @Override
        public Boolean call(Expr.Call e) {
            return e.callee().carriesDerivatives() && dependsOnActiveArgument(e);
        }

        @Override
        public Boolean newArray(Expr.NewArray e) {
            return false;
        }

        @Override
        public Boolean arrayLiteral(Expr.ArrayLiteral e) {
            return anyOperand(e);
        }

        @Override
        public Boolean cloneArray(Expr.Clone e) {
            return anyOperand(e);
        }

        @Override
        public Boolean pop(Expr.Pop e) {
            return e.tape() == TapeKind.DOUBLE || e.tape() == TapeKind.ROW;
        }

        private boolean anyOperand(Expr e) {
            return IrWalk.children(e).stream().anyMatch(Activity.this::dependsOnActive);
        }
    };
}
