package io.microautograd.processor.diff;

import io.microautograd.processor.ir.Expr;
import io.microautograd.processor.ir.IrWalk;
import io.microautograd.processor.ir.Liveness;
import io.microautograd.processor.ir.Stmt;
import io.microautograd.processor.ir.Variable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The work of a pullback's body whose result nothing reads, which {@link PullbackCleanup} drops:
 * an assignment the differentiation wrote to a variable not live after it, when it pops no tape
 * and calls nothing; a store into an adjoint array of the method's own that nothing reads
 * afterwards, through any name; a reversed loop left with nothing to do; an {@code if} of its own
 * or a block left empty; and the comment that headed code now gone. Dropping one statement can leave
 * another dead (a chain of temporaries, the store whose value one computed), so code is dropped
 * until nothing more is dead. A body without loops goes in one backward sweep that does not count
 * the reads of what it has just dropped, so a whole chain goes at once ({@link DeadCodeSweep}); a
 * body with loops goes by passes of {@link Liveness}, each dropping what is dead in the body the
 * pass before left.
 */
final class DeadCode {

    private final Set<Variable> parameters;
    private final Set<Variable> adjointArrays;

    /**
     * @param parameters the generated method's parameters, adjoint storage included: never local
     * @param adjointArrays the adjoint arrays of the method's own, whose stores may be dropped
     */
    DeadCode(Set<Variable> parameters, Set<Variable> adjointArrays) {
        this.parameters = parameters;
        this.adjointArrays = adjointArrays;
    }

    /** The body without its dead code. */
    Stmt.Block dropped(Stmt.Block body) {
        return swept(body).orElseGet(() -> byPasses(body));
    }

    /**
     * The body without its dead code in one backward sweep, when that finds all of it: when the
     * body has no loops, and no array assignment went (the sweep takes the arrays that may share
     * storage from the whole body, and with fewer such more stores might be dead).
     */
    Optional<Stmt.Block> swept(Stmt.Block body) {
        if (!isLoopFree(body)) {
            return Optional.empty();
        }
        DeadCodeSweep sweep = new DeadCodeSweep(this, ArrayAliases.of(body));
        Stmt.Block kept = sweep.kept(body);
        return sweep.droppedArray() ? Optional.empty() : Optional.of(kept);
    }

    /** The body without its dead code by passes, each dropping what is dead in the body the pass before left. */
    private Stmt.Block byPasses(Stmt.Block body) {
        Stmt.Block current = body;
        while (true) {
            Stmt.Block next = pass(current);
            if (next == current) {
                return current;
            }
            current = next;
        }
    }

    private static boolean isLoopFree(Stmt.Block body) {
        boolean[] loopFree = {true};
        IrWalk.statements(body, s -> loopFree[0] &= !(s instanceof Stmt.Loop || s instanceof Stmt.KeepSnapshots
                || s instanceof Stmt.ReverseSegments));
        return loopFree[0];
    }

    /** One pass of dropping dead code; the same body when nothing was dead. */
    private Stmt.Block pass(Stmt.Block body) {
        Liveness values = Liveness.of(body, Set.of());
        Liveness contents = Liveness.ofContents(body);
        ArrayAliases aliases = ArrayAliases.of(body);
        Set<Variable> shared = shared(aliases);
        return (Stmt.Block) IrWalk.withBlocks(body, statements -> {
            List<Stmt> out = new ArrayList<>();
            for (Stmt s : statements) {
                if (!isDead(s, values.after(s), contents.after(s), aliases, shared)) {
                    out.add(s);
                }
            }
            return withoutOrphanComments(out);
        });
    }

    /** The classes of the parameters' arrays, which the caller may read whatever the body does. */
    Set<Variable> shared(ArrayAliases aliases) {
        Set<Variable> shared = new HashSet<>();
        for (Variable p : parameters) {
            shared.add(aliases.representative(p));
        }
        return shared;
    }

    /**
     * Whether {@code s} is dead, given what is live after it: variables by their values and arrays
     * by their elements ({@link Liveness#ofContents}).
     */
    boolean isDead(Stmt s, Set<Variable> valuesAfter, Set<Variable> contentsAfter, ArrayAliases aliases,
            Set<Variable> shared) {
        if (s instanceof Stmt.Assign a) {
            return a.origin() == Stmt.Origin.NONE && !parameters.contains(a.target())
                    && !valuesAfter.contains(a.target()) && isPure(a.value());
        }
        if (s instanceof Stmt.Store st) {
            Variable root = aliases.representative(IrWalk.root(st.array()));
            return st.origin() == Stmt.Origin.NONE && adjointArrays.contains(IrWalk.root(st.array()))
                    && !shared.contains(root) && contentsAfter.stream().noneMatch(
                            v -> v.type().isArray() && aliases.representative(v).equals(root))
                    && isPure(st.index()) && isPure(st.value());
        }
        if (s instanceof Stmt.Loop l && l.origin() == Stmt.Origin.NONE) {
            return doesNothing(l.body(), valuesAfter);
        }
        if (s instanceof Stmt.If i && i.origin() == Stmt.Origin.NONE) {
            return i.thenBlock().statements().isEmpty() && i.elseBlock().statements().isEmpty()
                    && isPure(i.condition());
        }
        return s instanceof Stmt.Block b && b.statements().isEmpty();
    }

    /** Whether a reversed loop's body only assigns variables that are not live after the loop. */
    private static boolean doesNothing(Stmt body, Set<Variable> liveAfter) {
        boolean[] idle = {true};
        IrWalk.statements(body, s -> idle[0] &= s instanceof Stmt.Block || s instanceof Stmt.Comment
                || s instanceof Stmt.Assign a && !liveAfter.contains(a.target()) && isPure(a.value()));
        return idle[0];
    }

    /**
     * Drops the comments after which their block holds nothing but comments: a statement's
     * reverse code is a block headed by its comments ({@link Sweeper#commented}), so they go with
     * the code they head.
     */
    static List<Stmt> withoutOrphanComments(List<Stmt> statements) {
        List<Stmt> out = new ArrayList<>();
        boolean codeFollows = false;
        for (int i = statements.size() - 1; i >= 0; i--) {
            Stmt s = statements.get(i);
            codeFollows |= !(s instanceof Stmt.Comment);
            if (codeFollows) {
                out.add(0, s);
            }
        }
        return out;
    }

    /**
     * Whether evaluating the expression has no effect beyond its value: no tape pop, no call, and
     * no allocation, which the emitter may turn into taking an array kept between calls.
     */
    private static boolean isPure(Expr e) {
        boolean[] pure = {true};
        IrWalk.expressions(e, x -> pure[0] &= !(x instanceof Expr.Pop) && !(x instanceof Expr.Call)
                && !(x instanceof Expr.NewArray));
        return pure[0];
    }
}
