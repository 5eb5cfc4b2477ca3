package io.microautograd.processor.emit;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import javax.lang.model.element.Modifier;

/**
 * The class a generated class holds when one of its methods checkpoints a loop: one run's binomial
 * checkpointing schedule (Griewank's revolve, over segments of iterations). The forward sweep asks
 * it before each iteration whether a snapshot is due; the reverse sweep asks it, round by round,
 * which snapshot to go back to, where to run forward from there (to the next snapshot, or to the
 * segment to reverse), and tells it when a segment is reversed.
 *
 * <p>With {@code c} snapshot slots held or free from the latest snapshot on and {@code l} segments
 * to reverse after it, a round runs forward {@code m = max(l - C(c - 1 + r, r), C(c + r - 2, c), 1)}
 * segments, {@code r} the least number with {@code C(c + r, c) >= l}, and keeps a snapshot there,
 * unless that is the last segment, which it reverses; one slot and {@code l} segments run forward
 * {@code l - 1}. These are exactly the splits that reach Griewank and Walther's minimum of {@code
 * r l - C(c + r, r - 1)} segments run forward (checked against the exhaustive minimum in the tests).
 * The forward sweep is the first pass: it keeps the snapshots the first rounds would, so the
 * reverse sweep starts from the last of them. Segments of {@code ceil(N / C(s + 3, 3))} of a loop's
 * {@code N} iterations, with {@code s} snapshots, make {@code r} at most 3, and at most {@code
 * Integer.MAX_VALUE} segments keep every product of the schedule within a {@code long}.
 */
final class BinomialSchedule {

    /** The simple name of the nested class. */
    static final String NAME = "BinomialCheckpoints";

    private BinomialSchedule() {
    }

