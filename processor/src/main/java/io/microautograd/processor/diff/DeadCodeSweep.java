package io.microautograd.processor.diff;

import io.microautograd.processor.ir.Expr;
import io.microautograd.processor.ir.IrWalk;
import io.microautograd.processor.ir.Liveness;
import io.microautograd.processor.ir.Stmt;
import io.microautograd.processor.ir.Variable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One backward sweep of a loop-free body that drops its dead code ({@link DeadCode}): each
 * statement is judged by what the statements kept after it read, and one it keeps changes what
 * is live before it as {@link Liveness} says; one it drops changes nothing, so a chain of dead
 * temporaries goes at once.
 */
final class DeadCodeSweep implements Stmt.Visitor<Stmt> {

    private final DeadCode rules;
    private final ArrayAliases aliases;
    private final Set<Variable> shared;
    private Live live;
    private Live afterForwardSweep;
    private boolean droppedArray;

    /** A sweep by {@code rules}, with the arrays that may share storage in the whole body. */
    DeadCodeSweep(DeadCode rules, ArrayAliases aliases) {
        this.rules = rules;
        this.aliases = aliases;
        this.shared = rules.shared(aliases);
    }

    /** What is kept of the body, the body itself when that is all of it. */
    Stmt.Block kept(Stmt.Block body) {
        return kept(body, new Live());
    }

    /** Whether an assignment of an array went, which leaves arrays that may share storage fewer. */
    boolean droppedArray() {
        return droppedArray;
    }

    /**
     * What is kept of a block, the block itself when that is all of it; {@code after} is what
     * is live after the block, and is left holding what is live before it.
     */
    private Stmt.Block kept(Stmt.Block block, Live after) {
        Live outer = live;
        live = after;
        List<Stmt> statements = block.statements();
        List<Stmt> kept = new ArrayList<>();
        boolean changed = false;
        for (int i = statements.size() - 1; i >= 0; i--) {
            Stmt s = statements.get(i).accept(this);
            if (s != null) {
                kept.add(0, s);
            }
            changed |= s != statements.get(i);
        }
        live = outer;
        kept = DeadCode.withoutOrphanComments(kept);
        return changed || kept.size() < statements.size() ? Stmt.Block.of(kept) : block;
    }

    private boolean isDead(Stmt s) {
        return rules.isDead(s, live.values, live.contents, aliases, shared);
    }

    @Override
    public Stmt assign(Stmt.Assign s) {
        if (isDead(s)) {
            droppedArray |= s.target().type().isArray();
            return null;
        }
        live.values.remove(s.target());
        if (!s.target().type().isArray()) {
            live.contents.remove(s.target());
        }
        live.addReads(s.value());
        return s;
    }

    @Override
    public Stmt store(Stmt.Store s) {
        if (isDead(s)) {
            return null;
        }
        IrWalk.expressionsOf(s).forEach(e -> live.values.addAll(Liveness.reads(e)));
        for (Expr array = s.array(); array instanceof Expr.Element row; array = row.array()) {
            live.contents.addAll(Liveness.reads(row.index()));
        }
        live.contents.addAll(Liveness.reads(s.index()));
        live.contents.addAll(Liveness.reads(s.value()));
        return s;
    }

    @Override
    public Stmt block(Stmt.Block s) {
        Stmt.Block kept = kept(s, live);
        return isDead(kept) ? null : kept;
    }

    @Override
    public Stmt ifStatement(Stmt.If s) {
        Live elseLive = live.copy();
        Stmt.Block thenBlock = kept(s.thenBlock(), live);
        Stmt.Block elseBlock = kept(s.elseBlock(), elseLive);
        Stmt.If kept = thenBlock == s.thenBlock() && elseBlock == s.elseBlock() ? s
                : new Stmt.If(s.condition(), thenBlock, elseBlock, s.origin());
        if (isDead(kept)) {
            return null; // its branches, empty, read nothing: what is live after it is live before
        }
        live.values.addAll(elseLive.values);
        live.contents.addAll(elseLive.contents);
        live.addReads(s.condition());
        return kept;
    }

    @Override
    public Stmt loop(Stmt.Loop s) {
        throw loopFound();
    }

    @Override
    public Stmt breakStatement(Stmt.Break s) {
        throw loopFound();
    }

    @Override
    public Stmt continueStatement(Stmt.Continue s) {
        throw loopFound();
    }

    @Override
    public Stmt returnStatement(Stmt.Return s) {
        return leaving(s, s.value());
    }

    @Override
    public Stmt throwStatement(Stmt.Throw s) {
        return leaving(s, s.message());
    }

    @Override
    public Stmt evaluate(Stmt.Evaluate s) {
        return evaluated(s);
    }

    @Override
    public Stmt push(Stmt.Push s) {
        return evaluated(s);
    }

    @Override
    public Stmt forwardSweep(Stmt.ForwardSweep s) {
        Live outer = afterForwardSweep;
        afterForwardSweep = live.copy();
        Stmt.Block body = kept(s.body(), live);
        afterForwardSweep = outer;
        return body == s.body() ? s : new Stmt.ForwardSweep(body);
    }

    @Override
    public Stmt leaveForward(Stmt.LeaveForward s) {
        live.become(afterForwardSweep.copy());
        return s;
    }

    @Override
    public Stmt comment(Stmt.Comment s) {
        return s;
    }

    @Override
    public Stmt keepSnapshots(Stmt.KeepSnapshots s) {
        throw loopFound();
    }

    @Override
    public Stmt reverseSegments(Stmt.ReverseSegments s) {
        throw loopFound();
    }

    /** A statement that leaves the method: what is live before it is what it reads. */
    private Stmt leaving(Stmt s, Expr read) {
        live.become(new Live());
        live.addReads(read);
        return s;
    }

    private static IllegalArgumentException loopFound() {
        return new IllegalArgumentException("the sweep is for bodies without loops");
    }

    /** A statement that assigns nothing and reads its expressions. */
    private Stmt evaluated(Stmt s) {
        IrWalk.expressionsOf(s).forEach(live::addReads);
        return s;
    }

    /** What is live at a point of the sweep: variables by their values and arrays by their elements. */
    private static final class Live {
        private Set<Variable> values = new HashSet<>();
        private Set<Variable> contents = new HashSet<>();

        Live copy() {
            Live copy = new Live();
            copy.values.addAll(values);
            copy.contents.addAll(contents);
            return copy;
        }

        void become(Live other) {
            values = other.values;
            contents = other.contents;
        }

        void addReads(Expr e) {
            Set<Variable> read = Liveness.reads(e);
            values.addAll(read);
            contents.addAll(read);
        }
    }
}
