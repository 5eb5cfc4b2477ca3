package io.microautograd.processor.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import io.microautograd.processor.ir.Checkpoints;
import io.microautograd.processor.ir.Stmt;
import io.microautograd.processor.ir.Type;
import io.microautograd.processor.ir.Variable;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The code of one method's checkpointed loops that is about their schedules and snapshots: each
 * loop's {@code BinomialCheckpoints} (named after its index, {@code iCheckpoints}) and, per value of
 * its state, an array of snapshots ({@code xSnapshots}, a {@code double[][]} of rows for an array),
 * allocated where the loop starts. They are declared there when the loop is a statement of the
 * method's body itself, and otherwise at the top of the method, so that the reverse sweep sees them.
 */
final class CheckpointedLoops {

    private static final ClassName SCHEDULE = ClassName.get("", BinomialSchedule.NAME);

    private final LocalNames names;
    private final Helpers helpers;
    private final ExprPrinter printer;
    private final List<Checkpoints> declaredAtTop = new ArrayList<>();

    CheckpointedLoops(LocalNames names, Helpers helpers, ExprPrinter printer) {
        this.names = names;
        this.helpers = helpers;
        this.printer = printer;
    }

    /**
     * The comment on a loop's forward sweep, its schedule and its snapshot arrays.
     *
     * @param declare whether to declare them here, else at the top of the method
     */
    CodeBlock start(Checkpoints checkpoints, boolean declare) {
        helpers.useSchedule();
        CodeBlock.Builder code = CodeBlock.builder()
                .add("// Checkpointed: the loop runs untaped and keeps its state ($L) at the iterations of a binomial\n",
                        state(checkpoints).stream().map(names::of).collect(Collectors.joining(", ")))
                .add("// schedule, in at most $L snapshots, from which the reverse sweep recomputes its iterations.\n",
                        checkpoints.snapshots());
        if (!declare) {
            declaredAtTop.add(checkpoints);
        }
        String type = declare ? BinomialSchedule.NAME + " " : "";
        code.addStatement("$L$N = new $T($L, $L)", type, schedule(checkpoints), SCHEDULE,
                printer.print(checkpoints.trips()), checkpoints.snapshots());
        for (Variable v : state(checkpoints)) {
            CodeBlock allocation = v.type() == Type.DOUBLE_ARRAY
                    ? CodeBlock.of("new double[$N.capacity()][]", schedule(checkpoints))
                    : CodeBlock.of("new $L[$N.capacity()]", v.type().javaName(), schedule(checkpoints));
            code.addStatement("$L$N = $L", declare ? snapshotsType(v) + " " : "", snapshots(checkpoints, v), allocation);
        }
        return code.build();
    }

    /** The declarations, at the top of the method, of the schedules and snapshots of loops nested in a block. */
    CodeBlock topDeclarations() {
        CodeBlock.Builder code = CodeBlock.builder();
        for (Checkpoints checkpoints : declaredAtTop) {
            code.addStatement("$T $N = null", SCHEDULE, schedule(checkpoints));
            for (Variable v : state(checkpoints)) {
                code.addStatement("$L $N = null", snapshotsType(v), snapshots(checkpoints, v));
            }
        }
        return code.build();
    }

    /** What the forward loop runs first in each iteration: a snapshot, when the schedule says one is due. */
    CodeBlock snapshotIfDue(Checkpoints checkpoints) {
        return CodeBlock.builder()
                .beginControlFlow("if ($N.snapshotDue())", schedule(checkpoints))
                .addStatement("int $N = $N.take()", slot(checkpoints), schedule(checkpoints))
                .add(save(checkpoints))
                .endControlFlow()
                .build();
    }

    /** The start of a round of the reverse sweep: back to the latest snapshot, and where to go from it. */
    CodeBlock restoreLatest(Stmt.ReverseSegments reversal) {
        Checkpoints checkpoints = reversal.checkpoints();
        CodeBlock.Builder code = CodeBlock.builder()
                .addStatement("int $N = $N.latest()", slot(checkpoints), schedule(checkpoints));
        for (Variable v : state(checkpoints)) {
            if (v.type() == Type.DOUBLE_ARRAY) {
                code.addStatement("$N($N[$N], $N)", helpers.use(Helpers.Helper.RESTORE_ARRAY), snapshots(checkpoints, v),
                        slot(checkpoints), names.of(v));
            } else {
                code.addStatement("$N = $N[$N]", names.of(v), snapshots(checkpoints, v), slot(checkpoints));
            }
        }
        return code.addStatement("long $N = $N.latestTrip()", names.of(reversal.from()), schedule(checkpoints))
                .addStatement("long $N = $N.target()", names.of(reversal.target()), schedule(checkpoints))
                .build();
    }

    /** A new snapshot at the round's target, the latest. */
    CodeBlock snapshotAtTarget(Checkpoints checkpoints) {
        return CodeBlock.builder()
                .addStatement("$N = $N.take()", slot(checkpoints), schedule(checkpoints))
                .add(save(checkpoints))
                .build();
    }

    /** The schedule of a loop. */
    String schedule(Checkpoints checkpoints) {
        return names.allocate(checkpoints.index().name() + "Checkpoints", checkpoints);
    }

    private CodeBlock save(Checkpoints checkpoints) {
        CodeBlock.Builder code = CodeBlock.builder();
        for (Variable v : state(checkpoints)) {
            if (v.type() == Type.DOUBLE_ARRAY) {
                code.addStatement("$N($N, $N, $N)", helpers.use(Helpers.Helper.SNAPSHOT_ARRAY), snapshots(checkpoints, v),
                        slot(checkpoints), names.of(v));
            } else {
                code.addStatement("$N[$N] = $N", snapshots(checkpoints, v), slot(checkpoints), names.of(v));
            }
        }
        return code.build();
    }

    private String slot(Checkpoints checkpoints) {
        return names.allocate("slot", List.of("slot", checkpoints));
    }

    private String snapshots(Checkpoints checkpoints, Variable v) {
        return names.allocate(v.name() + "Snapshots", List.of(checkpoints, v));
    }

    private static String snapshotsType(Variable v) {
        return v.type() == Type.DOUBLE_ARRAY ? "double[][]" : v.type().javaName() + "[]";
    }

    private static List<Variable> state(Checkpoints checkpoints) {
        List<Variable> state = new ArrayList<>(checkpoints.scalars());
        state.addAll(checkpoints.arrays());
        return state;
    }
}
