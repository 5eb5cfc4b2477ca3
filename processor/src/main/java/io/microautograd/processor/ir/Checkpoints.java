package io.microautograd.processor.ir;

import java.util.List;

/**
 * How one loop is checkpointed: the schedule its forward sweep ({@link Stmt.KeepSnapshots}) and its
 * reverse sweep ({@link Stmt.ReverseSegments}) share. Two plans are equal only when they are the
 * same object, one per loop, so that the emitter can name what each loop's code shares after it.
 *
 * @param index the loop's index, after which the schedule is named
 * @param snapshots the most snapshots the loop may keep at once
 * @param trips the loop's number of iterations, a {@code long} expression that its entry fixes (0
 *     or less when it runs none)
 * @param scalars the scalars declared before the loop that its body assigns: each snapshot keeps them
 * @param arrays the {@code double[]} arrays the body writes into, one name per storage: each snapshot
 *     keeps their elements
 */
public record Checkpoints(Variable index, int snapshots, Expr trips, List<Variable> scalars,
        List<Variable> arrays) {

    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
