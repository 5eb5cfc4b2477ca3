package io.microautograd.processor.diff;

import static io.microautograd.processor.ir.Exprs.add;
import static io.microautograd.processor.ir.Exprs.lit;
import static io.microautograd.processor.ir.Exprs.read;

import io.microautograd.processor.ir.Callee;
import io.microautograd.processor.ir.Expr;
import io.microautograd.processor.ir.Function;
import io.microautograd.processor.ir.IrWalk;
import io.microautograd.processor.ir.Stmt;
import io.microautograd.processor.ir.TapeKind;
import io.microautograd.processor.ir.Type;
import io.microautograd.processor.ir.Variable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Reverse-mode differentiation of a function into a {@link Pullback}: prologue, forward sweep,
 * reverse sweep, accumulation into the caller's storage.
 *
 * <p>Array parameters the method writes into: the values at entry are the independent
 * variables. The pullback works on a copy, so the caller's array is left as it was, and the
 * partials are those with respect to the entry values. A write into the copy reaches no other
 * parameter, so the pullback's caller must not pass that array for one ({@link Separation}).
 */
public final class ReverseMode {

    private final Function function;
    private final Activity activity;
    private final Set<Variable> written;
    private final ArrayAliases aliases;
    private final Predicate<Callee> mayHoldArrays;
    private final boolean seeded;

    private ReverseMode(Function function, Predicate<Callee> mayHoldArrays, boolean seeded) {
        this.function = function;
        this.mayHoldArrays = mayHoldArrays;
        this.seeded = seeded;
        this.activity = Activity.of(function);
        this.written = WrittenArrays.of(function);
        this.aliases = ArrayAliases.of(function.body());
    }

    /**
     * Differentiates a function. The first round keeps every overwritten value; each next round
     * keeps only those the previous round's reverse code read, until those reads settle.
     *
     * @param mayHoldArrays whether a method the function calls may let an array it is given outlive
     *     the call, so that the function must not keep that array between its calls
     */
    public static Pullback differentiate(Function function, Predicate<Callee> mayHoldArrays) {
        return differentiate(function, mayHoldArrays, false);
    }

    /**
     * Differentiates a function with outputs into its vector-Jacobian product: a pullback that also
     * takes the adjoints of the outputs' elements ({@link Pullback#outputSeeds()}), which it copies at
     * entry, since the reverse sweep zeroes an element's adjoint once it has passed it on.
     */
    public static Pullback vectorJacobian(Function function, Predicate<Callee> mayHoldArrays) {
        return differentiate(function, mayHoldArrays, true);
    }

    private static Pullback differentiate(Function function, Predicate<Callee> mayHoldArrays, boolean seeded) {
        Stmt.Block moved = TailReturns.moved(ConditionalBranches.of(function.body(), Activity.of(function)));
        ReverseMode mode = new ReverseMode(!TailReturns.endEveryPath(moved) ? function : new Function(function.name(),
                function.parameters(), function.differentiated(), function.order(), moved, function.firstFreeId(),
                function.checkpoints(), function.outputs()), mayHoldArrays, seeded);
        DiffContext round = mode.build(null);
        for (int i = 0; i < 8; i++) {
            ReadsByStatement reads = round.reads().analysed(mode.function);
            DiffContext next = mode.build(reads);
            if (next.reads().sameAs(reads)) {
                return next.pullback();
            }
            round = next;
        }
        return mode.build(null).pullback();
    }

