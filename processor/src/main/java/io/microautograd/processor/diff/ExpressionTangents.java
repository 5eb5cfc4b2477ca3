package io.microautograd.processor.diff;

import static io.microautograd.processor.ir.Exprs.cond;
import static io.microautograd.processor.ir.Exprs.lit;
import static io.microautograd.processor.ir.Exprs.mul;
import static io.microautograd.processor.ir.Exprs.read;

import io.microautograd.processor.ir.Callee;
import io.microautograd.processor.ir.Expr;
import io.microautograd.processor.ir.Exprs;
import io.microautograd.processor.ir.IrWalk;
import io.microautograd.processor.ir.Stmt;
import io.microautograd.processor.ir.Type;
import io.microautograd.processor.ir.UnaryOp;
import io.microautograd.processor.ir.Variable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The tangent of an expression: the derivative of its value along the tangents of the variables
 * it reads, as IR over the same variables and their tangents. The tangent of a primitive is the
 * sum of its partials from {@link DerivativeRules} times its inputs' tangents, so forward and
 * reverse mode share the one rule table. A null tangent is zero: the expression does not depend on
 * a differentiated input.
 *
 * <p>A rule that reads its output (exp, tanh, sqrt, ...) would compute it again, and so would a
 * call's tangent the call's value; {@link #hoisted} puts such values into temporaries first, as
 * reverse mode keeps them from its forward sweep, so that the statement and its tangent read each
 * once. So it does with the scalar value of a call no differentiated input reaches, which the
 * statement and its tangent (or a callee's tangent) would otherwise both make. The value of a call
 * of a method with a user's pullback is the one the pullback returns, since the tangent calls it
 * anyway.
 *
 * <p>In a pullback, the tangent of a value popped off a double or row tape is popped off it too: the
 * forward sweep pushed it after the value.
 */
final class ExpressionTangents {

    private final Activity activity;
    private final UnaryOperator<Variable> tangents;
    private final FreshVariables variables;
    private final String prefix;
    private final ArrayLoops arrays;
    private final Map<Variable, Variable> temporaries = new HashMap<>();
    private final Map<Expr, Variable> outputs = new IdentityHashMap<>();

    /**
     * @param tangents gives the tangent variable of an active variable
     * @param prefix what the name of a temporary's tangent starts with, before the temporary's
     */
    ExpressionTangents(Activity activity, UnaryOperator<Variable> tangents, FreshVariables variables, String prefix) {
        this.activity = activity;
        this.tangents = tangents;
        this.variables = variables;
        this.prefix = prefix;
        this.arrays = new ArrayLoops(variables);
    }

    /**
     * The tangent of a double expression, or null for zero. {@code out} receives the statements
     * it needs first: zero tangent arrays for inactive arrays passed to a differentiated parameter.
     */
    Expr of(Expr e, List<Stmt> out) {
        return isActive(e) ? e.accept(new Tangents(out)) : null;
    }

    /**
     * {@code e} reading temporaries that {@code out} computes first, with their tangents: the active
     * Math calls whose rule reads their output and the active calls of {@code @Differentiable}
     * methods; and, without a tangent, the other calls of a scalar value; all outside conditional
     * expressions (which must not evaluate their untaken side).
     */
    Expr hoisted(Expr e, List<Stmt> out) {
        if (e instanceof Expr.Unary u) {
            return new Expr.Unary(u.op(), hoisted(u.operand(), out));
        }
        if (e instanceof Expr.Binary b && !b.op().isComparisonOrLogical()) {
            return new Expr.Binary(b.op(), hoisted(b.left(), out), hoisted(b.right(), out));
        }
        if (e instanceof Expr.Cast c) {
            return new Expr.Cast(c.type(), hoisted(c.operand(), out));
        }
        Expr call;
        String hint;
        if (e instanceof Expr.MathCall m) {
            call = new Expr.MathCall(m.function(), hoisted(m.arguments(), out), m.strict());
            hint = m.function().javaName();
            if (!DerivativeRules.readsOutput(m.function())) {
                return call;
            }
        } else if (e instanceof Expr.Call c) {
            call = new Expr.Call(c.callee(), hoisted(c.arguments(), out));
            hint = c.callee().name();
        } else {
            return e;
        }
        if (call.type() != Type.DOUBLE || !isActive(call)) {
            return call instanceof Expr.Call && !call.type().hasElements() ? made(hint, call, out) : call;
        }
        Variable value = variables.fresh(hint, Type.DOUBLE);
        Variable tangent = variables.fresh(prefix + Sweeper.capitalized(hint), Type.DOUBLE);
        Expr t;
        if (call instanceof Expr.Call c && c.callee().pullbackRule() != null) {
            t = new Tangents(out).alongGradient(c, value);
        } else {
            out.add(new Stmt.Assign(value, call, true, Stmt.Origin.NONE));
            outputs.put(call, value);
            t = of(call, out);
        }
        out.add(new Stmt.Assign(tangent, t, true, Stmt.Origin.NONE));
        temporaries.put(value, tangent);
        return read(value);
    }

    /**
     * A read of a temporary that {@code out} sets to the value of {@code call}, a call that no
     * differentiated input reaches: the statement and its tangent (which the call's value may
     * scale) read it, so the call is made once, as in the source.
     */
    private Expr made(String hint, Expr call, List<Stmt> out) {
        Variable value = variables.fresh(hint, call.type());
        out.add(new Stmt.Assign(value, call, true, Stmt.Origin.NONE));
        return read(value);
    }

    /**
     * {@code a + b}, as {@code a - c} where b is {@code -c}, which rounds the same (IEEE 754 defines
     * a - c as a + -c): a tangent is a sum of terms, some of them negated. Reverse code keeps the
     * sum, since it folds repeated updates of an adjoint by their terms.
     */
    private static Expr add(Expr a, Expr b) {
        return b instanceof Expr.Unary u && u.op() == UnaryOp.NEG ? Exprs.sub(a, u.operand()) : Exprs.add(a, b);
    }

    private List<Expr> hoisted(List<Expr> expressions, List<Stmt> out) {
        List<Expr> result = new ArrayList<>();
        for (Expr e : expressions) {
            result.add(hoisted(e, out));
        }
        return List.copyOf(result);
    }

    /** Whether a double or array expression depends on a differentiated input, here or through a temporary. */
    private boolean isActive(Expr e) {
        if (e.type() != Type.DOUBLE && !e.type().isArray()) {
            return false;
        }
        boolean[] temporary = {false};
        IrWalk.expressions(e, x -> temporary[0] |= x instanceof Expr.Read r && temporaries.containsKey(r.variable()));
        return temporary[0] || activity.dependsOnActive(e);
    }

    /** The tangent of a double expression, the literal 0 where it is zero. */
    Expr orZero(Expr e, List<Stmt> out) {
        Expr t = of(e, out);
        return t == null ? lit(0.0) : t;
    }

    /** The tangent of an array expression, a new zeroed array shaped like it where it is zero. */
    Expr arrayOrZeros(Expr e, List<Stmt> out) {
        Expr t = of(e, out);
        if (t != null) {
            return t;
        }
        if (e.type() == Type.DOUBLE_ARRAY) {
            return new Expr.NewArray(Type.DOUBLE_ARRAY, List.of(new Expr.Length(e)));
        }
        Variable zeros = variables.fresh("zeroTangent", e.type());
        arrays.zerosLike(zeros, e, out);
        return read(zeros);
    }

    /**
     * The call of the tangent method of {@code e}'s callee ({@code gTangent} for {@code g}): its
     * arguments, then the tangent of each one the callee differentiates.
     */
    Expr.Call tangentCall(Expr.Call e, List<Stmt> out) {
        Callee callee = e.callee();
        List<Expr> arguments = new ArrayList<>(e.arguments());
        List<Type> types = new ArrayList<>(callee.parameterTypes());
        for (int i = 0; i < e.arguments().size(); i++) {
            if (callee.differentiated().get(i)) {
                Expr argument = e.arguments().get(i);
                arguments.add(callee.parameterTypes().get(i) == Type.DOUBLE ? orZero(argument, out)
                        : arrayOrZeros(argument, out));
                types.add(callee.parameterTypes().get(i));
            }
        }
        Callee tangent = new Callee(callee.gradientClass() != null ? callee.gradientClass() : callee.ownerClass(),
                null, callee.name() + "Tangent", List.of(), List.copyOf(types),
                Collections.nCopies(types.size(), false), Type.DOUBLE);
        return new Expr.Call(tangent, List.copyOf(arguments));
    }

    /** The tangent of one active expression, kind by kind. */
    private final class Tangents implements Expr.Visitor<Expr> {

        private final List<Stmt> out;

        Tangents(List<Stmt> out) {
            this.out = out;
        }

        @Override
        public Expr read(Expr.Read e) {
            Variable temporary = temporaries.get(e.variable());
            return Exprs.read(temporary != null ? temporary : tangents.apply(e.variable()));
        }

        @Override
        public Expr element(Expr.Element e) {
            return new Expr.Element(of(e.array(), out), e.index());
        }

        @Override
        public Expr cast(Expr.Cast e) {
            return of(e.operand(), out);
        }

        @Override
        public Expr conditional(Expr.Conditional e) {
            return cond(e.condition(), orZero(e.whenTrue(), out), orZero(e.whenFalse(), out));
        }

        @Override
        public Expr unary(Expr.Unary e) {
            return primitive(e, e.op(), List.of(e.operand()));
        }

        @Override
        public Expr binary(Expr.Binary e) {
            return primitive(e, e.op(), List.of(e.left(), e.right()));
        }

        @Override
        public Expr mathCall(Expr.MathCall e) {
            return primitive(e, e.function(), e.arguments());
        }

        @Override
        public Expr call(Expr.Call e) {
            if (e.callee().rule() != null) {
                return primitive(e, e.callee().rule(), e.arguments());
            }
            if (e.callee().pullbackRule() != null) {
                return alongGradient(e, null);
            }
            return tangentCall(e, out);
        }

        @Override
        public Expr cloneArray(Expr.Clone e) {
            return new Expr.Clone(of(e.array(), out));
        }

        @Override
        public Expr literal(Expr.Literal e) {
            throw inactive(e);
        }

        @Override
        public Expr constant(Expr.Constant e) {
            throw inactive(e);
        }

        @Override
        public Expr length(Expr.Length e) {
            throw inactive(e);
        }

        @Override
        public Expr newArray(Expr.NewArray e) {
            throw inactive(e);
        }

        @Override
        public Expr arrayLiteral(Expr.ArrayLiteral e) {
            List<Expr> elements = new ArrayList<>();
            for (Expr element : e.elements()) {
                elements.add(e.type().elementType() == Type.DOUBLE ? orZero(element, out)
                        : arrayOrZeros(element, out));
            }
            return new Expr.ArrayLiteral(e.type(), List.copyOf(elements));
        }

        @Override
        public Expr pop(Expr.Pop e) {
            return new Expr.Pop(e.tape());
        }

        private IllegalStateException inactive(Expr e) {
            return new IllegalStateException("no differentiated input reaches " + e);
        }

        /**
         * A call of a method with a user's pullback: the pullback with seed 1 adds the gradient of
         * the value into zeroed adjoint storage, and the tangent is that gradient's dot product with
         * the arguments' tangents. The pullback returns the value, which {@code value} (when not
         * null) is declared to hold, so that the target need not be called for it too.
         */
        private Expr alongGradient(Expr.Call e, Variable value) {
            Callee callee = e.callee();
            String hint = callee.name();
            List<Expr> arguments = new ArrayList<>(e.arguments());
            arguments.add(lit(1.0));
            Variable gradient = null;
            int scalars = callee.differentiatedScalarCount();
            if (scalars > 0) {
                gradient = variables.fresh(hint + "ScalarGradient", Type.DOUBLE_ARRAY);
                out.add(new Stmt.Assign(gradient, new Expr.NewArray(Type.DOUBLE_ARRAY, List.of(lit(scalars))), true,
                        Stmt.Origin.NONE));
                arguments.add(Exprs.read(gradient));
            }
            Map<Integer, Variable> arrayGradients = new HashMap<>();
            for (int i = 0; i < e.arguments().size(); i++) {
                if (callee.parameterTypes().get(i).isArray()) {
                    String parameter = Sweeper.capitalized(callee.parameterNames().get(i));
                    Variable d = variables.fresh(hint + "Gradient" + parameter, callee.parameterTypes().get(i));
                    arrays.zerosLike(d, e.arguments().get(i), out);
                    arguments.add(Exprs.read(d));
                    arrayGradients.put(i, d);
                }
            }
            Expr.Call pullback = new Expr.Call(callee.pullback(), List.copyOf(arguments));
            out.add(value == null ? new Stmt.Evaluate(pullback) : new Stmt.Assign(value, pullback, true,
                    Stmt.Origin.NONE));
            Variable sum = variables.fresh("d" + Sweeper.capitalized(hint) + "Sum", Type.DOUBLE);
            out.add(new Stmt.Assign(sum, lit(0.0), true, Stmt.Origin.NONE));
            int slot = 0;
            for (int i = 0; i < e.arguments().size(); i++) {
                Expr argument = e.arguments().get(i);
                Expr t = of(argument, out);
                if (callee.parameterTypes().get(i) == Type.DOUBLE) {
                    if (t != null) {
                        Expr partial = new Expr.Element(Exprs.read(gradient), lit(slot));
                        out.add(new Stmt.Assign(sum, add(Exprs.read(sum), mul(partial, t)), false, Stmt.Origin.NONE));
                    }
                    slot++;
                } else if (t != null && arrayGradients.containsKey(i)) {
                    arrays.addDot(sum, Exprs.read(arrayGradients.get(i)), t, out);
                }
            }
            return Exprs.read(sum);
        }

        /**
         * An operator or Math function: the sum over its active inputs of the input's tangent
         * times the rule table's partial. The rule's inputs are doubles whatever the operands'
         * types, so that every row computes in double, as in reverse mode.
         */
        private Expr primitive(Expr e, Object primitive, List<Expr> inputs) {
            List<Expr> x = inputs.stream().map(Exprs::asDouble).toList();
            Variable output = outputs.get(e);
            List<Expr> partials = DerivativeRules.partials(primitive, x, output == null ? e : Exprs.read(output));
            Expr sum = null;
            for (int i = 0; i < inputs.size(); i++) {
                Expr t = partials.get(i) == null ? null : of(inputs.get(i), out);
                if (t != null) {
                    Expr term = mul(t, partials.get(i));
                    sum = sum == null ? term : add(sum, term);
                }
            }
            return sum == null ? lit(0.0) : sum;
        }
    }
}
