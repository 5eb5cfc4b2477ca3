package io.microautograd.processor.diff;

import io.microautograd.processor.ir.Expr;
import io.microautograd.processor.ir.IrWalk;
import io.microautograd.processor.ir.Stmt;
import io.microautograd.processor.ir.Type;
import io.microautograd.processor.ir.Variable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Removes from a tangent body the assignments of double variables that nothing reads: a tangent
 * method returns the tangent, so the values that only led to the source's return value (an
 * accumulator, the value of a called method) need not be computed. Flow-insensitive: a variable is
 * read when any statement that stays reads it, to a fixed point. An assignment stays when its
 * value could throw (an element read, a call of a method without {@code @Differentiable}); a call
 * of a {@code @Differentiable} method may go, since its tangent call beside it runs the same code.
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
            IrWalk.statements(body, s -> {
                if (!values.removable(s)) {
                    IrWalk.expressionsOf(s).forEach(e -> IrWalk.expressions(e, x -> {
                        if (x instanceof Expr.Read r) {
                            values.read.add(r.variable());
                        }
                    }));
                }
            });
        }
        return values.block(body);
    }

    private boolean removable(Stmt s) {
        return s instanceof Stmt.Assign a && a.target().type() == Type.DOUBLE && !read.contains(a.target())
                && cannotThrow(a.value());
    }

    private static boolean cannotThrow(Expr e) {
        boolean[] mayThrow = {false};
        IrWalk.expressions(e, x -> mayThrow[0] |= x instanceof Expr.Element
                || x instanceof Expr.Call c && !c.callee().isDifferentiable());
        return !mayThrow[0];
    }

    private Stmt.Block block(Stmt.Block block) {
        return Stmt.Block.of(kept(block.statements()));
    }

    private List<Stmt> kept(List<Stmt> statements) {
        List<Stmt> out = new ArrayList<>();
        for (Stmt s : statements) {
            if (removable(s)) {
                continue;
            }
            if (s instanceof Stmt.Block b) {
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
