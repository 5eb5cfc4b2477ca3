package io.microautograd.fuzz;

import io.microautograd.engine.Value;
import io.microautograd.fuzz.Program.And;
import io.microautograd.fuzz.Program.Assign;
import io.microautograd.fuzz.Program.Binary;
import io.microautograd.fuzz.Program.Break;
import io.microautograd.fuzz.Program.Call;
import io.microautograd.fuzz.Program.Case;
import io.microautograd.fuzz.Program.Compare;
import io.microautograd.fuzz.Program.Cond;
import io.microautograd.fuzz.Program.Continue;
import io.microautograd.fuzz.Program.CountedFor;
import io.microautograd.fuzz.Program.Counter;
import io.microautograd.fuzz.Program.Declare;
import io.microautograd.fuzz.Program.DeclareAlias;
import io.microautograd.fuzz.Program.DeclareArray;
import io.microautograd.fuzz.Program.DeclareInteger;
import io.microautograd.fuzz.Program.Element;
import io.microautograd.fuzz.Program.Expr;
import io.microautograd.fuzz.Program.FloorMod;
import io.microautograd.fuzz.Program.For;
import io.microautograd.fuzz.Program.ForEach;
import io.microautograd.fuzz.Program.ForEachIndex;
import io.microautograd.fuzz.Program.If;
import io.microautograd.fuzz.Program.Index;
import io.microautograd.fuzz.Program.IndexArray;
import io.microautograd.fuzz.Program.IndexElement;
import io.microautograd.fuzz.Program.Inferred;
import io.microautograd.fuzz.Program.IntLiteral;
import io.microautograd.fuzz.Program.IntegerValue;
import io.microautograd.fuzz.Program.Invoke;
import io.microautograd.fuzz.Program.Length;
import io.microautograd.fuzz.Program.Literal;
import io.microautograd.fuzz.Program.Method;
import io.microautograd.fuzz.Program.Negate;
import io.microautograd.fuzz.Program.Not;
import io.microautograd.fuzz.Program.Or;
import io.microautograd.fuzz.Program.Remainder;
import io.microautograd.fuzz.Program.Return;
import io.microautograd.fuzz.Program.ScaledIndex;
import io.microautograd.fuzz.Program.StepWhile;
import io.microautograd.fuzz.Program.Stmt;
import io.microautograd.fuzz.Program.Store;
import io.microautograd.fuzz.Program.Switch;
import io.microautograd.fuzz.Program.SwitchValue;
import io.microautograd.fuzz.Program.Ternary;
import io.microautograd.fuzz.Program.Throw;
import io.microautograd.fuzz.Program.Truncate;
import io.microautograd.fuzz.Program.Var;
import io.microautograd.fuzz.Program.While;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BinaryOperator;
import java.util.function.Function;

/**
 * Runs a fuzzer program on the {@code Value} engine: the dynamic path's answer. Arrays are
 * {@code Value[]} passed by reference, as Java passes {@code double[]}: a helper that writes
 * into its array parameter changes the caller's array, and an alias ({@code double[] b = a;})
 * is the same {@code Value[]} under a second name, so a write through one is read through both.
 * A call of a helper resolves among the overloads of its name as Java does; a guard throws the
 * exception Java throws, with the message Java builds. A StrictMath function gets StrictMath's
 * value, which may be an ulp from Math's, added to the engine's node as a constant, so the
 * gradient is the engine's.
 */
final class ValueInterpreter {

