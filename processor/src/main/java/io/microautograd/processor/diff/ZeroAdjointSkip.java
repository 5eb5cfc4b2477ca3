package io.microautograd.processor.diff;

import static io.microautograd.processor.ir.Exprs.binary;
import static io.microautograd.processor.ir.Exprs.lit;
import static io.microautograd.processor.ir.Exprs.read;

import io.microautograd.processor.ir.BinaryOp;
import io.microautograd.processor.ir.Expr;
import io.microautograd.processor.ir.IrWalk;
import io.microautograd.processor.ir.Stmt;
import io.microautograd.processor.ir.Type;
import io.microautograd.processor.ir.Variable;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Guards the reverse sweep of a loop that only propagates adjoints, so that it runs only when an
 * adjoint coming into it is nonzero: reverse mode is linear in the adjoints, so otherwise every
 * update it makes adds zero times a partial. A relu that is off or an inactive hinge sample sends
 * zero into most of a network's dot-product loops.
 *
 * <p>A reversed loop qualifies when it pops no tape and calls no pullback; the only primal
 * variables it assigns are declared inside the source loop (its index, recomputed locals), which
 * nothing after its reversal reads, or are temporaries it declares itself (its iteration number
 * among them); every adjoint it
 * writes is accumulated ({@code d += e}, {@code dA[i] += e}) or, if scalar, reset to zero; and
 * the only adjoints it reads other than as the target of its own accumulation are scalar ones.
 * Those of variables declared outside the source loop are the incoming adjoints the guard tests
 * (with those it resets, which the skip must leave as they are); those of variables declared
 * inside are zero at the start of every reversed iteration. A loop reading an array adjoint
 * element, such as the reverse of {@code b[i] = 2 * a[i]}, keeps running.
 */
final class ZeroAdjointSkip {

    private final Map<Variable, Variable> primalOf = new HashMap<>();
    private final Set<Variable> declaredInLoop = new HashSet<>();
    private final Set<Variable> temporaries = new HashSet<>();
    private final Set<Variable> incoming = new TreeSet<>(Comparator.comparingInt(Variable::id));
    private boolean eligible = true;

    private ZeroAdjointSkip(Stmt.Loop source, DiffContext context) {
        context.adjoints().forEach((primal, adjoint) -> primalOf.put(adjoint, primal));
        IrWalk.statements(source, s -> {
            if (s instanceof Stmt.Assign a && a.declaration()) {
                declaredInLoop.add(a.target());
            }
        });
    }

    /**
     * The reversal of {@code source}, guarded by its incoming adjoints being nonzero when it
     * qualifies, else {@code reversal} alone.
     */
    static List<Stmt> guarded(Stmt.Loop source, Stmt reversal, DiffContext context) {
        ZeroAdjointSkip skip = new ZeroAdjointSkip(source, context);
        skip.statement(reversal);
        if (!skip.eligible || skip.incoming.isEmpty()) {
            return List.of(reversal);
        }
        Expr anyNonzero = null;
        for (Variable d : skip.incoming) {
            Expr nonzero = binary(BinaryOp.NE, read(d), lit(0.0));
            anyNonzero = anyNonzero == null ? nonzero : binary(BinaryOp.OR, anyNonzero, nonzero);
        }
        return List.of(new Stmt.Comment("Skipped when every adjoint it reads is zero: it would add only zeros."),
                new Stmt.If(anyNonzero, Stmt.Block.of(List.of(reversal)), Stmt.Block.of(List.of()),
                        Stmt.Origin.NONE));
    }

    private void statement(Stmt s) {
        s.accept(reversalScan);
    }

