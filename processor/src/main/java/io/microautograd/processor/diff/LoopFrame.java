package io.microautograd.processor.diff;

import static io.microautograd.processor.ir.Exprs.lit;
import static io.microautograd.processor.ir.Exprs.read;

import io.microautograd.processor.ir.BinaryOp;
import io.microautograd.processor.ir.Expr;
import io.microautograd.processor.ir.Exprs;
import io.microautograd.processor.ir.IrWalk;
import io.microautograd.processor.ir.Iteration;
import io.microautograd.processor.ir.Stmt;
import io.microautograd.processor.ir.TapeKind;
import io.microautograd.processor.ir.Type;
import io.microautograd.processor.ir.Variable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The innermost loop being differentiated. Each iteration ends by recording its branch decisions
 * and how it ended (fell through, or which break or continue left it); the reverse sweep takes
 * them back at the start of the iteration's reversal.
 */
final class LoopFrame {

    private final Map<Stmt.If, Variable> decisions = new HashMap<>();
    private final List<Variable> decisionOrder = new ArrayList<>();
    private final Variable exit;
    private final List<Integer> breaks = new ArrayList<>();
    private final Recomputation recomputation;
    private final List<Stmt> recomputed = new ArrayList<>();
    private final List<Stmt> exitRecords = new ArrayList<>();
    private boolean exitRead;
    private int exitsSoFar;

    private LoopFrame(Variable exit, Recomputation recomputation) {
        this.exit = exit;
        this.recomputation = recomputation;
    }

    /**
     * A frame for a loop's body: one decision variable per if directly in it, an exit marker if
     * needed.
     *
     * @param counted the loop's counted form, or null
     */
    static LoopFrame of(Stmt.Loop loop, CountedLoop counted, DiffContext context) {
        Iteration iteration = Iteration.of(loop.body());
        Variable index = counted != null && !iteration.exits() ? counted.index() : null;
        LoopFrame frame = new LoopFrame(iteration.exits() ? context.fresh("exit", Type.INT) : null,
                new Recomputation(loop, index, context.writtenArrays()));
        for (Stmt.If s : iteration.ifs()) {
            if (!context.isDecisionNeeded(s)) {
                continue;
            }
            Variable decision = context.fresh(Hints.decision(s.condition()), Type.BOOLEAN);
            frame.decisions.put(s, decision);
            frame.decisionOrder.add(decision);
        }
        return frame;
    }

    /**
     * Recomputes the declaration at the start of each iteration's reversal, when the loop allows it.
     *
     * @return the recomputing statement, or null when the value must be taped instead
     */
    Stmt recompute(Stmt.Assign declaration) {
        if (!recomputation.covers(declaration)) {
            return null;
        }
        Stmt again = new Stmt.Assign(declaration.target(), declaration.value(), false, Stmt.Origin.NONE);
        recomputed.add(again);
        return again;
    }

    /** The variable holding an if's decision during one iteration. */
    Variable decision(Stmt.If s) {
        return decisions.get(s);
    }

    /** Numbers a break or continue of this loop (from 1, in source order). */
    int exitId(boolean isBreak) {
        exitsSoFar++;
        if (isBreak) {
            breaks.add(exitsSoFar);
        }
        return exitsSoFar;
    }

    /** How many breaks and continues came before the current point. */
    int exitsSoFar() {
        return exitsSoFar;
    }

    /** Whether the reverse of code after {@code exitsBefore} exits must run: the iteration got there. */
    Expr reached(int exitsBefore) {
        exitRead = true;
        return Exprs.binary(BinaryOp.OR, Exprs.binary(BinaryOp.EQ, read(exit), lit(0)),
                Exprs.binary(BinaryOp.GT, read(exit), lit(exitsBefore)));
    }

    /** Whether the iteration ended other than by a break (so the for-update ran), or null if always. */
    Expr notBroken() {
        Expr condition = null;
        for (int id : breaks) {
            Expr differs = Exprs.binary(BinaryOp.NE, read(exit), lit(id));
            condition = condition == null ? differs : Exprs.binary(BinaryOp.AND, condition, differs);
        }
        exitRead |= condition != null;
        return condition;
    }

    /** The recording at the end of an iteration that ended at exit {@code id} (0: fell through). */
    List<Stmt> endIteration(int id) {
        List<Stmt> out = new ArrayList<>();
        for (Variable decision : decisionOrder) {
            out.add(new Stmt.Push(TapeKind.INT, Exprs.cond(read(decision), lit(1), lit(0))));
        }
        if (exit != null) {
            Stmt record = new Stmt.Push(TapeKind.INT, lit(id));
            exitRecords.add(record);
            out.add(record);
        }
        return out;
    }

    /**
     * The forward body without the records of how iterations ended when the reverse sweep never
     * read them: nothing after a break or continue had reverse code to guard. Call once the body's
     * reverse sweep and its update's have been written.
     */
    List<Stmt> withoutUnreadExits(List<Stmt> forwardBody) {
        if (exitRead) {
            return forwardBody;
        }
        return ((Stmt.Block) IrWalk.withBlocks(Stmt.Block.of(forwardBody), statements -> statements.stream()
                .filter(s -> exitRecords.stream().noneMatch(record -> record == s)).toList())).statements();
    }

    /**
     * Taking the recording back at the start of an iteration's reversal, then recomputing the
     * declarations that were not taped. Call once the body's reverse sweep and its update's have
     * been written, which say whether the iteration's exit is read.
     */
    List<Stmt> startReversal() {
        List<Stmt> out = new ArrayList<>();
        if (exit != null && exitRead) {
            out.add(new Stmt.Assign(exit, new Expr.Pop(TapeKind.INT), true, Stmt.Origin.NONE));
        }
        for (int i = decisionOrder.size() - 1; i >= 0; i--) {
            out.add(new Stmt.Assign(decisionOrder.get(i),
                    Exprs.binary(BinaryOp.NE, new Expr.Pop(TapeKind.INT), lit(0)), false, Stmt.Origin.NONE));
        }
        out.addAll(recomputed);
        return out;
    }
}