    private static final Map<String, BinaryOperator<Value>> OPERATORS = Map.of(
            "+", Value::add, "-", Value::sub, "*", Value::mul, "/", Value::div);
    /** The functions programs call: Java's Math functions by name, the sigmoid, and the cast to float. */
    private static final Map<String, Function<Value[], Value>> FUNCTIONS = Map.ofEntries(
            Map.entry("sin", v -> v[0].sin()), Map.entry("cos", v -> v[0].cos()), Map.entry("tan", v -> v[0].tan()),
            Map.entry("asin", v -> v[0].asin()), Map.entry("acos", v -> v[0].acos()),
            Map.entry("atan", v -> v[0].atan()), Map.entry("atan2", v -> v[0].atan2(v[1])),
            Map.entry("sinh", v -> v[0].sinh()), Map.entry("cosh", v -> v[0].cosh()),
            Map.entry("tanh", v -> v[0].tanh()), Map.entry("exp", v -> v[0].exp()),
            Map.entry("expm1", v -> v[0].expm1()), Map.entry("log", v -> v[0].log()),
            Map.entry("log10", v -> v[0].log10()), Map.entry("log1p", v -> v[0].log1p()),
            Map.entry("sqrt", v -> v[0].sqrt()), Map.entry("cbrt", v -> v[0].cbrt()),
            Map.entry("pow", v -> v[0].pow(v[1])), Map.entry("hypot", v -> v[0].hypot(v[1])),
            Map.entry("abs", v -> v[0].abs()), Map.entry("max", v -> v[0].max(v[1])),
            Map.entry("min", v -> v[0].min(v[1])), Map.entry("signum", v -> v[0].signum()),
            Map.entry("floor", v -> v[0].floor()), Map.entry("ceil", v -> v[0].ceil()),
            Map.entry("rint", v -> v[0].rint()), Map.entry("sigmoid", v -> v[0].sigmoid()),
            Map.entry("round", v -> v[0].round()),
            Map.entry("toRadians", v -> v[0].toRadians()), Map.entry("toDegrees", v -> v[0].toDegrees()),
            Map.entry("copySign", v -> v[0].copySign(v[1])), Map.entry("fma", v -> v[0].fma(v[1], v[2])),
            Map.entry("scalb", v -> v[0].scalb((int) v[1].data())));

    /** How a statement completed when it did not return. */
    private enum Jump { NONE, BREAK, CONTINUE }

    private final Method method;
    private final Map<String, Value> variables = new HashMap<>();
    private final Map<String, Value[]> arrays = new HashMap<>();
    private final Map<String, int[]> indexArrays = new HashMap<>();
    private final Map<String, Integer> counters = new HashMap<>();
    /** The int and long locals and counters of integer-edges programs, an int's sign-extended. */
    private final Map<String, Long> integers = new HashMap<>();
    private Jump jump = Jump.NONE;

    private ValueInterpreter(Method method) {
        this.method = method;
    }

    /**
     * The method's result at {@code arguments}, one Value per scalar parameter and
     * {@code arrayLength} per array parameter, in order, as a graph whose leaves are
     * {@code arguments} (which the method's writes into its arrays leave alone). The
     * {@code int[]} parameters take no argument: they hold the method's fixed contents.
     */
    static Value run(Method method, Value[] arguments) {
        ValueInterpreter interpreter = new ValueInterpreter(method);
        for (IndexArray indices : method.indexArrays()) {
            interpreter.indexArrays.put(indices.name(), indices.values());
        }
        int at = 0;
        for (String parameter : method.parameters()) {
            if (interpreter.indexArrays.containsKey(parameter)) {
                continue;
            }
            if (method.arrays().contains(parameter)) {
                interpreter.arrays.put(parameter, Arrays.copyOfRange(arguments, at, at + method.arrayLength()));
                at += method.arrayLength();
            } else {
                interpreter.variables.put(parameter, arguments[at++]);
            }
        }
        return interpreter.body();
    }

    private Value body() {
        Value result = block(method.body());
        if (result == null) {
            throw new IllegalStateException("method " + method.name() + " fell off its end");
        }
        return result;
    }

    /**
     * Runs statements; returns the returned value, or null when the block completes normally or
     * jumps out of a loop iteration (then {@link #jump} says which).
     */
    private Value block(List<Stmt> statements) {
        for (Stmt statement : statements) {
            Value returned = statement(statement);
            if (returned != null || jump != Jump.NONE) {
                return returned;
            }
        }
        return null;
    }

