package io.microautograd.fuzz;

import io.microautograd.engine.Value;
import io.microautograd.fuzz.Program.And;
import io.microautograd.fuzz.Program.Assign;
import io.microautograd.fuzz.Program.Binary;
import io.microautograd.fuzz.Program.Call;
import io.microautograd.fuzz.Program.Compare;
import io.microautograd.fuzz.Program.Cond;
import io.microautograd.fuzz.Program.Declare;
import io.microautograd.fuzz.Program.Expr;
import io.microautograd.fuzz.Program.If;
import io.microautograd.fuzz.Program.Literal;
import io.microautograd.fuzz.Program.Method;
import io.microautograd.fuzz.Program.Negate;
import io.microautograd.fuzz.Program.Not;
import io.microautograd.fuzz.Program.Or;
import io.microautograd.fuzz.Program.Return;
import io.microautograd.fuzz.Program.Stmt;
import io.microautograd.fuzz.Program.Ternary;
import io.microautograd.fuzz.Program.Var;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Runs a fuzzer program on the {@code Value} engine: the dynamic path's answer. */
final class ValueInterpreter {

    private final Map<String, Value> variables = new HashMap<>();

    private ValueInterpreter() {
    }

    /** The method's result at {@code arguments}, as a graph whose leaves are {@code arguments}. */
    static Value run(Method method, Value[] arguments) {
        ValueInterpreter interpreter = new ValueInterpreter();
        for (int i = 0; i < arguments.length; i++) {
            interpreter.variables.put(method.parameters().get(i), arguments[i]);
        }
        Value result = interpreter.block(method.body());
        if (result == null) {
            throw new IllegalStateException("method " + method.name() + " fell off its end");
        }
        return result;
    }

    /** Runs statements; returns the returned value, or null when the block completes normally. */
    private Value block(List<Stmt> statements) {
        for (Stmt statement : statements) {
            Value returned = statement(statement);
            if (returned != null) {
                return returned;
            }
        }
        return null;
    }

    private Value statement(Stmt statement) {
        if (statement instanceof Declare d) {
            variables.put(d.name(), eval(d.init()));
        } else if (statement instanceof Assign a) {
            Value value = eval(a.value());
            Value old = variables.get(a.name());
            variables.put(a.name(), a.op().isEmpty() ? value : arithmetic(a.op(), old, value));
        } else if (statement instanceof Return r) {
            return eval(r.value());
        } else if (statement instanceof If i) {
            return block(test(i.condition()) ? i.then() : i.otherwise());
        }
        return null;
    }

    private Value eval(Expr expr) {
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
        }
        Ternary t = (Ternary) expr;
        return test(t.condition()) ? eval(t.whenTrue()) : eval(t.whenFalse());
    }

    private static Value arithmetic(String op, Value left, Value right) {
        switch (op) {
            case "+": return left.add(right);
            case "-": return left.sub(right);
            case "*": return left.mul(right);
            case "/": return left.div(right);
            default: throw new IllegalArgumentException("operator " + op);
        }
    }

    private Value call(Call call) {
        Value x = eval(call.arguments().get(0));
        Value y = call.arguments().size() > 1 ? eval(call.arguments().get(1)) : null;
        switch (call.function()) {
            case "sin": return x.sin();
            case "cos": return x.cos();
            case "tan": return x.tan();
            case "asin": return x.asin();
            case "acos": return x.acos();
            case "atan": return x.atan();
            case "atan2": return x.atan2(y);
            case "sinh": return x.sinh();
            case "cosh": return x.cosh();
            case "tanh": return x.tanh();
            case "exp": return x.exp();
            case "expm1": return x.expm1();
            case "log": return x.log();
            case "log10": return x.log10();
            case "log1p": return x.log1p();
            case "sqrt": return x.sqrt();
            case "cbrt": return x.cbrt();
            case "pow": return x.pow(y);
            case "hypot": return x.hypot(y);
            case "abs": return x.abs();
            case "max": return x.max(y);
            case "min": return x.min(y);
            case "signum": return x.signum();
            case "floor": return x.floor();
            case "ceil": return x.ceil();
            case "rint": return x.rint();
            default: throw new IllegalArgumentException("no Value form of Math." + call.function());
        }
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
