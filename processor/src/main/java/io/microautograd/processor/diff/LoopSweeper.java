package io.microautograd.processor.diff;

import static io.microautograd.processor.ir.Exprs.add;
import static io.microautograd.processor.ir.Exprs.binary;
import static io.microautograd.processor.ir.Exprs.lit;
import static io.microautograd.processor.ir.Exprs.read;

import io.microautograd.processor.ir.BinaryOp;
import io.microautograd.processor.ir.Checkpoints;
import io.microautograd.processor.ir.Expr;
import io.microautograd.processor.ir.IrWalk;
import io.microautograd.processor.ir.Reachability;
import io.microautograd.processor.ir.Stmt;
import io.microautograd.processor.ir.TapeKind;
import io.microautograd.processor.ir.Type;
import io.microautograd.processor.ir.Variable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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

    /**
     * The sweeps of a loop: checkpointed where the method asks for it (or leaves the choice to the
     * processor, which takes it), the loop is outermost and it would record values, else taped.
     */
    Sweeps loop(Stmt.Loop loop) {
        Checkpointing checkpointing = sweeper.inLoop() ? null : context.checkpointing(loop);
        if (checkpointing != null && checkpointing.isPossible()) {
            Sweeps checkpointed = checkpointed(loop, checkpointing);
            if (checkpointed != null) {
                return checkpointed;
            }
        }
        CountedLoop counted = CountedLoop.of(loop);
        Sweeps taped = counted != null && counted.isRecomputable(loop) ? recomputed(loop, counted)
                : recorded(loop, counted);
        if (checkpointing != null && !checkpointing.isPossible() && records(taped.forward())) {
            context.noteTaped(loop, checkpointing.reason());
        }
        return taped;
    }

    /**
     * A loop reversed from snapshots of its state, a segment of iterations at a time: taped, then
     * reversed, each segment recomputed from the latest snapshot before it. The forward sweep runs
     * the source loop and keeps the snapshots its schedule picks; only a segment's entries are ever on
     * the tape. Null when the loop's iterations would record nothing, so that it needs no checkpoints.
     */
    private Sweeps checkpointed(Stmt.Loop loop, Checkpointing checkpointing) {
        CountedLoop counted = checkpointing.counted();
        LoopFrame frame = LoopFrame.of(loop, counted, context);
        LoopFrame outer = sweeper.enterLoop(frame);
        Sweeps body = sweeper.sequence(loop.body().statements());
        sweeper.leaveLoop(outer);
        List<Stmt> ended = new ArrayList<>(body.forward());
        if (Reachability.canCompleteNormally(loop.body())) {
            ended.addAll(frame.endIteration(0));
        }
        List<Stmt> taped = frame.withoutUnreadExits(ended);
        if (!records(taped)) {
            return null;
        }
        List<Stmt> reversed = new ArrayList<>(frame.startReversal());
        reversed.addAll(body.reverse());

        List<Stmt> forward = new ArrayList<>();
        Variable index = counted.index();
        Expr start = counted.start();
        List<Stmt> init = loop.init();
        if (!(start instanceof Expr.Literal)) {
            Variable startSlot = context.fresh(index.name() + "Start", index.type());
            forward.add(new Stmt.Assign(startSlot, start, true, Stmt.Origin.NONE));
            start = read(startSlot);
            init = List.of(new Stmt.Assign(index, start, true, ((Stmt.Assign) loop.init().get(0)).origin()));
        }
        Checkpoints checkpoints = new Checkpoints(index, checkpointing.snapshots(),
                counted.trips(start, checkpointing.limit()), checkpointing.scalars(), checkpointing.arrays());
        forward.add(new Stmt.KeepSnapshots(checkpoints, new Stmt.Loop(loop.kind(), init, loop.condition(),
                loop.update(), loop.body(), loop.origin())));

        Variable from = context.fresh("from", Type.LONG);
        Variable target = context.fresh("target", Type.LONG);
        Variable segmentEnd = context.fresh("segmentEnd", Type.LONG);
        Stmt.Loop advance = counted.forwards(start, read(from), read(target), tripOf(counted),
                loop.body());
        Stmt.Loop tapedSegment = counted.forwards(start, read(target), read(segmentEnd),
                tripOf(counted), Stmt.Block.of(taped));
        Stmt.Loop reversedSegment = counted.backwards(start, read(target), read(segmentEnd),
                tripOf(counted), Stmt.Block.of(reversed));
        context.recordReads(loop, inputs(loop, checkpoints));
        Stmt reverse = new Stmt.ReverseSegments(checkpoints, from, target, segmentEnd, advance,
                Stmt.Block.of(List.of(tapedSegment, reversedSegment)));
        return new Sweeps(forward, Sweeper.commented(loop.origin(), List.of(reverse)));
    }

    /**
     * What the recomputation of a checkpointed loop's iterations reads that its snapshots do not
     * restore, and so must hold the values it had when the loop ran: the variables its header and
     * body read but never assign, and the arrays, by storage, it reads but never writes.
     */
    private Set<Variable> inputs(Stmt.Loop loop, Checkpoints checkpoints) {
        Set<Variable> read = ReverseReads.of(List.of(loop));
        Set<Variable> written = new HashSet<>();
        checkpoints.arrays().forEach(a -> written.add(context.aliases().representative(a)));
        read.removeIf(v -> IrWalk.assigns(loop, v) || v.type().isArray()
                && written.contains(context.aliases().representative(v)));
        return read;
    }

    /** Whether a forward sweep records anything on a tape. */
    private static boolean records(List<Stmt> forward) {
        boolean[] pushes = {false};
        forward.forEach(s -> IrWalk.statements(s, t -> pushes[0] |= t instanceof Stmt.Push));
        return pushes[0];
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
        String tripsName = counted != null ? counted.index().name() + "Trips" : "trips";
        Variable trips = nested ? sweeper.loopCounter(tripsName) : context.fresh(tripsName, Type.LONG);
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
            Stmt.Loop reversal = counted.backwards(start, lit(0), read(trips), tripOf(counted),
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

    /** The trip of a loop over {@code counted}'s index that runs in the reverse sweep, named after that index. */
    private Variable tripOf(CountedLoop counted) {
        return sweeper.loopCounter(counted.index().name() + "Trip");
    }

    private Stmt split(Stmt.Loop reversal, CountedLoop counted) {
        return ReverseLoopSplit.split(reversal, counted.index(), context);
    }
}
