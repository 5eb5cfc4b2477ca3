package io.microautograd.processor.diff;

import static io.microautograd.processor.ir.Exprs.binary;
import static io.microautograd.processor.ir.Exprs.lit;

import io.microautograd.processor.ir.BinaryOp;
import io.microautograd.processor.ir.Expr;
import io.microautograd.processor.ir.Function;
import io.microautograd.processor.ir.IrWalk;
import io.microautograd.processor.ir.Stmt;
import io.microautograd.processor.ir.TapeKind;
import io.microautograd.processor.ir.Type;
import io.microautograd.processor.ir.Variable;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How many entries each tape of a pullback will hold, as an expression the method can evaluate
 * at entry, so it allocates its tapes once at about the right size instead of growing them by
 * doubling. A push counts once per iteration of each loop around it; a counted loop's trip
 * count is {@linkplain CountedLoop#trips computed} from its start and bound when both are known at
 * entry (literals, int parameters the method never assigns, lengths of differentiated arrays), and
 * from zero when only the bound is and the index rises (an inner loop starting from an outer index
 * runs at most that often from zero).
 * Pushes inside other loops are not counted: their tape grows as it fills. The estimate is a
 * hint; the tapes stay correct whatever it is.
 */
final class TapeSizes {

    private final Function function;
    private final Stmt.Block body;
    private final Map<TapeKind, Map<Expr, Integer>> pushes = new EnumMap<>(TapeKind.class);

    private TapeSizes(Function function, Stmt.Block body) {
        this.function = function;
        this.body = body;
    }

    /** The expected entries per tape kind, as a {@code long} expression; kinds without pushes are absent. */
    static Map<TapeKind, Expr> of(Function function, Stmt.Block body) {
        TapeSizes estimate = new TapeSizes(function, body);
        estimate.visit(body, lit(1));
        Map<TapeKind, Expr> sizes = new EnumMap<>(TapeKind.class);
        estimate.pushes.forEach((kind, counts) -> counts.forEach((iterations, count) -> {
            Expr term = count == 1 ? iterations : binary(BinaryOp.MUL, lit(count), iterations);
            sizes.merge(kind, term, (a, b) -> binary(BinaryOp.ADD, a, b));
        }));
        return sizes;
    }

    /** @param iterations how often the statement runs, or null when not known at entry */
    private void visit(Stmt s, Expr iterations) {
        if (s instanceof Stmt.Push push) {
            if (iterations != null) {
                pushes.computeIfAbsent(push.tape(), k -> new LinkedHashMap<>()).merge(iterations, 1, Integer::sum);
            }
            return;
        }
        Expr inner = iterations;
        if (s instanceof Stmt.Loop loop) {
            Expr trips = trips(loop);
            inner = iterations == null || trips == null ? null
                    : isOne(iterations) ? trips : binary(BinaryOp.MUL, iterations, trips);
        }
        for (Stmt child : IrWalk.children(s)) {
            visit(child, inner);
        }
    }

    private static boolean isOne(Expr e) {
        return e instanceof Expr.Literal l && l.text().equals("1");
    }

    private Expr trips(Stmt.Loop loop) {
        CountedLoop counted = CountedLoop.of(loop);
        CountedLoop.Limit limit = counted == null ? null : counted.limit(loop);
        if (limit == null || !isKnownAtEntry(limit.bound())) {
            return null;
        }
        if (isKnownAtEntry(counted.start())) {
            return counted.trips(counted.start(), limit);
        }
        return counted.step() > 0 ? counted.trips(lit(0), limit) : null;
    }

    /**
     * Integer literals, int and long parameters the method never assigns, and the lengths of the
     * differentiated array parameters (the method checks their adjoints' lengths on entry, so
     * reading them there fails for no argument that the source method accepts), combined by
     * {@code +}, {@code -} and {@code *}.
     */
    private boolean isKnownAtEntry(Expr e) {
        if (e instanceof Expr.Literal) {
            return e.type() != Type.DOUBLE;
        }
        if (e instanceof Expr.Read r) {
            return (r.type() == Type.INT || r.type() == Type.LONG) && isFixedParameter(r.variable());
        }
        if (e instanceof Expr.Length l) {
            return l.array() instanceof Expr.Read r && isFixedParameter(r.variable())
                    && function.differentiated().contains(r.variable());
        }
        return e instanceof Expr.Binary b && (b.op() == BinaryOp.ADD || b.op() == BinaryOp.SUB
                || b.op() == BinaryOp.MUL) && isKnownAtEntry(b.left()) && isKnownAtEntry(b.right());
    }

    private boolean isFixedParameter(Variable v) {
        return function.parameters().contains(v) && !IrWalk.assigns(body, v);
    }
}
