package io.microautograd.processor.diff;

import static io.microautograd.processor.ir.Exprs.read;

import io.microautograd.processor.ir.BinaryOp;
import io.microautograd.processor.ir.Expr;
import io.microautograd.processor.ir.IrWalk;
import io.microautograd.processor.ir.Stmt;
import io.microautograd.processor.ir.Type;
import io.microautograd.processor.ir.Variable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Splits a reversed counted loop into two with the same header: first its scalar reductions
 * ({@code dW += t * a[s]}), then its array updates ({@code dA[s] += t * w}), each keeping its
 * order. The sums are floating-point reductions in a fixed order, which a JIT compiler will not
 * reorder, so a loop holding them runs scalar; the updates alone vectorise (loop distribution).
 *
 * <p>A reversal qualifies when its body is straight-line and consists only of the statement that
 * sets the index at its top (which both loops run, like the header), declarations of
 * temporaries, accumulations {@code d += e} into scalar adjoints and accumulations {@code dA[s] +=
 * e} into adjoint array elements; when every element it reads or writes is at the loop's index
 * {@code s} (a row may be chosen by any index that reads neither {@code s} nor what the body
 * assigns); when no scalar it accumulates is read in it other than by that accumulation; when no
 * temporary and no scalar accumulation reads an adjoint element after the body has written one;
 * and when both parts are non-empty. Nothing else (no tape pop, no restored or recomputed primal, no zeroing, no call, no
 * branch, no nested loop, no break) makes a reversal eligible.
 *
 * <p>Why the split computes the same values, bit for bit: the body writes only temporaries,
 * accumulated scalars and array elements at position {@code s}, so iteration {@code s} is the only
 * one that touches position {@code s} of any array, even when two names hold the same array. The
 * scalar part writes no array, so each of its statements sees position {@code s} as it was before
 * the loop, as it did in the original body, where it came before any write to an element.
 * The update part sees at position {@code s} exactly the earlier updates of the same iteration, as
 * before, and reads no accumulated scalar. Each sum receives the same terms in the same order, and
 * the header reads nothing the body writes, so it runs the same iterations twice. A temporary both
 * parts read is computed again at the top of the updates' iteration under a name of its own.
 */
final class ReverseLoopSplit {

    private enum Part { INDEX, TEMPORARY, REDUCTION, UPDATE }

    private final Variable index;
    private final Set<Variable> adjoints;
    private final List<Stmt> statements = new ArrayList<>();
    private final List<Part> parts = new ArrayList<>();
    private final Set<Variable> assigned = new HashSet<>();
    private final Set<Variable> temporaries = new HashSet<>();
    private final Set<Variable> accumulated = new HashSet<>();
    private boolean eligible = true;

    private ReverseLoopSplit(Variable index, DiffContext context) {
        this.index = index;
        this.adjoints = new HashSet<>(context.adjoints().values());
    }

    /**
     * The reversal as two loops, reductions then updates, headed by a comment saying why, when
     * it qualifies; else the reversal itself.
     *
     * @param reversal a reversed counted loop, running {@code index} backwards
     */
    static Stmt split(Stmt.Loop reversal, Variable index, DiffContext context) {
        ReverseLoopSplit split = new ReverseLoopSplit(index, context);
        split.classify(reversal.body());
        split.check(reversal);
        if (!split.eligible || !split.parts.contains(Part.REDUCTION) || !split.parts.contains(Part.UPDATE)) {
            return reversal;
        }
        return split.twoLoops(reversal, context);
    }

    /** Sorts the body's statements into parts; anything else makes the reversal ineligible. */
    private void classify(Stmt s) {
        if (s instanceof Stmt.Block b) {
            b.statements().forEach(this::classify);
            return;
        }
        statements.add(s);
        if (s instanceof Stmt.Comment) {
            parts.add(null);
        } else if (s instanceof Stmt.Assign a && a.target().equals(index) && statements.size() == 1) {
            parts.add(Part.INDEX);
        } else if (s instanceof Stmt.Assign a && a.declaration() && a.target().role() == Variable.Role.GENERATED
                && !adjoints.contains(a.target())) {
            parts.add(Part.TEMPORARY);
            assigned.add(a.target());
            temporaries.add(a.target());
        } else if (s instanceof Stmt.Assign a && !a.declaration() && adjoints.contains(a.target())
                && a.target().type() == Type.DOUBLE && added(a.value(), read(a.target())) != null) {
            parts.add(Part.REDUCTION);
            assigned.add(a.target());
            accumulated.add(a.target());
        } else if (s instanceof Stmt.Store st && adjoints.contains(IrWalk.root(st.array()))
                && added(st.value(), new Expr.Element(st.array(), st.index())) != null) {
            parts.add(Part.UPDATE);
        } else {
            parts.add(null);
            eligible = false;
        }
    }

