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
import io.microautograd.processor.ir.Stmt;
import io.microautograd.processor.ir.TapeKind;
import io.microautograd.processor.ir.Type;
import io.microautograd.processor.ir.UnaryOp;
import io.microautograd.processor.ir.Variable;
import java.util.ArrayList;
import java.util.HashMap;
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
    /**
     * The values the reverse code of the statement being propagated has computed into temporaries
     * where its code goes on, by expression: no variable the source reads changes while one
     * statement's adjoints propagate, so an expression has one value there, computed once.
     */
    private Map<Expr, Variable> available = new HashMap<>();

    ExpressionAdjoints(DiffContext context) {
        this.context = context;
    }

    /**
     * The forward half of keeping intermediate outputs: computes each Math call of {@code e}
     * whose derivative reads its output (exp, tanh, sqrt, ...), and each call whose user's partials
     * do, into a temporary before the
     * statement, so the reverse sweep reads it instead of calling the function again. A call the
     * statement makes twice, {@code Math.exp(z) / (1 + Math.exp(z))}, is made once: it gives the
     * same number each time. Inside loops the temporaries go on the tape and {@code reverseStart}
     * takes them back.
     *
     * @return {@code e} reading the temporaries, for the forward statement; it computes the same value
     */
    Expr recordOutputs(Expr e, boolean inLoop, List<Stmt> forward, List<Stmt> reverseStart) {
        return recordOutputs(e, inLoop, forward, reverseStart, new HashMap<>());
    }

    private Expr recordOutputs(Expr e, boolean inLoop, List<Stmt> forward, List<Stmt> reverseStart,
            Map<Expr, Variable> made) {
        if (e instanceof Expr.Unary u) {
            return new Expr.Unary(u.op(), recordOutputs(u.operand(), inLoop, forward, reverseStart, made));
        }
        if (e instanceof Expr.Binary b && !b.op().isComparisonOrLogical()) {
            return new Expr.Binary(b.op(), recordOutputs(b.left(), inLoop, forward, reverseStart, made),
                    recordOutputs(b.right(), inLoop, forward, reverseStart, made));
        }
        if (e instanceof Expr.Cast c) {
            return new Expr.Cast(c.type(), recordOutputs(c.operand(), inLoop, forward, reverseStart, made));
        }
        if (DerivativeRules.primitiveOf(e) == null) {
            return e;
        }
        List<Expr> arguments = new ArrayList<>();
        for (Expr argument : IrWalk.children(e)) {
            arguments.add(recordOutputs(argument, inLoop, forward, reverseStart, made));
        }
        Expr call = IrWalk.rebuilt(e, List.copyOf(arguments));
        if (!DerivativeRules.readsOutputOf(e) || !context.activity().dependsOnActive(e)
                || e.type() != Type.DOUBLE) {
            return call;
        }
        Variable earlier = made.get(e);
        if (earlier != null) {
            recorded.put(e, earlier);
            return read(earlier);
        }
        Variable temp = context.fresh(Hints.of(e), Type.DOUBLE);
        made.put(e, temp);
        forward.add(new Stmt.Assign(temp, call, true, Stmt.Origin.NONE));
        if (inLoop) {
            forward.add(new Stmt.Push(TapeKind.DOUBLE, read(temp)));
            reverseStart.add(0, new Stmt.Assign(temp, new Expr.Pop(TapeKind.DOUBLE), false, Stmt.Origin.NONE));
        }
        recorded.put(e, temp);
        return read(temp);
    }

    /**
     * One statement's reverse code with each run of consecutive updates of one adjoint folded into
     * one update, in the branches of its ifs too: {@code dX += a; dX += b} as {@code dX += a + b},
     * {@code dX += a; dX += -b} as {@code dX += a - b}, and {@code dX += a; dX += a} as
     * {@code dX += 2.0 * a}, which rounds as {@code a + a} does (doubling is exact). Updates of an
     * element fold when the second reads no adjoint element, which the first may have changed.
     */
    static List<Stmt> folded(List<Stmt> reverse) {
        List<Stmt> out = new ArrayList<>();
        for (Stmt s : reverse) {
            Stmt next = s instanceof Stmt.If i ? new Stmt.If(i.condition(), Stmt.Block.of(folded(i.thenBlock().statements())),
                    Stmt.Block.of(folded(i.elseBlock().statements())), i.origin()) : s;
            Stmt merged = out.isEmpty() ? null : merged(out.get(out.size() - 1), next);
            if (merged != null) {
                out.set(out.size() - 1, merged);
            } else {
                out.add(next);
            }
        }
        return out;
    }

    /** Two updates of one adjoint as one, or null when they are not that. */
    private static Stmt merged(Stmt first, Stmt second) {
        if (first instanceof Stmt.Assign x && second instanceof Stmt.Assign y && x.target().equals(y.target())) {
            Expr a = added(x.value(), read(x.target()));
            Expr b = added(y.value(), read(x.target()));
            return a == null || b == null || IrWalk.reads(b, x.target()) ? null
                    : new Stmt.Assign(x.target(), add(read(x.target()), combined(a, b)), false, Stmt.Origin.NONE);
        }
        if (first instanceof Stmt.Store x && second instanceof Stmt.Store y && x.array().equals(y.array())
                && x.index().equals(y.index())) {
            Expr element = new Expr.Element(x.array(), x.index());
            Expr a = added(x.value(), element);
            Expr b = added(y.value(), element);
            return a == null || b == null || readsGeneratedElement(b) ? null
                    : new Stmt.Store(x.array(), x.index(), add(element, combined(a, b)), Stmt.Origin.NONE);
        }
        return null;
    }

    private static Expr combined(Expr a, Expr b) {
        if (a.equals(b)) {
            return mul(lit(2.0), a);
        }
        if (b instanceof Expr.Unary u && u.op() == UnaryOp.NEG) {
            return Exprs.sub(a, u.operand());
        }
        if (a instanceof Expr.Unary u && u.op() == UnaryOp.NEG) {
            return Exprs.sub(b, u.operand());
        }
        return add(a, b);
    }

    /** The {@code e} of {@code target + e}, or null. */
    private static Expr added(Expr value, Expr target) {
        return value instanceof Expr.Binary b && b.op() == BinaryOp.ADD && b.left().equals(target) ? b.right() : null;
    }

    private static boolean readsGeneratedElement(Expr e) {
        boolean[] found = {false};
        IrWalk.expressions(e, x -> found[0] |= x instanceof Expr.Element el
                && IrWalk.root(el.array()).role() == Variable.Role.GENERATED);
        return found[0];
    }

    /**
     * Appends to {@code out} the code adding {@code adjoint} times d(e)/d(inputs) into their adjoints,
     * the reverse code of one expression of a statement.
     */
    void propagate(Expr e, Expr adjoint, List<Stmt> out) {
        available = new HashMap<>();
        flow(e, adjoint, out);
    }

    private void flow(Expr e, Expr adjoint, List<Stmt> out) {
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
            flow(e.operand(), adjoint, out);
            return null;
        }

        @Override
        public Void conditional(Expr.Conditional e) {
            Expr bound = bind(adjoint, e, out);
            Map<Expr, Variable> outside = available;
            List<Stmt> whenTrue = new ArrayList<>();
            List<Stmt> whenFalse = new ArrayList<>();
            available = new HashMap<>(outside);
            flow(e.whenTrue(), bound, whenTrue);
            available = new HashMap<>(outside);
            flow(e.whenFalse(), bound, whenFalse);
            available = outside;
            out.add(new Stmt.If(e.condition(), Stmt.Block.of(whenTrue), Stmt.Block.of(whenFalse), Stmt.Origin.NONE));
            return null;
        }

        @Override
        public Void call(Expr.Call e) {
            if (e.callee().rule() != null) {
                primitive(e, e.callee().rule(), e.arguments(), adjoint, out);
            } else {
                callPullback(e, adjoint, out);
            }
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
            Variable slot = context.fresh(Hints.of(input), Type.DOUBLE);
            Variable known = known(input);
            int same = inputs.indexOf(input);
            inputSlots.add(same < inputSlots.size() ? inputSlots.get(same) : slot);
            placeholders.add(known != null ? read(known) : isCheap(input) ? Exprs.asDouble(input)
                    : read(inputSlots.get(inputSlots.size() - 1)));
        }
        Variable known = known(e);
        Variable output = known != null ? known : context.fresh(Hints.output(primitive), Type.DOUBLE);
        List<Expr> partials = new ArrayList<>(DerivativeRules.partials(primitive, placeholders, read(output)));
        for (int i = 0; i < inputs.size(); i++) {
            if (!context.activity().dependsOnActive(inputs.get(i))) {
                partials.set(i, null);
            }
        }
        boolean needsOutput = mentions(partials, output);
        for (int i = 0; i < inputs.size(); i++) {
            Expr input = inputs.get(i);
            boolean free = isCheap(input) || known(input) != null || inputs.indexOf(input) < i;
            if (!free && (needsOutput && known == null || mentions(partials, inputSlots.get(i)))) {
                out.add(new Stmt.Assign(inputSlots.get(i), reduced(input, out), true, Stmt.Origin.NONE));
                available.put(input, inputSlots.get(i));
            }
        }
        if (needsOutput && known == null) {
            out.add(new Stmt.Assign(output, IrWalk.rebuilt(e, placeholders), true, Stmt.Origin.NONE));
            available.put(e, output);
        }
        long activeInputs = partials.stream().filter(p -> p != null).count();
        Expr bound = activeInputs > 1 ? bind(adjoint, e, out) : adjoint;
        for (int i = 0; i < inputs.size(); i++) {
            if (partials.get(i) != null) {
                flow(inputs.get(i), mul(bound, partials.get(i)), out);
            }
        }
    }

    private static boolean mentions(List<Expr> partials, Variable v) {
        return partials.stream().anyMatch(partial -> partial != null && IrWalk.reads(partial, v));
    }

    /** The variable already holding the value of {@code e}: recorded by the forward sweep, or computed here. */
    private Variable known(Expr e) {
        Variable forward = recorded.get(e);
        return forward != null ? forward : available.get(e);
    }

    /**
     * {@code e} reading the values already computed, after computing into temporaries the Math
     * calls in it whose derivative reads their output (exp, tanh, ...), which the reverse code of
     * the expressions they are part of then reads instead of calling the function again.
     */
    private Expr reduced(Expr e, List<Stmt> out) {
        Variable known = known(e);
        return known != null ? read(known) : IrWalk.withChildren(e, child -> part(child, out));
    }

    private Expr part(Expr e, List<Stmt> out) {
        Expr value = reduced(e, out);
        if (known(e) == null && DerivativeRules.readsOutputOf(e) && e.type() == Type.DOUBLE
                && context.activity().dependsOnActive(e)) {
            Variable temp = context.fresh(Hints.of(e), Type.DOUBLE);
            out.add(new Stmt.Assign(temp, value, true, Stmt.Origin.NONE));
            available.put(e, temp);
            return read(temp);
        }
        return value;
    }

    /**
     * The adjoint itself when reading it is free, else a temporary holding its value, named after
     * it when it is an element ({@code dZS} for {@code dZ[s]}), else as the adjoint of {@code of}.
     */
    Expr bind(Expr adjoint, Expr of, List<Stmt> out) {
        if (Exprs.isTrivial(adjoint)) {
            return adjoint;
        }
        return copy(adjoint, adjoint instanceof Expr.Element ? Hints.of(adjoint) : Hints.adjoint(of), out);
    }

    /**
     * Whether a value the source reads costs nothing to read again in the reverse sweep: a variable,
     * a constant, an element at an index of such, a length, a cast of one: no primal array changes
     * while one statement's adjoints propagate, so the element read there is the one the statement
     * read.
     */
    private static boolean isCheap(Expr e) {
        if (e instanceof Expr.Element el) {
            return isCheap(el.array()) && isIndex(el.index());
        }
        if (e instanceof Expr.Length || e instanceof Expr.Cast) {
            return isCheap(IrWalk.children(e).get(0));
        }
        return Exprs.isTrivial(e);
    }

    private static boolean isIndex(Expr e) {
        if (e instanceof Expr.Binary b) {
            return b.type() != Type.DOUBLE && !b.op().isComparisonOrLogical() && isIndex(b.left()) && isIndex(b.right());
        }
        return Exprs.isTrivial(e);
    }

    /** A new temporary holding the expression's current value. */
    Expr copy(Expr e, String hint, List<Stmt> out) {
        Variable temp = context.fresh(hint, e.type());
        out.add(new Stmt.Assign(temp, e, true, Stmt.Origin.NONE));
        return read(temp);
    }

    /**
     * A call of another {@code @Differentiable} method or of a method with a user's pullback: the
     * pullback adds the argument adjoints, scalar ones into a scratch array kept for this call site.
     */
    private void callPullback(Expr.Call call, Expr adjoint, List<Stmt> out) {
        Callee callee = call.callee();
        List<Expr> arguments = new ArrayList<>();
        for (Expr argument : call.arguments()) {
            arguments.add(argument.type() != Type.DOUBLE || isCheap(argument) ? argument
                    : copy(argument, Hints.of(argument), out));
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
        if (scratch != null) {
            pullbackArguments.add(read(scratch));
        }
        for (int i = 0; i < arguments.size(); i++) {
            if (callee.differentiated().get(i) && callee.parameterTypes().get(i).isArray()) {
                Expr argument = arguments.get(i);
                pullbackArguments.add(context.activity().dependsOnActive(argument) ? context.adjointArray(argument)
                        : new Expr.Clone(argument));
            }
        }
        out.add(new Stmt.Evaluate(new Expr.Call(callee.pullback(), List.copyOf(pullbackArguments))));
        int slot = 0;
        for (int i = 0; i < arguments.size(); i++) {
            if (callee.differentiated().get(i) && callee.parameterTypes().get(i) == Type.DOUBLE) {
                flow(call.arguments().get(i), new Expr.Element(read(scratch), lit(slot)), out);
                slot++;
            }
        }
    }
}
