package io.microautograd.processor.diff;

import static io.microautograd.processor.ir.Exprs.add;
import static io.microautograd.processor.ir.Exprs.lit;
import static io.microautograd.processor.ir.Exprs.mul;
import static io.microautograd.processor.ir.Exprs.read;

import io.microautograd.processor.ir.BinaryOp;
import io.microautograd.processor.ir.Callee;
import io.microautograd.processor.ir.Expr;
import io.microautograd.processor.ir.Exprs;
import io.microautograd.processor.ir.IrWalk;
import io.microautograd.processor.ir.MathFunction;
import io.microautograd.processor.ir.Stmt;
import io.microautograd.processor.ir.TapeKind;
import io.microautograd.processor.ir.Type;
import io.microautograd.processor.ir.Variable;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Emits the reverse-sweep code of one expression: given the adjoint of its value, adds the
 * adjoints of the variables and array elements it reads. Intermediate values the rules need are
 * recomputed once into temporaries; the maths comes from {@link DerivativeRules}.
 */
final class ExpressionAdjoints {

    private final DiffContext context;
    private final Map<Expr, Variable> recorded = new IdentityHashMap<>();

    ExpressionAdjoints(DiffContext context) {
        this.context = context;
    }

    /**
     * The forward half of keeping intermediate outputs: computes each Math call of {@code e}
     * whose derivative reads its output (exp, tanh, sqrt, ...) into a temporary before the
     * statement, so the reverse sweep reads it instead of calling the function again. Inside
     * loops the temporaries go on the tape and {@code reverseStart} takes them back.
     *
     * @return {@code e} reading the temporaries, for the forward statement; it computes the same value
     */
    Expr recordOutputs(Expr e, boolean inLoop, List<Stmt> forward, List<Stmt> reverseStart) {
        if (e instanceof Expr.Unary u) {
            return new Expr.Unary(u.op(), recordOutputs(u.operand(), inLoop, forward, reverseStart));
        }
        if (e instanceof Expr.Binary b && !b.op().isComparisonOrLogical()) {
            return new Expr.Binary(b.op(), recordOutputs(b.left(), inLoop, forward, reverseStart),
                    recordOutputs(b.right(), inLoop, forward, reverseStart));
        }
        if (e instanceof Expr.Cast c) {
            return new Expr.Cast(c.type(), recordOutputs(c.operand(), inLoop, forward, reverseStart));
        }
        if (!(e instanceof Expr.MathCall m)) {
            return e;
        }
        List<Expr> arguments = new ArrayList<>();
        for (Expr argument : m.arguments()) {
            arguments.add(recordOutputs(argument, inLoop, forward, reverseStart));
        }
        Expr call = new Expr.MathCall(m.function(), List.copyOf(arguments), m.strict());
        if (!DerivativeRules.readsOutput(m.function()) || !context.activity().dependsOnActive(e)
                || m.type() != Type.DOUBLE) {
            return call;
        }
        Variable temp = context.fresh(m.function().javaName(), Type.DOUBLE);
        forward.add(new Stmt.Assign(temp, call, true, Stmt.Origin.NONE));
        if (inLoop) {
            forward.add(new Stmt.Push(TapeKind.DOUBLE, read(temp)));
            reverseStart.add(0, new Stmt.Assign(temp, new Expr.Pop(TapeKind.DOUBLE), false, Stmt.Origin.NONE));
        }
        recorded.put(e, temp);
        return read(temp);
    }

    /** Appends to {@code out} the code adding {@code adjoint} times d(e)/d(inputs) into their adjoints. */
    void propagate(Expr e, Expr adjoint, List<Stmt> out) {
        if (context.activity().dependsOnActive(e)) {
            e.accept(new Propagation(adjoint, out));
        }
    }

    /** The reverse code of one active expression, by kind: the chain rule's step through it. */
    private final class Propagation implements Expr.Visitor<Void> {

        private final Expr adjoint;
        private final List<Stmt> out;

        Propagation(Expr adjoint, List<Stmt> out) {
            this.adjoint = adjoint;
            this.out = out;
        }

