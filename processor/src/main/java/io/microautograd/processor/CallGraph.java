package io.microautograd.processor;

import io.microautograd.processor.ir.Expr;
import io.microautograd.processor.ir.IrWalk;
import io.microautograd.processor.parse.ParsedMethod;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The calls between the {@code @Differentiable} methods of one round. A method is generated only
 * when every differentiable method it calls is: recursion is rejected, and a caller of a method
 * that has errors is left out with an error at the call.
 */
final class CallGraph {

    /** A call that keeps its caller from being generated, and why. */
    record BrokenCall(String caller, Expr.Call call, boolean recursive) {
    }

    private final Map<String, List<Expr.Call>> calls = new LinkedHashMap<>();

    /** The key of a method: its class, name and arity. */
    static String key(String ownerClass, String name, int arity) {
        return ownerClass + "#" + name + "/" + arity;
    }

    /** Adds a method read without errors. */
    void add(String key, ParsedMethod method) {
        List<Expr.Call> out = new ArrayList<>();
        IrWalk.statements(method.function().body(), s -> {
            for (Expr e : IrWalk.expressionsOf(s)) {
                IrWalk.expressions(e, x -> {
                    if (x instanceof Expr.Call call && call.callee().isDifferentiable()) {
                        out.add(call);
                    }
                });
            }
        });
        calls.put(key, out);
    }

    /**
     * The calls that keep their callers from being generated: calls on a cycle, and calls of
     * methods in {@code failed} or of methods left out for either reason.
     */
    List<BrokenCall> brokenCalls(Set<String> failed) {
        List<BrokenCall> broken = new ArrayList<>();
        Set<String> excluded = new LinkedHashSet<>(failed);
        for (String method : calls.keySet()) {
            for (Expr.Call call : calls.get(method)) {
                if (reaches(calleeKey(call), method, new LinkedHashSet<>())) {
                    broken.add(new BrokenCall(method, call, true));
                    excluded.add(method);
                }
            }
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (String method : calls.keySet()) {
                for (Expr.Call call : calls.get(method)) {
                    if (!excluded.contains(method) && excluded.contains(calleeKey(call))) {
                        broken.add(new BrokenCall(method, call, false));
                        excluded.add(method);
                        changed = true;
                    }
                }
            }
        }
        return broken;
    }

    private boolean reaches(String from, String target, Set<String> visited) {
        if (from.equals(target)) {
            return true;
        }
        if (!visited.add(from) || !calls.containsKey(from)) {
            return false;
        }
        for (Expr.Call call : calls.get(from)) {
            if (reaches(calleeKey(call), target, visited)) {
                return true;
            }
        }
        return false;
    }

    private static String calleeKey(Expr.Call call) {
        return key(call.callee().ownerClass(), call.callee().name(), call.callee().parameterTypes().size());
    }
}
