package io.microautograd.processor.diff;

import io.microautograd.processor.ir.Callee;
import io.microautograd.processor.ir.Expr;
import io.microautograd.processor.ir.Function;
import io.microautograd.processor.ir.IrWalk;
import io.microautograd.processor.ir.Stmt;
import io.microautograd.processor.ir.Type;
import io.microautograd.processor.ir.Variable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The arrays a pullback may keep per thread and reuse in its next call instead of allocating
 * them: arrays whose contents no one can see once the call has returned. Such an array is one
 * the method allocates with every size given ({@code new double[n]}, {@code new double[r][c]}),
 * into a local assigned there and nowhere else, outside any loop (so at most once per call),
 * with its adjoint array, allocated alongside it.
 *
 * <p>An array is not kept when it may outlive the call or hold a row it did not allocate: when
 * it, or any array sharing its storage (a row or another name of it), receives a row
 * ({@code m[i] = row}) or is stored as one, or is passed to a method that may hold on to it: a
 * method without {@code @Differentiable}, or one whose body, or a method it calls, passes arrays
 * to such a method. (A {@code @Differentiable} method has nowhere else to put an array: it
 * returns a scalar, writes no field, and keeps only arrays it allocates itself.)
 *
 * <p>The parser already rejects array locals allocated in a loop, assigned again or given a row;
 * these rules do not rely on it, so that a kept array stays safe if the subset grows.
 */
final class ReusableArrays {

    private final Map<Variable, Integer> assignments = new HashMap<>();
    private final Set<Variable> allocatedOnce = new LinkedHashSet<>();

    private ReusableArrays() {
    }

    /**
     * The arrays of a pullback that can be kept, each source array followed by its adjoint.
     *
     * @param function the differentiated function, whose body shows how its arrays are used
     * @param pullback the complete body of its pullback
     * @param adjoints every variable of the pullback that has an adjoint, with it
     * @param mayHoldArrays whether a method may let an array it is given outlive the call
     */
    static List<Variable> of(Function function, Stmt.Block pullback, Map<Variable, Variable> adjoints,
            Predicate<Callee> mayHoldArrays) {
        ReusableArrays arrays = new ReusableArrays();
        arrays.scan(pullback, false);
        ArrayAliases aliases = ArrayAliases.of(function.body());
        Set<Variable> held = heldElsewhere(function, aliases, mayHoldArrays);
        List<Variable> kept = new ArrayList<>();
        for (Variable v : arrays.allocatedOnce) {
            if (v.role() == Variable.Role.LOCAL && arrays.allocatesOnce(v)
                    && !held.contains(aliases.representative(v))) {
                kept.add(v);
                Variable adjoint = adjoints.get(v);
                if (adjoint != null && arrays.allocatesOnce(adjoint)) {
                    kept.add(adjoint);
                }
            }
        }
        return List.copyOf(kept);
    }

    /** Whether {@code v} is assigned exactly once, outside loops, from an allocation with every size. */
    private boolean allocatesOnce(Variable v) {
        return allocatedOnce.contains(v) && assignments.get(v) == 1;
    }

    private void scan(Stmt s, boolean inLoop) {
        if (s instanceof Stmt.Assign a) {
            assignments.merge(a.target(), 1, Integer::sum);
            if (!inLoop && a.value() instanceof Expr.NewArray allocation && hasEverySize(allocation)) {
                allocatedOnce.add(a.target());
            }
        }
        boolean loop = inLoop || s instanceof Stmt.Loop;
        for (Stmt child : IrWalk.children(s)) {
            scan(child, loop);
        }
    }

    /** Whether an allocation gives every size, so that a kept array of that shape can stand for it. */
    private static boolean hasEverySize(Expr.NewArray allocation) {
        int sizes = allocation.dimensions().size();
        return allocation.type() == Type.DOUBLE_ARRAY && sizes == 1
                || allocation.type() == Type.DOUBLE_MATRIX && sizes == 2;
    }

    /**
     * The representatives of the storage classes of {@code function} whose arrays may be held by
     * another array or another method: those taking or given as a row, and those passed to a
     * method that may hold on to them.
     */
    private static Set<Variable> heldElsewhere(Function function, ArrayAliases aliases,
            Predicate<Callee> mayHoldArrays) {
        Set<Variable> held = new HashSet<>();
        IrWalk.statements(function.body(), s -> {
            if (s instanceof Stmt.Store st && st.value().type().isArray()) {
                held.add(aliases.representative(IrWalk.root(st.array())));
                hold(st.value(), aliases, held);
            }
            for (Expr e : IrWalk.expressionsOf(s)) {
                IrWalk.expressions(e, x -> {
                    if (x instanceof Expr.Call call && mayHoldArrays.test(call.callee())) {
                        call.arguments().forEach(argument -> hold(argument, aliases, held));
                    }
                });
            }
        });
        return held;
    }

    /** Marks the storage an array value may be, when it is a variable's: a name, a row, either of a choice. */
    private static void hold(Expr value, ArrayAliases aliases, Set<Variable> held) {
        if (!value.type().isArray()) {
            return;
        }
        if (value instanceof Expr.Read || value instanceof Expr.Element) {
            held.add(aliases.representative(IrWalk.root(value)));
        } else if (value instanceof Expr.Conditional c) {
            hold(c.whenTrue(), aliases, held);
            hold(c.whenFalse(), aliases, held);
        }
    }
}