    private Value statement(Stmt statement) {
        if (statement instanceof Inferred i) {
            return statement(i.declaration());
        } else if (statement instanceof Switch s) {
            return switchStatement(s);
        } else if (statement instanceof Throw t) {
            throw thrown(t);
        } else if (statement instanceof Declare d) {
            variables.put(d.name(), eval(d.init()));
        } else if (statement instanceof Assign a) {
            variables.put(a.name(), updated(a.op(), variables.get(a.name()), eval(a.value())));
        } else if (statement instanceof Return r) {
            return eval(r.value());
        } else if (statement instanceof If i) {
            return block(test(i.condition()) ? i.then() : i.otherwise());
        } else if (statement instanceof DeclareArray d) {
            Value[] zeros = new Value[index(d.length())];
            Arrays.fill(zeros, Value.of(0.0));
            arrays.put(d.name(), zeros);
        } else if (statement instanceof DeclareAlias d) {
            // The same Value[], not a copy: Java's alias shares the storage.
            arrays.put(d.name(), arrays.get(d.target()));
        } else if (statement instanceof Store s) {
            Value[] array = arrays.get(s.array());
            int slot = index(s.index());
            // Java reads the element before the right-hand side runs, which may call a helper
            // that writes into the same array (JLS 15.26.2).
            Value old = array[slot];
            array[slot] = updated(s.op(), old, eval(s.value()));
        } else if (statement instanceof Break) {
            jump = Jump.BREAK;
        } else if (statement instanceof Continue) {
            jump = Jump.CONTINUE;
        } else if (statement instanceof DeclareInteger d) {
            integers.put(d.name(), Integral.eval(d.value(), integers));
        } else {
            loop(statement);
        }
        return null;
    }

    /** Runs a loop; loops hold no return (the compiler rejects one there). */
    private void loop(Stmt statement) {
        if (statement instanceof For f) {
            for (counters.put(f.counter(), 0); counters.get(f.counter()) < index(f.bound());
                    counters.merge(f.counter(), 1, Integer::sum)) {
                if (iteration(f.body())) {
                    break;
                }
            }
        } else if (statement instanceof While w) {
            counters.put(w.counter(), 0);
            while (counters.get(w.counter()) < index(w.bound())) {
                counters.merge(w.counter(), 1, Integer::sum);
                if (iteration(w.body())) {
                    break;
                }
            }
        } else if (statement instanceof ForEachIndex f) {
            for (int element : indexArrays.get(f.indexArray())) {
                counters.put(f.element(), element);
                if (iteration(f.body())) {
                    break;
                }
            }
        } else if (statement instanceof CountedFor f) {
            for (integers.put(f.counter(), Integral.eval(f.start(), integers));
                    Integral.holds(integers.get(f.counter()), f.op(), Integral.eval(f.bound(), integers));
                    integers.put(f.counter(), Integral.narrowed(integers.get(f.counter()) + f.step(), f.isLong()))) {
                if (iteration(f.body())) {
                    break;
                }
            }
        } else if (statement instanceof StepWhile w) {
            while (Integral.holds(integers.get(w.counter()), w.op(), Integral.eval(w.bound(), integers))) {
                integers.put(w.counter(), Integral.narrowed(integers.get(w.counter()) + w.step(), w.isLong()));
                if (iteration(w.body())) {
                    break;
                }
            }
        } else {
            ForEach f = (ForEach) statement;
            for (Value element : arrays.get(f.array())) {
                variables.put(f.element(), element);
                if (iteration(f.body())) {
                    break;
                }
            }
        }
    }

    /**
     * Runs the cases of a switch statement from the one entered, on into the next ones in a
     * classic switch until a case's statements jump; a break ends the switch, a continue goes on
     * to the enclosing loop.
     */
    private Value switchStatement(Switch s) {
        List<Case> cases = s.cases();
        for (int i = entered(cases, index(s.selector())); i < cases.size(); i++) {
            Value returned = block(cases.get(i).body());
            if (returned != null || jump == Jump.CONTINUE) {
                return returned;
            }
            if (jump == Jump.BREAK || s.arrows()) {
                jump = Jump.NONE;
                return null;
            }
        }
        return null;
    }

    /** The value of a switch expression: what the entered case, or one it runs on into, yields. */
    private Value switchValue(SwitchValue s) {
        List<Case> cases = s.cases();
        for (int i = entered(cases, index(s.selector())); i < cases.size(); i++) {
            block(cases.get(i).body());
            if (cases.get(i).yielded() != null) {
                return eval(cases.get(i).yielded());
            }
        }
        throw new IllegalStateException("no case of a switch expression yields: " + s);
    }

