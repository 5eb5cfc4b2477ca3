package io.microautograd.processor.diff;

import static io.microautograd.processor.ir.Exprs.lit;

import io.microautograd.processor.ir.BinaryOp;
import io.microautograd.processor.ir.Expr;
import io.microautograd.processor.ir.IrWalk;
import io.microautograd.processor.ir.Liveness;
import io.microautograd.processor.ir.Stmt;
import io.microautograd.processor.ir.Type;
import io.microautograd.processor.ir.Variable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The last step of differentiation, which leaves out of a pullback's body what a person would
 * not write, computing the same numbers:
 * <ul>
 *   <li>Each scalar adjoint starts at zero where it is first needed, not at the top of the
 *       method: where {@link ZeroAdjoints} knows it to be zero before a statement that uses it,
 *       a reset is put there, which makes the resets after its earlier uses dead. A reset followed
 *       by an update, {@code dX = 0.0; dX += e}, becomes {@code dX = e}.</li>
 *   <li>Work whose result nothing reads is dropped, with the comment that headed it
 *       ({@link DeadCode} says which work that is).</li>
 * </ul>
 * The user's own statements stay as they are, whatever they compute.
 */
final class PullbackCleanup {

    private final List<Variable> adjointsInOrder;

    private PullbackCleanup(Set<Variable> adjoints) {
        this.adjointsInOrder = adjoints.stream().sorted(Comparator.comparingInt(Variable::id)).toList();
    }

    /**
     * The cleaned body.
     *
     * @param parameters the generated method's parameters, adjoint storage included: never local
     * @param adjoints every adjoint variable of the body, scalar and array
     */
    static Stmt.Block cleaned(Stmt.Block body, Set<Variable> parameters, Set<Variable> adjoints) {
        Set<Variable> scalars = new HashSet<>();
        Set<Variable> arrays = new HashSet<>();
        for (Variable d : adjoints) {
            if (!parameters.contains(d)) {
                (d.type() == Type.DOUBLE ? scalars : arrays).add(d);
            }
        }
        PullbackCleanup cleanup = new PullbackCleanup(scalars);
        Stmt.Block withoutInitialZeros = Stmt.Block.of(body.statements().stream()
                .filter(s -> !(s instanceof Stmt.Assign a && a.declaration() && scalars.contains(a.target()))).toList());
        Stmt.Block reset = Stmt.Block.of(cleanup.resetWhereUsed(withoutInitialZeros.statements(), Set.of(),
                ZeroAdjoints.of(withoutInitialZeros, scalars), Liveness.of(withoutInitialZeros, Set.of())));
        return (Stmt.Block) IrWalk.withBlocks(new DeadCode(parameters, arrays).dropped(reset), PullbackCleanup::folded);
    }

    /**
     * The statements with a reset before each that uses an adjoint known to be zero there. An
     * {@code if} after which the adjoint is still needed gets its reset before it, and its branches
     * none; one that uses it alone gets one in each branch that does. In a loop, the reset inside
     * the body, where it holds, is the one that stays. A nested block is no statement of its own
     * here, so a reset goes next to the update it can fold into; but one that heads a loop or an
     * {@code if} goes before the block, above the comments that head it.
     *
     * @param covered the adjoints reset before an {@code if} around the statements
     */
    private List<Stmt> resetWhereUsed(List<Stmt> statements, Set<Variable> covered, ZeroAdjoints zeros,
            Liveness liveness) {
        List<Stmt> out = new ArrayList<>();
        for (Stmt s : statements) {
            Stmt first = s instanceof Stmt.Block b ? firstCode(b) : s;
            boolean compound = first instanceof Stmt.If || first instanceof Stmt.Loop;
            Set<Variable> inside = new HashSet<>(covered);
            if (first != null && (s == first || compound)) {
                Set<Variable> mentioned = mentioned(first);
                for (Variable d : adjointsInOrder) {
                    if (!covered.contains(d) && needsReset(first, mentioned, d, zeros, liveness)) {
                        out.add(new Stmt.Assign(d, lit(0.0), false, Stmt.Origin.NONE));
                        inside.add(d);
                    }
                }
            }
            out.add(s instanceof Stmt.Block b ? Stmt.Block.of(resetWhereUsed(b.statements(), inside, zeros, liveness))
                    : resetInside(s, inside, zeros, liveness));
        }
        return out;
    }

