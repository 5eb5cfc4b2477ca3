package io.microautograd.processor.diff;

import io.microautograd.Differentiable;
import io.microautograd.processor.ir.Expr;
import io.microautograd.processor.ir.IrWalk;
import io.microautograd.processor.ir.Iteration;
import io.microautograd.processor.ir.Stmt;
import io.microautograd.processor.ir.Type;
import io.microautograd.processor.ir.Variable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether an outermost loop is checkpointed, with how many snapshots and what state, or why it
 * cannot be. A checkpointed loop runs forward untaped, keeping snapshots of the state its body
 * changes, and its reverse sweep recomputes its iterations from them; so its trip count must be
 * known when it starts (a {@code for} loop that declares its index, moves it by one towards a bound
 * the loop leaves alone and has no {@code break}), and every value its body changes must be in a
 * snapshot: the scalars declared before it, and {@code double[]} arrays declared before it that it
 * writes into, whole. Writes into rows of a matrix, or into a row the body takes, and arrays passed
 * to a method without {@code @Differentiable}, which could change them, leave state no snapshot
 * holds.
 *
 * <p>The processor's own choice ({@link Differentiable#AUTOMATIC}): a loop whose start and
 * bound are literals that make at least {@value #AUTOMATIC_TRIPS} iterations, with {@value
 * #AUTOMATIC_SNAPSHOTS} snapshots. Such a loop tapes at least 8 MB per call (an entry per iteration)
 * and its thread keeps none of it above the kept-memory bound, so each call would allocate it
 * anew; checkpointed, it keeps a few kilobytes and recomputes its iterations about twice.
 */
final class Checkpointing {

    /** The snapshots of a loop the processor checkpoints by itself. */
    static final int AUTOMATIC_SNAPSHOTS = 64;
    /** The fewest iterations, known from literals, of a loop the processor checkpoints by itself. */
    static final long AUTOMATIC_TRIPS = 1L << 20;

    private final int snapshots;
    private final String reason;
    private final CountedLoop counted;
    private final CountedLoop.Limit limit;
    private final List<Variable> scalars;
    private final List<Variable> arrays;

    private Checkpointing(int snapshots, String reason, CountedLoop counted, CountedLoop.Limit limit,
            List<Variable> scalars, List<Variable> arrays) {
        this.snapshots = snapshots;
        this.reason = reason;
        this.counted = counted;
        this.limit = limit;
        this.scalars = scalars;
        this.arrays = arrays;
    }

    /**
     * The checkpointing of an outermost loop, or null when the method leaves it taped: it asks for
     * no checkpoints, or leaves the choice to the processor, which takes only loops it can and
     * that run long enough.
     *
     * @param requested the method's {@code checkpoints}
     * @param aliases the classes of the method's arrays that share storage
     */
    static Checkpointing of(Stmt.Loop loop, int requested, ArrayAliases aliases) {
        if (requested == 0) {
            return null;
        }
        Checkpointing checked = check(loop, requested == Differentiable.AUTOMATIC ? AUTOMATIC_SNAPSHOTS
                : requested, aliases);
        boolean chosen = checked.isPossible() && checked.literalTrips() >= AUTOMATIC_TRIPS;
        return requested > 0 || chosen ? checked : null;
    }

    /** Whether the loop can be checkpointed; else {@link #reason} says why. */
    boolean isPossible() {
        return reason == null;
    }

    /** Why the loop cannot be checkpointed, as a clause that follows "because". */
    String reason() {
        return reason;
    }

    int snapshots() {
        return snapshots;
    }

    CountedLoop counted() {
        return counted;
    }

    CountedLoop.Limit limit() {
        return limit;
    }

    /** The scalars declared before the loop that its body assigns. */
    List<Variable> scalars() {
        return scalars;
    }

    /** The {@code double[]} arrays declared before the loop that its body writes into, one per storage. */
    List<Variable> arrays() {
        return arrays;
    }

    private static Checkpointing check(Stmt.Loop loop, int snapshots, ArrayAliases aliases) {
        CountedLoop counted = CountedLoop.of(loop);
        if (counted == null) {
            return cannot("it is not a for loop that declares an int or long index and moves it by a constant"
                    + " step, such as for (int i = 0; i < n; i++)");
        }
        if (Math.abs(counted.step()) != 1) {
            return cannot("its index moves by " + Math.abs(counted.step()) + ", and a loop stepping by more than"
                    + " one may wrap past the end of its type, so its trip count is not known when it starts;"
                    + " step by one");
        }
        CountedLoop.Limit limit = counted.limit(loop);
        if (limit == null || !(loop.condition() instanceof Expr.Binary condition) || condition.op().isLogical()) {
            return cannot("its condition is not one comparison of its index with a bound, such as i < n, so"
                    + " its trip count is not known when it starts");
        }
        if (!counted.stopsBeforeWrapping(limit)) {
            return cannot("its index is offset in the comparison and starts at a value that is no literal, so"
                    + " it may wrap past the end of its type before it meets the bound; compare the index"
                    + " itself, such as i < n - 1");
        }
        if (!TapeReservations.isFixed(limit.bound(), loop)) {
            return cannot("its bound may change while it runs (it reads an array element, calls a method or"
                    + " reads a variable the loop assigns), so its trip count is not known when it starts;"
                    + " compute the bound into a local before the loop");
        }
        if (Iteration.of(loop.body()).leaves()) {
            return cannot("it may leave early by break, so its trip count is not known when it starts");
        }
        Set<Variable> declaredInside = new HashSet<>();
        IrWalk.statements(loop, s -> {
            if (s instanceof Stmt.Assign a && a.declaration()) {
                declaredInside.add(a.target());
            }
        });
        Map<Variable, Variable> arrays = new LinkedHashMap<>();
        Set<Variable> scalars = new LinkedHashSet<>();
        List<String> problems = new ArrayList<>();
        IrWalk.statements(loop.body(), s -> {
            if (s instanceof Stmt.Assign a && !declaredInside.contains(a.target())) {
                scalars.add(a.target());
            }
            if (s instanceof Stmt.Store store) {
                Variable root = IrWalk.root(store.array());
                if (store.array() instanceof Expr.Element) {
                    problems.add("it writes into rows of the matrix " + root.name() + ", and a snapshot holds"
                            + " double[] arrays only");
                } else if (declaredInside.contains(root)) {
                    problems.add("it writes into " + root.name() + ", a row it takes inside the loop, and a"
                            + " snapshot holds arrays declared before the loop only");
                } else {
                    arrays.putIfAbsent(aliases.representative(root), root);
                }
            }
            IrWalk.expressionsOf(s).forEach(e -> IrWalk.expressions(e, x -> {
                if (x instanceof Expr.Call call && !call.callee().isDifferentiable()) {
                    call.arguments().stream().filter(argument -> argument.type().isArray()).findFirst()
                            .ifPresent(argument -> problems.add("it passes the array " + IrWalk.root(argument)
                                    .name() + " to " + call.callee().name() + ", which is not @Differentiable"
                                    + " and may change it where no snapshot sees"));
                }
            }));
        });
        if (!problems.isEmpty()) {
            return cannot(problems.get(0));
        }
        return new Checkpointing(snapshots, null, counted, limit, List.copyOf(scalars),
                List.copyOf(arrays.values()));
    }

    private static Checkpointing cannot(String reason) {
        return new Checkpointing(0, reason, null, null, List.of(), List.of());
    }

    /**
     * The trip count of a loop whose start and bound are literals, or -1 when either is not one;
     * {@link Long#MAX_VALUE} when it does not fit a {@code long}.
     */
    private long literalTrips() {
        if (!(counted.start() instanceof Expr.Literal start) || !(limit.bound() instanceof Expr.Literal bound)) {
            return -1;
        }
        boolean up = counted.step() > 0;
        long high = up ? bound.integerValue() : start.integerValue();
        long low = up ? start.integerValue() : bound.integerValue();
        long shift = (up ? -limit.offset() : limit.offset()) + (limit.inclusive() ? 1 : 0);
        try {
            return Math.max(0, Math.addExact(Math.subtractExact(high, low), shift));
        } catch (ArithmeticException overflow) {
            return Long.MAX_VALUE;
        }
    }
}