    /** The case a selector enters: the first with its value among the labels, else default; past the end when neither. */
    private static int entered(List<Case> cases, int selector) {
        int fallback = cases.size();
        for (int i = 0; i < cases.size(); i++) {
            if (cases.get(i).labels().contains(selector)) {
                return i;
            }
            fallback = cases.get(i).labels().isEmpty() ? i : fallback;
        }
        return fallback;
    }

    /** The exception a guard throws, with the message Java builds from its text and value. */
    private RuntimeException thrown(Throw t) {
        String message = t.text();
        if (t.value() != null) {
            double shown = eval(t.value()).data();
            String type = Program.typeOf(t.value());
            message += type.equals("double") ? String.valueOf(shown)
                    : type.equals("long") ? String.valueOf((long) shown) : String.valueOf((int) shown);
        }
        try {
            return (RuntimeException) Class.forName("java.lang." + t.exception()).getConstructor(String.class)
                    .newInstance(message);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("no exception java.lang." + t.exception(), e);
        }
    }

    /** Runs one iteration of a loop body; returns whether it broke out of the loop. */
    private boolean iteration(List<Stmt> body) {
        block(body);
        boolean broke = jump == Jump.BREAK;
        jump = Jump.NONE;
        return broke;
    }

    private Value updated(String op, Value old, Value value) {
        return op.isEmpty() ? value : arithmetic(op, old, value);
    }

    private int index(Index index) {
        if (index instanceof IntLiteral l) {
            return l.value();
        } else if (index instanceof Counter c) {
            return counters.get(c.name());
        } else if (index instanceof Length l) {
            return arrays.containsKey(l.array()) ? arrays.get(l.array()).length : indexArrays.get(l.array()).length;
        } else if (index instanceof IndexElement e) {
            return indexArrays.get(e.indexArray())[index(e.index())];
        } else if (index instanceof Truncate t) {
            return (int) eval(t.value()).data();
        } else if (index instanceof FloorMod f) {
            return Math.floorMod(index(f.value()), f.divisor());
        }
        Remainder r = (Remainder) index;
        return index(r.left()) % index(r.right());
    }

    private Value eval(Expr expr) {
        if (!Program.typeOf(expr).equals("double")) {
            return Value.of((double) integer(expr));
        }
        if (expr instanceof Var v) {
            return variables.get(v.name());
        } else if (expr instanceof Literal l) {
            return Value.of(l.value());
        } else if (expr instanceof Negate n) {
            return eval(n.operand()).neg();
        } else if (expr instanceof Binary b) {
            return arithmetic(b.op(), eval(b.left()), eval(b.right()));
        } else if (expr instanceof Call c) {
            return call(c);
        } else if (expr instanceof Element e) {
            return arrays.get(e.array())[index(e.index())];
        } else if (expr instanceof Invoke i && RuledCalls.arrayValueForm(i.helper()) != null) {
            return RuledCalls.arrayValueForm(i.helper()).apply(i.arrays().stream().map(arrays::get).toList(),
                    i.scalars().stream().map(this::eval).toList());
        } else if (expr instanceof Invoke i) {
            return invoke(i);
        } else if (expr instanceof ScaledIndex s) {
            return Value.of(index(s.value()) * s.factor());
        } else if (expr instanceof SwitchValue s) {
            return switchValue(s);
        }
        Ternary t = (Ternary) expr;
        return test(t.condition()) ? eval(t.whenTrue()) : eval(t.whenFalse());
    }

    /**
     * An int or long expression, computed as Java computes it: {@code -n} is the int 0, not -0.0,
     * where n is 0. It holds no differentiated value.
     */
    private long integer(Expr expr) {
        String type = Program.typeOf(expr);
        long value;
        if (expr instanceof IntegerValue i) {
            value = Integral.eval(i.value(), integers);
        } else if (expr instanceof Negate n) {
            value = -integer(n.operand());
        } else if (expr instanceof Binary b) {
            long left = integer(b.left());
            long right = integer(b.right());
            value = b.op().equals("+") ? left + right : b.op().equals("-") ? left - right
                    : b.op().equals("*") ? left * right : left / right;
        } else if (expr instanceof Ternary t) {
            value = test(t.condition()) ? integer(t.whenTrue()) : integer(t.whenFalse());
        } else {
            Call c = (Call) expr;
            long first = integer(c.arguments().get(0));
            value = c.function().equals("abs") ? Math.abs(first) : c.function().equals("max")
                    ? Math.max(first, integer(c.arguments().get(1))) : Math.min(first, integer(c.arguments().get(1)));
        }
        return Integral.narrowed(value, type.equals("long"));
    }