    /** Checks each statement of the reversal against the conditions above. */
    private final Stmt.Visitor<Void> reversalScan = new Stmt.Visitor<>() {
        @Override
        public Void assign(Stmt.Assign s) {
            ZeroAdjointSkip.this.assign(s);
            return null;
        }

        @Override
        public Void store(Stmt.Store s) {
            ZeroAdjointSkip.this.store(s);
            return null;
        }

        @Override
        public Void block(Stmt.Block s) {
            return nested(s);
        }

        @Override
        public Void ifStatement(Stmt.If s) {
            return nested(s);
        }

        @Override
        public Void loop(Stmt.Loop s) {
            return nested(s);
        }

        @Override
        public Void breakStatement(Stmt.Break s) {
            return ineligible();
        }

        @Override
        public Void continueStatement(Stmt.Continue s) {
            return ineligible();
        }

        @Override
        public Void returnStatement(Stmt.Return s) {
            return ineligible();
        }

        @Override
        public Void throwStatement(Stmt.Throw s) {
            return ineligible();
        }

        @Override
        public Void evaluate(Stmt.Evaluate s) {
            return ineligible();
        }

        @Override
        public Void push(Stmt.Push s) {
            return ineligible();
        }

        @Override
        public Void forwardSweep(Stmt.ForwardSweep s) {
            return ineligible();
        }

        @Override
        public Void leaveForward(Stmt.LeaveForward s) {
            return ineligible();
        }

        @Override
        public Void comment(Stmt.Comment s) {
            return null;
        }

        @Override
        public Void keepSnapshots(Stmt.KeepSnapshots s) {
            return ineligible();
        }

        @Override
        public Void reverseSegments(Stmt.ReverseSegments s) {
            return ineligible();
        }

        private Void nested(Stmt s) {
            IrWalk.expressionsOf(s).forEach(ZeroAdjointSkip.this::reads);
            IrWalk.children(s).forEach(ZeroAdjointSkip.this::statement);
            return null;
        }

        private Void ineligible() {
            eligible = false;
            return null;
        }
    };

    private void assign(Stmt.Assign a) {
        Variable x = a.target();
        if (!primalOf.containsKey(x)) {
            reads(a.value());
            if (a.declaration() && x.role() == Variable.Role.GENERATED) {
                temporaries.add(x);
            }
            eligible &= temporaries.contains(x) || declaredInLoop.contains(x);
        } else if (x.type() == Type.DOUBLE && accumulated(a.value(), read(x)) != null) {
            reads(accumulated(a.value(), read(x)));
        } else if (x.type() == Type.DOUBLE && a.value().equals(lit(0.0))) {
            addIfIncoming(x);
        } else {
            eligible = false;
        }
    }

    private void store(Stmt.Store st) {
        Expr added = accumulated(st.value(), new Expr.Element(st.array(), st.index()));
        if (!primalOf.containsKey(IrWalk.root(st.array())) || added == null) {
            eligible = false;
            return;
        }
        for (Expr array = st.array(); array instanceof Expr.Element row; array = row.array()) {
            reads(row.index());
        }
        reads(st.index());
        reads(added);
    }

    /** The {@code e} of {@code target + e}, or null. */
    private static Expr accumulated(Expr value, Expr target) {
        return value instanceof Expr.Binary b && b.op() == BinaryOp.ADD && b.left().equals(target) ? b.right() : null;
    }

    private void reads(Expr e) {
        IrWalk.expressions(e, x -> {
            if (x instanceof Expr.Pop || x instanceof Expr.Call) {
                eligible = false;
            } else if (x instanceof Expr.Read r) {
                noteRead(r.variable());
            }
        });
    }

    private void noteRead(Variable v) {
        if (primalOf.containsKey(v) && v.type() != Type.DOUBLE) {
            eligible = false;
        } else if (primalOf.containsKey(v)) {
            addIfIncoming(v);
        } else if (v.role() == Variable.Role.GENERATED && v.type() == Type.DOUBLE) {
            eligible &= temporaries.contains(v);
        }
    }

    private void addIfIncoming(Variable adjoint) {
        if (!declaredInLoop.contains(primalOf.get(adjoint))) {
            incoming.add(adjoint);
        }
    }
}
