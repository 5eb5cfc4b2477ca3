package io.microautograd.processor.diff;

import io.microautograd.processor.ir.BinaryOp;
import io.microautograd.processor.ir.Expr;
import io.microautograd.processor.ir.IrWalk;
import io.microautograd.processor.ir.MathFunction;
import io.microautograd.processor.ir.Stmt;
import io.microautograd.processor.ir.Type;
import io.microautograd.processor.ir.Variable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Removes from a tangent body the assignments of double variables, and of the scalar temporaries
 * the differentiation made, that nothing reads: a tangent method returns the tangent, so the values
 * that only led to the source's return value (an accumulator, the value of a called method) need not
 * be computed. Flow-insensitive: a variable is read when any statement that stays reads it, to a
 * fixed point. A value that could throw is still evaluated, as Java would: of a value whose only
 * parts that may throw are calls of methods without {@code @Differentiable}, those calls stay as
 * statements of their own, in the order Java makes them; a source statement whose value may throw
 * by itself (an element read or a length, an integer division, which Java cannot evaluate on their
 * own) stays whole, and so does an assignment that pops a tape (which must stay in step with its
 * pushes) or makes such a call only under a condition. A
 * tangent's assignment may go where its statement's does not, since that statement, which follows
 * it, throws the same. A call of a {@code @Differentiable} method may go,
 * since its tangent call beside it runs the same code.
 */
final class UnreadValues {

    private final Set<Variable> read = new HashSet<>();

    private UnreadValues() {
    }

    /** The body without the assignments whose values no statement that stays reads. */
    static Stmt.Block removed(Stmt.Block body) {
        UnreadValues values = new UnreadValues();
        int size = -1;
        while (size != values.read.size()) {
            size = values.read.size();
            IrWalk.statements(body, s -> values.evaluated(s).forEach(e -> IrWalk.expressions(e, x -> {
                if (x instanceof Expr.Read r) {
                    values.read.add(r.variable());
                }
            })));
        }
        return values.block(body);
    }

    /** The expressions of the statement that stay evaluated. */
    private List<? extends Expr> evaluated(Stmt s) {
        List<Expr.Call> calls = unreadValueCalls(s);
        return calls == null ? IrWalk.expressionsOf(s) : calls;
    }

    /**
     * Of an assignment whose value nothing reads, the calls that must still be made: none when the
     * value cannot throw; null when the statement is not such an assignment or must stay whole.
     */
    private List<Expr.Call> unreadValueCalls(Stmt s) {
        if (!(s instanceof Stmt.Assign a && (a.target().type() == Type.DOUBLE
                || a.target().role() == Variable.Role.GENERATED && !a.target().type().hasElements())
                && !read.contains(a.target()))) {
            return null;
        }
        boolean[] mustStay = {false};
        IrWalk.expressions(a.value(), x -> mustStay[0] |= x instanceof Expr.Pop
                || a.origin() != Stmt.Origin.NONE && mayThrowByItself(x));
        return mustStay[0] ? null : plainCalls(a.value());
    }

    /**
     * Whether Java may throw in evaluating the expression itself, not in a call it makes: an
     * element read or a length (of null, or past the end), an int or long division or remainder
     * (by zero), {@code Math.floorDiv} and {@code floorMod} (by zero).
     */
    private static boolean mayThrowByItself(Expr e) {
        if (e instanceof Expr.Element || e instanceof Expr.Length) {
            return true;
        }
        if (e instanceof Expr.Binary b && (b.op() == BinaryOp.DIV || b.op() == BinaryOp.REM)) {
            return b.type() == Type.INT || b.type() == Type.LONG;
        }
        return e instanceof Expr.MathCall m && (m.function() == MathFunction.FLOOR_DIV
                || m.function() == MathFunction.FLOOR_MOD);
    }

    /**
     * The outermost calls of methods without {@code @Differentiable} in an expression, in the order
     * Java makes them; null when one is made only under a condition, so cannot stand alone.
     */
    private static List<Expr.Call> plainCalls(Expr e) {
        if (e instanceof Expr.Call c && !c.callee().isDifferentiable()) {
            return List.of(c);
        }
        List<Expr.Call> calls = new ArrayList<>();
        for (Expr child : IrWalk.children(e)) {
            List<Expr.Call> inner = plainCalls(child);
            if (inner == null) {
                return null;
            }
            calls.addAll(inner);
        }
        boolean conditional = e instanceof Expr.Conditional || e instanceof Expr.Binary b && b.op().isLogical();
        return conditional && !calls.isEmpty() ? null : calls;
    }

    private Stmt.Block block(Stmt.Block block) {
        return Stmt.Block.of(kept(block.statements()));
    }

    private List<Stmt> kept(List<Stmt> statements) {
        List<Stmt> out = new ArrayList<>();
        for (Stmt s : statements) {
            List<Expr.Call> calls = unreadValueCalls(s);
            if (calls != null) {
                calls.forEach(c -> out.add(new Stmt.Evaluate(c)));
            } else if (s instanceof Stmt.Block b) {
                out.add(block(b));
            } else if (s instanceof Stmt.If i) {
                out.add(new Stmt.If(i.condition(), block(i.thenBlock()), block(i.elseBlock()), i.origin()));
            } else if (s instanceof Stmt.Loop l) {
                out.add(new Stmt.Loop(l.kind(), kept(l.init()), l.condition(), kept(l.update()), block(l.body()),
                        l.origin()));
            } else {
                out.add(s);
            }
        }
        return out;
    }
}