    /** Checks what each statement and the header read against the rule. */
    private void check(Stmt.Loop reversal) {
        boolean updated = false;
        for (int i = 0; i < statements.size() && eligible; i++) {
            Stmt s = statements.get(i);
            Part part = parts.get(i);
            if (s instanceof Stmt.Assign a) {
                reads(part == Part.REDUCTION ? added(a.value(), read(a.target())) : a.value(), updated);
            } else if (s instanceof Stmt.Store st) {
                reads(new Expr.Element(st.array(), st.index()), false);
                reads(added(st.value(), new Expr.Element(st.array(), st.index())), false);
                updated = true;
            }
        }
        List<Expr> header = new ArrayList<>();
        reversal.init().forEach(s -> header.addAll(IrWalk.expressionsOf(s)));
        reversal.update().forEach(s -> header.addAll(IrWalk.expressionsOf(s)));
        header.add(reversal.condition());
        for (int i = 0; i < statements.size(); i++) {
            if (parts.get(i) == Part.INDEX) {
                header.addAll(IrWalk.expressionsOf(statements.get(i)));
            }
        }
        for (Expr e : header) {
            IrWalk.expressions(e, x -> eligible &= !(x instanceof Expr.Read r && assigned.contains(r.variable()))
                    && !(x instanceof Expr.Element));
        }
    }

    /**
     * Checks one expression of the body.
     *
     * @param afterUpdate whether it belongs to a temporary or a reduction after an array update
     */
    private void reads(Expr e, boolean afterUpdate) {
        IrWalk.expressions(e, x -> {
            if (x instanceof Expr.Read r) {
                eligible &= !accumulated.contains(r.variable());
            } else if (x instanceof Expr.Element el && el.type().isArray()) {
                eligible &= !IrWalk.reads(el.index(), index) && assigned.stream().noneMatch(
                        v -> IrWalk.reads(el.index(), v));
            } else if (x instanceof Expr.Element el) {
                eligible &= el.index().equals(read(index))
                        && !(afterUpdate && adjoints.contains(IrWalk.root(el.array())));
            } else {
                eligible &= x instanceof Expr.Literal || x instanceof Expr.Constant || x instanceof Expr.Unary
                        || x instanceof Expr.Binary || x instanceof Expr.Conditional || x instanceof Expr.MathCall
                        || x instanceof Expr.Cast || x instanceof Expr.Length;
            }
        });
    }

    /** The {@code e} of {@code target + e} where {@code e} does not read the target's variable, or null. */
    private static Expr added(Expr value, Expr target) {
        return value instanceof Expr.Binary b && b.op() == BinaryOp.ADD && b.left().equals(target)
                && !IrWalk.reads(b.right(), IrWalk.root(target)) ? b.right() : null;
    }

    private Stmt twoLoops(Stmt.Loop reversal, DiffContext context) {
        Set<Variable> reductionReads = temporariesRead(Part.REDUCTION);
        Set<Variable> updateReads = temporariesRead(Part.UPDATE);
        Map<Variable, Variable> copies = new HashMap<>();
        for (Stmt s : statements) {
            Variable v = target(s);
            if (reductionReads.contains(v) && updateReads.contains(v)) {
                copies.put(v, context.fresh(v.name(), v.type()));
            }
        }
        List<Stmt> reductions = new ArrayList<>();
        List<Stmt> updates = new ArrayList<>();
        Stmt.Comment line = null;
        for (int i = 0; i < statements.size(); i++) {
            Stmt s = statements.get(i);
            Part part = parts.get(i);
            if (s instanceof Stmt.Comment c) {
                line = c;
                continue;
            }
            if (part == Part.INDEX) {
                reductions.add(s);
                updates.add(s);
                continue;
            }
            boolean toReductions = part == Part.REDUCTION || reductionReads.contains(target(s));
            if (toReductions) {
                addUnder(line, s, reductions);
            }
            if (part == Part.UPDATE || updateReads.contains(target(s)) || !toReductions) {
                addUnder(line, TemporaryCopies.renamed(s, copies), updates);
            }
        }
        return Stmt.Block.of(List.of(
                new Stmt.Comment("Reversed in two loops: the sums keep their order, the array updates vectorise."),
                withBody(reversal, reductions), withBody(reversal, updates)));
    }

    /**
     * Appends a statement to a part, after the comment naming its source line unless that
     * comment already heads the statements the part got from the same line.
     */
    private static void addUnder(Stmt.Comment line, Stmt s, List<Stmt> part) {
        if (line != null && part.stream().noneMatch(t -> t == line)) {
            part.add(line);
        }
        part.add(s);
    }

    /** The temporaries the statements of a part read, directly or through other temporaries. */
    private Set<Variable> temporariesRead(Part part) {
        Set<Variable> read = new HashSet<>();
        for (int i = statements.size() - 1; i >= 0; i--) {
            Stmt s = statements.get(i);
            if (parts.get(i) == part || parts.get(i) == Part.TEMPORARY && read.contains(target(s))) {
                IrWalk.expressionsOf(s).forEach(e -> IrWalk.expressions(e, x -> {
                    if (x instanceof Expr.Read r && temporaries.contains(r.variable())) {
                        read.add(r.variable());
                    }
                }));
            }
        }
        return read;
    }

    private static Variable target(Stmt s) {
        return s instanceof Stmt.Assign a ? a.target() : null;
    }

    private static Stmt.Loop withBody(Stmt.Loop loop, List<Stmt> body) {
        return new Stmt.Loop(loop.kind(), loop.init(), loop.condition(), loop.update(), Stmt.Block.of(body),
                loop.origin());
    }
}