    /**
     * Runs the helper the call resolves to with the caller's arrays themselves (by reference),
     * double or int, and the scalars' values.
     */
    private Value invoke(Invoke invoke) {
        List<String> argumentTypes = new ArrayList<>();
        invoke.arrays().forEach(array -> argumentTypes.add(arrays.containsKey(array) ? "double[]" : "int[]"));
        invoke.scalars().forEach(scalar -> argumentTypes.add(Program.typeOf(scalar)));
        Method helper = OverloadResolution.resolve(method.helpers(), invoke.helper(), argumentTypes);
        ValueInterpreter callee = new ValueInterpreter(helper);
        int arrayArgument = 0;
        int scalarArgument = 0;
        for (String parameter : helper.parameters()) {
            if (helper.arrays().contains(parameter)) {
                callee.arrays.put(parameter, arrays.get(invoke.arrays().get(arrayArgument++)));
            } else if (helper.indexArrays().stream().anyMatch(indices -> indices.name().equals(parameter))) {
                callee.indexArrays.put(parameter, indexArrays.get(invoke.arrays().get(arrayArgument++)));
            } else if (!helper.typeOf(parameter).equals("double")) {
                callee.integers.put(parameter, (long) eval(invoke.scalars().get(scalarArgument++)).data());
            } else {
                callee.variables.put(parameter, eval(invoke.scalars().get(scalarArgument++)));
            }
        }
        return callee.body();
    }

    /**
     * Every function and operator the interpreter runs, by the name its program node uses: the
     * binary operators by symbol, unary minus as {@code neg}, the functions by name.
     */
    static Set<String> functions() {
        Set<String> names = new TreeSet<>(OPERATORS.keySet());
        names.add("neg");
        names.addAll(FUNCTIONS.keySet());
        return names;
    }

    private static Value arithmetic(String op, Value left, Value right) {
        BinaryOperator<Value> operator = OPERATORS.get(op);
        if (operator == null) {
            throw new IllegalArgumentException("operator " + op);
        }
        return operator.apply(left, right);
    }

    private Value call(Call call) {
        Function<Value[], Value> function = FUNCTIONS.containsKey(call.function()) ? FUNCTIONS.get(call.function())
                : RuledCalls.valueForm(call.function());
        if (function == null) {
            throw new IllegalArgumentException("no Value form of Math." + call.function());
        }
        Value[] arguments = call.arguments().stream().map(this::eval).toArray(Value[]::new);
        Value engine = function.apply(arguments);
        return call.spelling().strict ? withValue(engine, StrictMathValues.of(call.function(), List.of(arguments)))
                : engine;
    }

    /**
     * {@code engine} with the value {@code exact}, by adding their difference as a constant, which
     * leaves the gradient alone; the difference of two doubles an ulp or so apart is exact.
     */
    private static Value withValue(Value engine, double exact) {
        if (Double.compare(engine.data(), exact) == 0) {
            return engine;
        }
        Value corrected = engine.add(exact - engine.data());
        if (Double.compare(corrected.data(), exact) != 0) {
            throw new IllegalStateException("the engine's " + engine.data() + " does not become " + exact);
        }
        return corrected;
    }

    private boolean test(Cond cond) {
        if (cond instanceof Compare c) {
            Value left = eval(c.left());
            Value right = eval(c.right());
            switch (c.op()) {
                case "<": return left.lt(right);
                case "<=": return left.le(right);
                case ">": return left.gt(right);
                case ">=": return left.ge(right);
                default: throw new IllegalArgumentException("comparison " + c.op());
            }
        } else if (cond instanceof And a) {
            return test(a.left()) && test(a.right());
        } else if (cond instanceof Or o) {
            return test(o.left()) || test(o.right());
        }
        return !test(((Not) cond).operand());
    }
}