    /** The nested class of a generated class. */
    static TypeSpec type() {
        ClassName self = ClassName.get("", NAME);
        TypeName segments = ArrayTypeName.of(long.class);
        return TypeSpec.classBuilder(self)
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("The binomial checkpointing schedule of one run of a loop (Griewank's revolve, over"
                        + " segments of\niterations): before which iterations the forward sweep keeps a snapshot"
                        + " of the loop's state,\nand how the reverse sweep goes back from the snapshots,"
                        + " segment by segment, the last first:\nback to the latest snapshot, forward without a"
                        + " tape to the next snapshot this schedule picks or\nto the segment to reverse, which"
                        + " is taped, then reversed. With {@code s} snapshots and {@code M}\nsegments it runs"
                        + " {@code r M - C(s + r, r - 1)} segments forward in all, {@code r} the least number"
                        + " with\n{@code C(s + r, s) >= M}, fewer than any other schedule with {@code s}"
                        + " snapshots (Griewank and\nWalther, 2000). A loop of {@code N} iterations is cut into"
                        + " segments of {@code ceil(N / C(s + 3, 3))}\niterations, so that {@code r} is at most"
                        + " 3.\n")
                .addField(field(long.class, "trips", "The loop's iterations."))
                .addField(field(long.class, "segmentLength", "The iterations of each segment; the last may"
                        + " have fewer."))
                .addField(field(segments, "snapshotSegments", "The segment at whose start each snapshot was"
                        + " taken, the oldest first."))
                .addField(mutable(int.class, "kept", "The snapshots held, the latest on top."))
                .addField(mutable(long.class, "end", "Segments {@code 0} to {@code end - 1} are still to"
                        + " reverse."))
                .addField(mutable(long.class, "pending", "The segment of the snapshot to take next, or that the"
                        + " round runs forward to."))
                .addField(mutable(long.class, "started", "The iterations the forward sweep has started."))
                .addField(mutable(long.class, "due", "The iteration before which the forward sweep keeps its"
                        + " next snapshot, or -1."))
                .addMethod(MethodSpec.constructorBuilder()
                        .addJavadoc("A schedule for a loop of {@code trips} iterations (none when 0 or less) with"
                                + " at most\n{@code snapshots} snapshots.\n")
                        .addParameter(long.class, "trips").addParameter(int.class, "snapshots")
                        .addStatement("this.trips = Math.max(trips, 0)")
                        .addStatement("long room = (long) Math.min(Integer.MAX_VALUE, (snapshots + 1.0) * (snapshots"
                                + " + 2) * (snapshots + 3) / 6)")
                        .addStatement("this.segmentLength = Math.max(1, ceilDiv(this.trips, room))")
                        .addStatement("this.end = ceilDiv(this.trips, segmentLength)")
                        .addStatement("this.snapshotSegments = new long[(int) Math.min(snapshots, end)]")
                        .addStatement("this.due = end > 0 ? 0 : -1")
                        .build())
                .addMethod(method(int.class, "capacity", "The most snapshots held at once.")
                        .addStatement("return snapshotSegments.length").build())
                .addMethod(method(boolean.class, "snapshotDue", "In the forward sweep, before each iteration:"
                        + " whether the state is to be kept\nnow, in the slot that {@link #take} gives.")
                        .beginControlFlow("if (started++ != due)")
                        .addStatement("return false")
                        .endControlFlow()
                        .addStatement("pending = due / segmentLength")
                        .addStatement("long next = pending + advance(end - pending, snapshotSegments.length - kept)")
                        .addStatement("due = next < end - 1 ? next * segmentLength : -1")
                        .addStatement("return true").build())
                .addMethod(method(int.class, "take", "The slot of a new snapshot, the latest, of the state at"
                        + " the pending segment's\nstart.")
                        .addStatement("snapshotSegments[kept] = pending")
                        .addStatement("return kept++").build())
                .addMethod(method(boolean.class, "segmentsLeft", "Whether a segment is still to reverse.")
                        .addStatement("return end > 0").build())
                .addMethod(method(int.class, "latest", "The slot of the latest snapshot.")
                        .addStatement("return kept - 1").build())
                .addMethod(method(long.class, "latestTrip", "The iteration at whose start the latest snapshot"
                        + " was taken.")
                        .addStatement("return snapshotSegments[kept - 1] * segmentLength").build())
                .addMethod(method(long.class, "target", "The iteration to run forward to from the latest"
                        + " snapshot: the start of the\nnext snapshot's segment or of the segment to reverse.")
                        .addStatement("long from = snapshotSegments[kept - 1]")
                        .addStatement("pending = from + advance(end - from, snapshotSegments.length - kept + 1)")
                        .addStatement("return pending * segmentLength").build())
                .addMethod(method(boolean.class, "snapshotAtTarget", "Whether the target starts a snapshot's"
                        + " segment rather than the segment to\nreverse.")
                        .addStatement("return pending < end - 1").build())
                .addMethod(method(long.class, "segmentEnd", "The end of the segment to reverse: the iteration"
                        + " after its last.")
                        .addStatement("return Math.min((pending + 1) * segmentLength, trips)").build())
                .addMethod(method(void.class, "reversed", "Notes that the segment at the target is reversed,"
                        + " and lets go of the latest\nsnapshot when it was taken there.")
                        .addStatement("end = pending")
                        .beginControlFlow("if (snapshotSegments[kept - 1] == pending)")
                        .addStatement("kept--")
                        .endControlFlow().build())
                .addMethod(MethodSpec.methodBuilder("advance")
                        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                        .addJavadoc("How many of {@code segments} to run forward from a snapshot before the next"
                                + " one, with\n{@code slots} snapshot slots from that snapshot's on: the split of"
                                + " the fewest runs forward.\n")
                        .returns(long.class)
                        .addParameter(long.class, "segments").addParameter(int.class, "slots")
                        .beginControlFlow("if (segments == 1)")
                        .addStatement("return 0")
                        .endControlFlow()
                        .addComment("binomial = C(slots + r, r) for the least r reaching the segments; then those"
                                + " of r - 1 and r - 2")
                        .addStatement("long repetitions = 0")
                        .addStatement("long binomial = 1")
                        .addStatement("long previous = 0")
                        .addStatement("long beforePrevious = 0")
                        .beginControlFlow("while (binomial < segments)")
                        .addStatement("repetitions++")
                        .addStatement("beforePrevious = previous")
                        .addStatement("previous = binomial")
                        .addStatement("binomial = binomial * (slots + repetitions) / repetitions")
                        .endControlFlow()
                        .addStatement("return Math.max(Math.max(segments - (binomial - previous), beforePrevious),"
                                + " 1)").build())
                .addMethod(MethodSpec.methodBuilder("ceilDiv")
                        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                        .addJavadoc("{@code a / b} rounded up, for {@code a >= 0} and {@code b > 0}.\n")
                        .returns(long.class)
                        .addParameter(long.class, "a").addParameter(long.class, "b")
                        .addStatement("return a / b + (a % b == 0 ? 0 : 1)").build())
                .build();
    }

    private static FieldSpec field(TypeName type, String name, String doc) {
        return FieldSpec.builder(type, name, Modifier.PRIVATE, Modifier.FINAL).addJavadoc(doc + "\n").build();
    }

    private static FieldSpec field(Class<?> type, String name, String doc) {
        return field(TypeName.get(type), name, doc);
    }

    private static FieldSpec mutable(Class<?> type, String name, String doc) {
        return FieldSpec.builder(type, name, Modifier.PRIVATE).addJavadoc(doc + "\n").build();
    }

    private static MethodSpec.Builder method(Class<?> returns, String name, String doc) {
        return MethodSpec.methodBuilder(name).returns(returns).addJavadoc(doc + "\n");
    }
}