    /**
     * Whether {@code d} is zero before {@code s}, which uses it without overwriting it; an {@code if}
     * also needs it after, else its branches get their own resets.
     *
     * @param mentioned the variables {@code s} mentions ({@link #mentioned})
     */
    private static boolean needsReset(Stmt s, Set<Variable> mentioned, Variable d, ZeroAdjoints zeros,
            Liveness liveness) {
        return zeros.zeroBefore(s).contains(d) && mentioned.contains(d) && !overwrites(s, d)
                && (!(s instanceof Stmt.If) || liveness.after(s).contains(d));
    }

    /** The first statement of a block, nested blocks spliced in, that is no comment; null when none. */
    private static Stmt firstCode(Stmt.Block block) {
        for (Stmt s : block.statements()) {
            Stmt first = s instanceof Stmt.Block b ? firstCode(b) : s instanceof Stmt.Comment ? null : s;
            if (first != null) {
                return first;
            }
        }
        return null;
    }

    private Stmt resetInside(Stmt s, Set<Variable> covered, ZeroAdjoints zeros, Liveness liveness) {
        if (s instanceof Stmt.If i) {
            return new Stmt.If(i.condition(),
                    Stmt.Block.of(resetWhereUsed(i.thenBlock().statements(), covered, zeros, liveness)),
                    Stmt.Block.of(resetWhereUsed(i.elseBlock().statements(), covered, zeros, liveness)), i.origin());
        }
        if (s instanceof Stmt.Loop l) {
            return new Stmt.Loop(l.kind(), l.init(), l.condition(), l.update(),
                    Stmt.Block.of(resetWhereUsed(l.body().statements(), Set.of(), zeros, liveness)), l.origin());
        }
        if (s instanceof Stmt.ForwardSweep f) {
            return new Stmt.ForwardSweep(Stmt.Block.of(resetWhereUsed(f.body().statements(), covered, zeros,
                    liveness)));
        }
        return s;
    }

    /** {@code d = 0.0} followed by {@code d += e}, where e does not read d, as {@code d = e}. */
    private static List<Stmt> folded(List<Stmt> statements) {
        List<Stmt> out = new ArrayList<>();
        for (int i = 0; i < statements.size(); i++) {
            Stmt s = statements.get(i);
            if (s instanceof Stmt.Assign reset && reset.value().equals(lit(0.0)) && i + 1 < statements.size()
                    && statements.get(i + 1) instanceof Stmt.Assign update && update.target().equals(reset.target())
                    && update.value() instanceof Expr.Binary b && b.op() == BinaryOp.ADD
                    && b.left().equals(new Expr.Read(reset.target())) && !IrWalk.reads(b.right(), reset.target())) {
                out.add(new Stmt.Assign(reset.target(), b.right(), false, update.origin()));
                i++;
            } else {
                out.add(s);
            }
        }
        return out;
    }

    /** The variables a statement, or one nested in it, assigns or reads. */
    private static Set<Variable> mentioned(Stmt s) {
        Set<Variable> found = new HashSet<>();
        IrWalk.statements(s, t -> {
            if (t instanceof Stmt.Assign a) {
                found.add(a.target());
            }
            IrWalk.expressionsOf(t).forEach(e -> Liveness.readsInto(e, found));
        });
        return found;
    }

    /** Whether the statement is an assignment of {@code v} that does not read it. */
    private static boolean overwrites(Stmt s, Variable v) {
        return s instanceof Stmt.Assign a && a.target().equals(v) && !IrWalk.reads(a.value(), v);
    }
}
