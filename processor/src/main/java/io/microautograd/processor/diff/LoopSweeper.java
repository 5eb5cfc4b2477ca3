package io.microautograd.processor.diff;

import static io.microautograd.processor.ir.Exprs.add;
import static io.microautograd.processor.ir.Exprs.binary;
import static io.microautograd.processor.ir.Exprs.lit;
import static io.microautograd.processor.ir.Exprs.read;

import io.microautograd.processor.ir.BinaryOp;
import io.microautograd.processor.ir.Expr;
import io.microautograd.processor.ir.Reachability;
import io.microautograd.processor.ir.Stmt;
import io.microautograd.processor.ir.TapeKind;
import io.microautograd.processor.ir.Type;
import io.microautograd.processor.ir.Variable;
import java.util.ArrayList;
import java.util.List;

/**
 * The sweeps of a loop. The forward sweep counts iterations, in a {@code long} (a loop may run
 * more than {@code Integer.MAX_VALUE} times); the reverse sweep runs that many reversed
 * iterations. A counted loop ({@code for (int i = a; i < b; i += c)} whose body leaves {@code i}
 * alone) runs its index backwards instead of recording it. A counted loop's reversal
 * that only passes adjoints on runs only when one coming into it is nonzero ({@link
 * ZeroAdjointSkip}); one whose reversal holds both sums and array updates may run as two loops
 * ({@link ReverseLoopSplit}).
 */
final class LoopSweeper {

    private final DiffContext context;
    private final Sweeper sweeper;

    LoopSweeper(DiffContext context, Sweeper sweeper) {
        this.context = context;
        this.sweeper = sweeper;
    }

    Sweeps loop(Stmt.Loop loop) {
        CountedLoop counted = CountedLoop.of(loop);
        if (counted != null && counted.isRecomputable(loop)) {
            return recomputed(loop, counted);
        }
        return recorded(loop, counted);
    }

    /** A counted loop whose iterations the reverse sweep recomputes from the header: nothing recorded. */
    private Sweeps recomputed(Stmt.Loop loop, CountedLoop counted) {
        LoopFrame frame = LoopFrame.of(loop, counted, context);
        LoopFrame outer = sweeper.enterLoop(frame);
        Sweeps body = sweeper.sequence(loop.body().statements());
        sweeper.leaveLoop(outer);
        List<Stmt> forwardBody = new ArrayList<>(body.forward());
        if (Reachability.canCompleteNormally(loop.body())) {
            forwardBody.addAll(frame.endIteration(0));
        }
        List<Stmt> reverseBody = new ArrayList<>(frame.startReversal());
        reverseBody.addAll(body.reverse());
        Stmt forward = new Stmt.Loop(loop.kind(), loop.init(), loop.condition(), loop.update(),
                Stmt.Block.of(frame.withoutUnreadExits(forwardBody)), loop.origin());
        List<Stmt> reverse = reverseBody.isEmpty() ? List.of()
                : ZeroAdjointSkip.guarded(loop, split(counted.backwards(loop, Stmt.Block.of(reverseBody)), counted),
                        context);
        if (!reverse.isEmpty()) {
            context.recordReads(loop, List.of(counted.backwards(loop, Stmt.Block.of(List.of()))));
        }
        return new Sweeps(List.of(forward), Sweeper.commented(loop.origin(), reverse));
    }

    /** Any other loop: the forward sweep counts its iterations; the reverse runs that many. */
    private Sweeps recorded(Stmt.Loop loop, CountedLoop counted) {
        boolean nested = sweeper.inLoop();
        List<Stmt> forward = new ArrayList<>();
        List<Stmt> reverse = new ArrayList<>();
        Sweeps init = counted != null ? new Sweeps(List.of(), List.of()) : sweeper.sequence(loop.init());
        forward.addAll(init.forward());
        Variable trips = nested ? sweeper.nestedTrips() : context.fresh("trips", Type.LONG);
        Expr start = null;
        Variable startSlot = null;
        if (counted != null) {
            start = counted.start();
            if (!(start instanceof Expr.Literal)) {
                startSlot = context.fresh(counted.index().name() + "Start", counted.index().type());
                forward.add(new Stmt.Assign(startSlot, start, true, Stmt.Origin.NONE));
                start = read(startSlot);
            }
        }
        forward.add(new Stmt.Assign(trips, lit(0), true, Stmt.Origin.NONE));

        LoopFrame frame = LoopFrame.of(loop, counted, context);
        LoopFrame outer = sweeper.enterLoop(frame);
        Sweeps body = sweeper.sequence(loop.body().statements());
        Sweeps update = counted != null ? new Sweeps(loop.update(), List.of()) : sweeper.sequence(loop.update());
        List<Stmt> forwardBody = new ArrayList<>();
        forwardBody.add(new Stmt.Assign(trips, add(read(trips), lit(1)), false, Stmt.Origin.NONE));
        forwardBody.addAll(body.forward());
        if (Reachability.canCompleteNormally(loop.body())) {
            forwardBody.addAll(frame.endIteration(0));
        }
        Expr notBroken = update.reverse().isEmpty() ? null : frame.notBroken();
        List<Stmt> reverseBody = new ArrayList<>(frame.startReversal());
        if (!update.reverse().isEmpty()) {
            reverseBody.add(notBroken == null ? Stmt.Block.of(update.reverse()) : new Stmt.If(notBroken,
                    Stmt.Block.of(update.reverse()), Stmt.Block.of(List.of()), Stmt.Origin.NONE));
        }
        reverseBody.addAll(body.reverse());
        sweeper.leaveLoop(outer);

        forward.add(new Stmt.Loop(loop.kind(), counted != null ? loop.init() : List.of(), loop.condition(),
                update.forward(), Stmt.Block.of(frame.withoutUnreadExits(forwardBody)), loop.origin()));
        if (nested) {
            forward.add(new Stmt.Push(TapeKind.LONG, read(trips)));
            if (startSlot != null) {
                forward.add(new Stmt.Push(TapeKind.forType(startSlot.type()), start));
                reverse.add(new Stmt.Assign(startSlot, new Expr.Pop(TapeKind.forType(startSlot.type())), false,
                        Stmt.Origin.NONE));
            }
            reverse.add(new Stmt.Assign(trips, new Expr.Pop(TapeKind.LONG), false, Stmt.Origin.NONE));
        }
        if (counted != null) {
            Stmt.Loop reversal = counted.backwards(start, trips, context.fresh("trip", Type.LONG),
                    Stmt.Block.of(reverseBody));
            reverse.addAll(ZeroAdjointSkip.guarded(loop, split(reversal, counted), context));
        } else {
            reverse.add(new Stmt.Loop(Stmt.LoopKind.FOR, List.of(), binary(BinaryOp.GT, read(trips), lit(0)),
                    List.of(new Stmt.Assign(trips, binary(BinaryOp.SUB, read(trips), lit(1)), false,
                            Stmt.Origin.NONE)), Stmt.Block.of(reverseBody), Stmt.Origin.NONE));
            reverse.addAll(init.reverse());
        }
        return new Sweeps(forward, Sweeper.commented(loop.origin(), reverse));
    }

    private Stmt split(Stmt.Loop reversal, CountedLoop counted) {
        return ReverseLoopSplit.split(reversal, counted.index(), context);
    }
}