        @Override
        public Void read(Expr.Read e) {
            Variable d = context.adjoint(e.variable());
            out.add(new Stmt.Assign(d, add(Exprs.read(d), adjoint), false, Stmt.Origin.NONE));
            return null;
        }

        @Override
        public Void element(Expr.Element e) {
            Expr d = context.adjointArray(e.array());
            out.add(new Stmt.Store(d, e.index(), add(new Expr.Element(d, e.index()), adjoint), Stmt.Origin.NONE));
            return null;
        }

        @Override
        public Void cast(Expr.Cast e) {
            propagate(e.operand(), adjoint, out);
            return null;
        }

        @Override
        public Void conditional(Expr.Conditional e) {
            Expr bound = bind(adjoint, "t", out);
            List<Stmt> whenTrue = new ArrayList<>();
            List<Stmt> whenFalse = new ArrayList<>();
            propagate(e.whenTrue(), bound, whenTrue);
            propagate(e.whenFalse(), bound, whenFalse);
            out.add(new Stmt.If(e.condition(), Stmt.Block.of(whenTrue), Stmt.Block.of(whenFalse), Stmt.Origin.NONE));
            return null;
        }

        @Override
        public Void call(Expr.Call e) {
            callPullback(e, adjoint, out);
            return null;
        }

        @Override
        public Void unary(Expr.Unary e) {
            primitive(e, e.op(), List.of(e.operand()), adjoint, out);
            return null;
        }

        @Override
        public Void binary(Expr.Binary e) {
            primitive(e, e.op(), List.of(e.left(), e.right()), adjoint, out);
            return null;
        }

        @Override
        public Void mathCall(Expr.MathCall e) {
            primitive(e, e.function(), e.arguments(), adjoint, out);
            return null;
        }

        @Override
        public Void literal(Expr.Literal e) {
            throw inactive(e);
        }

        @Override
        public Void constant(Expr.Constant e) {
            throw inactive(e);
        }

        @Override
        public Void length(Expr.Length e) {
            throw inactive(e);
        }

        @Override
        public Void pop(Expr.Pop e) {
            throw inactive(e);
        }

        @Override
        public Void newArray(Expr.NewArray e) {
            throw notScalar(e);
        }

        @Override
        public Void arrayLiteral(Expr.ArrayLiteral e) {
            throw notScalar(e);
        }

        @Override
        public Void cloneArray(Expr.Clone e) {
            throw notScalar(e);
        }

        private IllegalStateException inactive(Expr e) {
            return new IllegalStateException("no differentiated input reaches " + e);
        }

        private IllegalStateException notScalar(Expr e) {
            return new IllegalStateException("array values pass adjoints by their element stores, not as " + e);
        }
    }

    /**
     * An operator or Math function: each active input's adjoint gains the incoming adjoint times
     * the rule table's partial.
     */
    private void primitive(Expr e, Object primitive, List<Expr> inputs, Expr adjoint, List<Stmt> out) {
        List<Variable> inputSlots = new ArrayList<>();
        List<Expr> placeholders = new ArrayList<>();
        // The rule's inputs are doubles whatever the operands' types, so that every row computes in
        // double: atan2's n * n + x * x would overflow for an int n.
        for (Expr input : inputs) {
            Variable slot = context.fresh("t", Type.DOUBLE);
            inputSlots.add(slot);
            Variable known = recorded.get(input);
            placeholders.add(known != null ? read(known) : Exprs.isTrivial(input) ? Exprs.asDouble(input) : read(slot));
        }
        Variable known = recorded.get(e);
        Variable output = known != null ? known : context.fresh(outputHint(primitive), Type.DOUBLE);
        List<Expr> partials = new ArrayList<>(DerivativeRules.partials(primitive, placeholders, read(output)));
        for (int i = 0; i < inputs.size(); i++) {
            if (!context.activity().dependsOnActive(inputs.get(i))) {
                partials.set(i, null);
            }
        }
        boolean needsOutput = mentions(partials, output);
        for (int i = 0; i < inputs.size(); i++) {
            boolean free = Exprs.isTrivial(inputs.get(i)) || recorded.containsKey(inputs.get(i));
            if (!free && (needsOutput && known == null || mentions(partials, inputSlots.get(i)))) {
                out.add(new Stmt.Assign(inputSlots.get(i), inputs.get(i), true, Stmt.Origin.NONE));
            }
        }
        if (needsOutput && known == null) {
            out.add(new Stmt.Assign(output, IrWalk.rebuilt(e, placeholders), true, Stmt.Origin.NONE));
        }
        long activeInputs = partials.stream().filter(p -> p != null).count();
        Expr bound = activeInputs > 1 ? bind(adjoint, "t", out) : adjoint;
        for (int i = 0; i < inputs.size(); i++) {
            if (partials.get(i) != null) {
                propagate(inputs.get(i), mul(bound, partials.get(i)), out);
            }
        }
    }