    private DiffContext build(ReadsByStatement previous) {
        DiffContext context = new DiffContext(activity, previous, written, function.checkpoints(), aliases,
                function.firstFreeId());
        ArrayLoops arrays = new ArrayLoops(context.freshVariables());
        Variable resultAdjoint = context.fresh("dValue", Type.DOUBLE);
        Variable value = context.fresh("value", Type.DOUBLE);
        boolean anyScalar = function.differentiated().stream().anyMatch(p -> p.type() == Type.DOUBLE);
        Variable gradient = anyScalar ? context.fresh("gradient", Type.DOUBLE_ARRAY) : null;
        List<Variable> scalarAdjoints = new ArrayList<>();
        Map<Variable, Variable> arrayAdjoints = new LinkedHashMap<>();
        Map<Variable, Variable> outputSeeds = new LinkedHashMap<>();
        List<Stmt> prologue = new ArrayList<>();
        List<Stmt> epilogue = new ArrayList<>();
        for (Variable p : function.parameters()) {
            boolean differentiated = function.differentiated().contains(p);
            if (p.type() == Type.DOUBLE && differentiated) {
                Variable d = context.adjoint(p);
                epilogue.add(new Stmt.Store(read(gradient), lit(scalarAdjoints.size()),
                        add(new Expr.Element(read(gradient), lit(scalarAdjoints.size())), read(d)), Stmt.Origin.NONE));
                scalarAdjoints.add(d);
            } else if (p.type().isArray() && !(seeded && function.outputs().contains(p))) {
                arrayParameter(p, differentiated, context, arrays, arrayAdjoints, prologue, epilogue);
            }
        }
        for (Variable output : seeded ? function.outputs() : List.<Variable>of()) {
            arrays.copyInPlace(output, prologue);
            Variable seed = context.fresh("d" + Sweeper.capitalized(output.name()), output.type());
            outputSeeds.put(output, seed);
            context.bindAdjoint(output, seed);
            arrays.copyInPlace(seed, prologue);
        }
        boolean returns = TailReturns.returns(function.body());
        boolean tail = TailReturns.endEveryPath(function.body());
        Variable returnPoint = tail ? null : context.fresh("returnPoint", Type.INT);
        Sweeper sweeper = new Sweeper(context, value, resultAdjoint, returnPoint);
        Sweeps sweeps = tail ? sweeper.tail(function.body()) : sweeper.sequence(function.body().statements());

        List<Stmt> body = new ArrayList<>();
        for (Map.Entry<Variable, Variable> entry : context.adjoints().entrySet()) {
            if (entry.getValue().type() == Type.DOUBLE) {
                body.add(new Stmt.Assign(entry.getValue(), lit(0.0), true, Stmt.Origin.NONE));
            }
        }
        body.addAll(context.prologue());
        body.addAll(prologue);
        if (returnPoint == null) {
            body.addAll(sweeps.forward());
        } else {
            body.add(new Stmt.ForwardSweep(Stmt.Block.of(sweeps.forward())));
        }
        if (returns) {
            body.addAll(sweeps.reverse());
            body.addAll(epilogue);
            body.add(new Stmt.Return(read(value), Stmt.Origin.NONE));
        }
        Set<Variable> parameters = new HashSet<>(function.parameters());
        parameters.add(resultAdjoint);
        parameters.addAll(arrayAdjoints.values());
        parameters.addAll(outputSeeds.values());
        if (gradient != null) {
            parameters.add(gradient);
        }
        context.finish(() -> {
            Stmt.Block block = PullbackCleanup.cleaned(Stmt.Block.of(body), parameters,
                    new HashSet<>(context.adjoints().values()));
            Map<Stmt.Loop, Map<TapeKind, Expr>> reservations = TapeReservations.of(block);
            return new Pullback(function, resultAdjoint, gradient, List.copyOf(scalarAdjoints), arrayAdjoints,
                    outputSeeds, block, TapeSizes.of(function, block), ReusableArrays.of(function, block,
                    context.adjoints(), mayHoldArrays), reservations, TapeSlice.of(block, reservations), written,
                    Collections.unmodifiableMap(context.tapedNotCheckpointed()));
        });
        return context;
    }

    private void arrayParameter(Variable p, boolean differentiated, DiffContext context, ArrayLoops arrays,
            Map<Variable, Variable> arrayAdjoints, List<Stmt> prologue, List<Stmt> epilogue) {
        boolean isWritten = written.contains(p);
        if (isWritten) {
            arrays.copyInPlace(p, prologue);
        }
        if (differentiated) {
            Variable out = context.fresh("d" + Sweeper.capitalized(p.name()), p.type());
            arrayAdjoints.put(p, out);
            if (!isWritten) {
                context.bindAdjoint(p, out);
                return;
            }
            arrays.addInto(read(out), read(context.adjoint(p)), epilogue);
        }
        if (activity.isActive(p)) {
            arrays.zerosLike(context.adjoint(p), read(p), prologue);
        }
    }
}
