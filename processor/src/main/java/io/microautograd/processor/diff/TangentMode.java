package io.microautograd.processor.diff;

import static io.microautograd.processor.ir.Exprs.binary;
import static io.microautograd.processor.ir.Exprs.lit;
import static io.microautograd.processor.ir.Exprs.read;

import io.microautograd.processor.ir.BinaryOp;
import io.microautograd.processor.ir.Expr;
import io.microautograd.processor.ir.Function;
import io.microautograd.processor.ir.Stmt;
import io.microautograd.processor.ir.TapeKind;
import io.microautograd.processor.ir.Type;
import io.microautograd.processor.ir.Variable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Forward-mode differentiation of a function into a {@link Tangent}: an IR-to-IR pass that puts
 * before each statement of the source the statement computing its tangent, with no tape. Each
 * active double variable gets a tangent variable and each active array a tangent array of the
 * same shape; a tangent is computed before the value it belongs to, so it reads the values the
 * statement reads. Branches, loops and guards keep their shape, since they decide on values the
 * tangent pass leaves as they are. A {@code return} returns the tangent of its value, so the
 * values that only led to the source's result are left out ({@link UnreadValues}).
 *
 * <p>Array parameters the method writes into work on copies, their tangents too, so the caller's
 * arrays are left as they were, as in {@link ReverseMode}; so the tangent method, like the
 * pullback, rejects a call that passes such an array for another parameter too
 * ({@link Tangent#separations()}).
 *
 * <p>The same pass over a pullback's body gives its tangent, forward over reverse
 * ({@link ForwardOverReverse}): there a double or row pushed on a tape is followed by its tangent,
 * which the reverse sweep pops before the value; int and long tapes hold no derivatives and get no
 * twins. A call of another pullback becomes a call of that pullback's tangent, which makes the
 * call's own effects too.
 */
public final class TangentMode {

    private final Function function;
    private final Activity activity;
    private final FreshVariables variables;
    private final Map<Variable, Variable> tangents = new LinkedHashMap<>();
    private final Map<Variable, Variable> outputTangents = new LinkedHashMap<>();
    private final ExpressionTangents expressions;
    private final boolean returnsValue;
    private final String prefix;

    /**
     * @param returnsValue whether a {@code return} returns its value, not its tangent
     * @param prefix what a tangent's name starts with, before its variable's capitalized name
     */
    TangentMode(Function function, boolean returnsValue, String prefix) {
        this.function = function;
        this.activity = Activity.of(function);
        this.variables = new FreshVariables(function.firstFreeId());
        this.expressions = new ExpressionTangents(activity, this::tangentOf, variables, prefix);
        this.returnsValue = returnsValue;
        this.prefix = prefix;
    }

    /** Differentiates a function in forward mode. */
    public static Tangent differentiate(Function function) {
        return new TangentMode(function, false, "d").build(false);
    }

    /**
     * Differentiates a function with outputs into its Jacobian-vector product: the tangent method
     * that also gives the outputs' tangents, in arrays the caller passes
     * ({@link Tangent#outputTangents()}), zeroed at entry, since the method may leave elements unwritten.
     */
    public static Tangent jacobianVector(Function function) {
        return new TangentMode(function, false, "d").build(true);
    }

    private Tangent build(boolean withOutputs) {
        Map<Variable, Variable> parameters = new LinkedHashMap<>();
        List<Stmt> body = new ArrayList<>();
        if (withOutputs) {
            ArrayLoops arrays = new ArrayLoops(variables);
            for (Variable output : function.outputs()) {
                outputTangents.put(output, tangentOf(output));
                arrays.zero(read(tangentOf(output)), body);
            }
        }
        Set<Variable> written = WrittenArrays.of(function);
        parameterTangents(written, Map.of(), parameters, body);
        body.addAll(statements(function.body().statements()));
        return new Tangent(function, parameters, outputTangents, UnreadValues.removed(Stmt.Block.of(body)), written);
    }

    /**
     * The tangent of a body whose differentiated parameters get tangent parameters, named as
     * {@code names} says, put into {@code parameterTangents} in order, and whose other active
     * parameters get zero tangents; unlike {@link #build()}, no parameter is copied, since the body
     * copies what it writes.
     */
    Stmt.Block differentiatedBody(Map<Variable, String> names, Map<Variable, Variable> parameterTangents) {
        List<Stmt> body = new ArrayList<>();
        parameterTangents(Set.of(), names, parameterTangents, body);
        body.addAll(statements(function.body().statements()));
        return UnreadValues.removed(Stmt.Block.of(body));
    }

    /**
     * Gives each differentiated parameter its tangent parameter, named as {@code names} says where
     * it says, into {@code parameterTangents}, and each other active parameter a zero tangent. The
     * parameters in {@code copied}, and their tangent parameters, are replaced by copies first.
     */
    private void parameterTangents(Set<Variable> copied, Map<Variable, String> names,
            Map<Variable, Variable> parameterTangents, List<Stmt> body) {
        ArrayLoops arrays = new ArrayLoops(variables);
        for (Variable p : function.parameters()) {
            if (copied.contains(p)) {
                arrays.copyInPlace(p, body);
            }
            if (function.differentiated().contains(p)) {
                Variable t = names.containsKey(p) ? variables.fresh(names.get(p), p.type()) : tangentOf(p);
                tangents.put(p, t);
                parameterTangents.put(p, t);
                if (copied.contains(p)) {
                    arrays.copyInPlace(t, body);
                }
            } else if (p.type() == Type.DOUBLE && activity.isActive(p)) {
                body.add(new Stmt.Assign(tangentOf(p), lit(0.0), true, Stmt.Origin.NONE));
            } else if (p.type().isArray() && activity.isActive(p) && !outputTangents.containsKey(p)) {
                arrays.zerosLike(tangentOf(p), read(p), body);
            }
        }
    }

    private Variable tangentOf(Variable v) {
        return tangents.computeIfAbsent(v, k -> variables.fresh(prefix + Sweeper.capitalized(k.name()), k.type()));
    }

    /**
     * A pullback's guard that skips work while its adjoints are zero ({@link ZeroAdjointSkip}),
     * {@code dA != 0.0 || dB != 0.0}, widened to run while their tangents are nonzero too, since
     * the tangent of the skipped work is not zero then; any other condition as it is. The guard
     * tests generated variables only, which no source condition reads.
     */
    private Expr orTangentsNonzero(Expr condition) {
        List<Variable> tested = new ArrayList<>();
        if (!returnsValue || !zeroTests(condition, tested)) {
            return condition;
        }
        Expr widened = condition;
        for (Variable v : tested) {
            if (activity.isActive(v)) {
                widened = binary(BinaryOp.OR, widened, binary(BinaryOp.NE, read(tangentOf(v)), lit(0.0)));
            }
        }
        return widened;
    }

    /**
     * Whether {@code e} is {@code g != 0.0}, or such tests joined by {@code ||}, of generated
     * doubles, which go into {@code tested}.
     */
    private static boolean zeroTests(Expr e, List<Variable> tested) {
        if (e instanceof Expr.Binary b && b.op() == BinaryOp.OR) {
            return zeroTests(b.left(), tested) && zeroTests(b.right(), tested);
        }
        if (e instanceof Expr.Binary b && b.op() == BinaryOp.NE && b.left() instanceof Expr.Read r
                && r.variable().role() == Variable.Role.GENERATED && r.variable().type() == Type.DOUBLE
                && b.right() instanceof Expr.Literal zero && Double.parseDouble(zero.text()) == 0.0) {
            tested.add(r.variable());
            return true;
        }
        return false;
    }

    private List<Stmt> statements(List<Stmt> source) {
        List<Stmt> out = new ArrayList<>();
        for (Stmt s : source) {
            s.accept(new Statements(out));
        }
        return out;
    }

    private Stmt.Block block(Stmt.Block source) {
        return Stmt.Block.of(statements(source.statements()));
    }

    /** Appends each statement, preceded by its tangent's, to {@code out}. */
    private final class Statements implements Stmt.Visitor<Void> {

        private final List<Stmt> out;

        Statements(List<Stmt> out) {
            this.out = out;
        }

        @Override
        public Void assign(Stmt.Assign s) {
            Variable target = s.target();
            if (!activity.isActive(target)) {
                out.add(s);
            } else if (target.type() == Type.DOUBLE) {
                Expr value = expressions.hoisted(s.value(), out);
                out.add(new Stmt.Assign(tangentOf(target), expressions.orZero(value, out), s.declaration(),
                        Stmt.Origin.NONE));
                out.add(new Stmt.Assign(target, value, s.declaration(), s.origin()));
            } else {
                out.add(new Stmt.Assign(tangentOf(target), arrayTangent(s.value()), s.declaration(),
                        Stmt.Origin.NONE));
                out.add(s);
            }
            return null;
        }

        @Override
        public Void store(Stmt.Store s) {
            if (!activity.dependsOnActive(s.array())) {
                out.add(s);
                return null;
            }
            Expr value = expressions.hoisted(s.value(), out);
            Expr array = expressions.of(s.array(), out);
            Expr tangent = value.type().isArray() ? arrayTangent(value) : expressions.orZero(value, out);
            out.add(new Stmt.Store(array, s.index(), tangent, Stmt.Origin.NONE));
            out.add(new Stmt.Store(s.array(), s.index(), value, s.origin()));
            return null;
        }

        /** The tangent of an array value: a new array's is a new array of its shape. */
        private Expr arrayTangent(Expr value) {
            return value instanceof Expr.NewArray allocation ? allocation : expressions.arrayOrZeros(value, out);
        }

        @Override
        public Void block(Stmt.Block s) {
            out.add(TangentMode.this.block(s));
            return null;
        }

        @Override
        public Void ifStatement(Stmt.If s) {
            out.add(new Stmt.If(orTangentsNonzero(s.condition()), TangentMode.this.block(s.thenBlock()),
                    TangentMode.this.block(s.elseBlock()), s.origin()));
            return null;
        }

        @Override
        public Void loop(Stmt.Loop s) {
            out.add(new Stmt.Loop(s.kind(), statements(s.init()), s.condition(), statements(s.update()),
                    TangentMode.this.block(s.body()), s.origin()));
            return null;
        }

        @Override
        public Void returnStatement(Stmt.Return s) {
            if (returnsValue) {
                out.add(s);
                return null;
            }
            out.add(new Stmt.Return(expressions.orZero(expressions.hoisted(s.value(), out), out), s.origin()));
            return null;
        }

        @Override
        public Void breakStatement(Stmt.Break s) {
            out.add(s);
            return null;
        }

        @Override
        public Void continueStatement(Stmt.Continue s) {
            out.add(s);
            return null;
        }

        @Override
        public Void throwStatement(Stmt.Throw s) {
            out.add(s);
            return null;
        }

        @Override
        public Void comment(Stmt.Comment s) {
            out.add(s);
            return null;
        }

        @Override
        public Void evaluate(Stmt.Evaluate s) {
            out.add(activity.dependsOnActiveArgument(s.call()) ? new Stmt.Evaluate(expressions.tangentCall(s.call(),
                    out)) : s);
            return null;
        }

        @Override
        public Void push(Stmt.Push s) {
            out.add(s);
            if (s.tape() == TapeKind.DOUBLE) {
                out.add(new Stmt.Push(s.tape(), expressions.orZero(s.value(), out)));
            } else if (s.tape() == TapeKind.ROW) {
                out.add(new Stmt.Push(s.tape(), expressions.arrayOrZeros(s.value(), out)));
            }
            return null;
        }

        @Override
        public Void forwardSweep(Stmt.ForwardSweep s) {
            out.add(new Stmt.ForwardSweep(TangentMode.this.block(s.body())));
            return null;
        }

        @Override
        public Void leaveForward(Stmt.LeaveForward s) {
            out.add(s);
            return null;
        }

        @Override
        public Void keepSnapshots(Stmt.KeepSnapshots s) {
            throw generatedOnly(s);
        }

        @Override
        public Void reverseSegments(Stmt.ReverseSegments s) {
            throw generatedOnly(s);
        }

        private IllegalStateException generatedOnly(Stmt s) {
            return new IllegalStateException("the tangent pass reads taped code, which has no " + s);
        }
    }
}