    private static String outputHint(Object primitive) {
        if (primitive instanceof MathFunction function) {
            return function.javaName();
        }
        return primitive == BinaryOp.DIV ? "quotient" : "v";
    }

    private static boolean mentions(List<Expr> partials, Variable v) {
        return partials.stream().anyMatch(partial -> partial != null && IrWalk.reads(partial, v));
    }

    /** The expression itself when reading it is free, else a temporary holding its value. */
    Expr bind(Expr e, String hint, List<Stmt> out) {
        return Exprs.isTrivial(e) ? e : copy(e, hint, out);
    }

    /** A new temporary holding the expression's current value. */
    Expr copy(Expr e, String hint, List<Stmt> out) {
        Variable temp = context.fresh(hint, e.type());
        out.add(new Stmt.Assign(temp, e, true, Stmt.Origin.NONE));
        return read(temp);
    }

    /**
     * A call of another {@code @Differentiable} method: its generated pullback adds the
     * argument adjoints, scalar ones into a scratch array kept for this call site.
     */
    private void callPullback(Expr.Call call, Expr adjoint, List<Stmt> out) {
        Callee callee = call.callee();
        List<Expr> arguments = new ArrayList<>();
        for (Expr argument : call.arguments()) {
            arguments.add(argument.type() == Type.DOUBLE ? bind(argument, "t", out) : argument);
        }
        int scalars = callee.differentiatedScalarCount();
        Variable scratch = null;
        if (scalars > 0) {
            scratch = context.fresh(callee.name() + "Adjoints", Type.DOUBLE_ARRAY);
            context.prologue().add(new Stmt.Assign(scratch, new Expr.NewArray(Type.DOUBLE_ARRAY,
                    List.of(lit(scalars))), true, Stmt.Origin.NONE));
            for (int slot = 0; slot < scalars; slot++) {
                out.add(new Stmt.Store(read(scratch), lit(slot), lit(0.0), Stmt.Origin.NONE));
            }
        }
        List<Expr> pullbackArguments = new ArrayList<>(arguments);
        pullbackArguments.add(adjoint);
        List<Type> pullbackTypes = new ArrayList<>(callee.parameterTypes());
        pullbackTypes.add(Type.DOUBLE);
        if (scratch != null) {
            pullbackArguments.add(read(scratch));
            pullbackTypes.add(Type.DOUBLE_ARRAY);
        }
        for (int i = 0; i < arguments.size(); i++) {
            if (callee.differentiated().get(i) && callee.parameterTypes().get(i).isArray()) {
                Expr argument = arguments.get(i);
                pullbackArguments.add(context.activity().dependsOnActive(argument) ? context.adjointArray(argument)
                        : new Expr.Clone(argument));
                pullbackTypes.add(argument.type());
            }
        }
        Callee pullback = new Callee(callee.gradientClass(), null, callee.name() + "Pullback", List.of(),
                List.copyOf(pullbackTypes), List.copyOf(pullbackTypes.stream().map(t -> false).toList()),
                Type.DOUBLE);
        out.add(new Stmt.Evaluate(new Expr.Call(pullback, List.copyOf(pullbackArguments))));
        int slot = 0;
        for (int i = 0; i < arguments.size(); i++) {
            if (callee.differentiated().get(i) && callee.parameterTypes().get(i) == Type.DOUBLE) {
                propagate(call.arguments().get(i), new Expr.Element(read(scratch), lit(slot)), out);
                slot++;
            }
        }
    }
}
