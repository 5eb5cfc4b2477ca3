package io.microautograd.processor;

import io.microautograd.processor.diff.WrittenArrays;
import io.microautograd.processor.ir.Callee;
import io.microautograd.processor.ir.Expr;
import io.microautograd.processor.ir.IrWalk;
import io.microautograd.processor.ir.Variable;
import io.microautograd.processor.parse.ParsedMethod;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The calls between the {@code @Differentiable} methods of one round. A method is generated only
 * when every differentiable method it calls is: recursion is rejected, a call that passes an
 * array to a method writing into that parameter is rejected (the caller's reverse sweep would
 * read the array after the callee changed it), and a caller of a method that has errors is left
 * out with an error at the call. It also tells which methods may hold on to an array they are
 * given, so that a caller does not keep that array between its calls.
 */
final class CallGraph {

    /** Why a call keeps its caller from being generated. */
    enum Reason {
        /** The call leads back to its caller. */
        RECURSION,
        /** The callee writes into an array parameter, so the call would change the caller's array. */
        WRITES_ARRAY_ARGUMENT,
        /** The callee could not be differentiated. */
        BROKEN_CALLEE
    }

    /** A call that keeps its caller from being generated, and why; {@code detail} names a written parameter. */
    record BrokenCall(String caller, Expr.Call call, Reason reason, String detail) {
    }

    private final Map<String, List<Expr.Call>> calls = new LinkedHashMap<>();
    private final Map<String, List<String>> writtenArrayParameters = new LinkedHashMap<>();
    private final Map<String, Set<String>> arrayReceivers = new LinkedHashMap<>();
    private final Set<String> passArraysToPlainMethods = new HashSet<>();

    /** The key of a method: its class, name and arity. */
    static String key(String ownerClass, String name, int arity) {
        return ownerClass + "#" + name + "/" + arity;
    }

    /** Adds a method read without errors. */
    void add(String key, ParsedMethod method) {
        List<Expr.Call> out = new ArrayList<>();
        Set<String> receivers = new LinkedHashSet<>();
        IrWalk.statements(method.function().body(), s -> {
            for (Expr e : IrWalk.expressionsOf(s)) {
                IrWalk.expressions(e, x -> {
                    if (x instanceof Expr.Call call && call.callee().isDifferentiable()) {
                        out.add(call);
                    }
                    if (x instanceof Expr.Call call && call.arguments().stream().anyMatch(a -> a.type().isArray())) {
                        if (call.callee().isDifferentiable()) {
                            receivers.add(calleeKey(call.callee()));
                        } else {
                            passArraysToPlainMethods.add(key);
                        }
                    }
                });
            }
        });
        calls.put(key, out);
        arrayReceivers.put(key, receivers);
        Set<Variable> written = WrittenArrays.of(method.function());
        List<String> parameters = new ArrayList<>();
        for (Variable parameter : method.function().parameters()) {
            if (written.contains(parameter)) {
                parameters.add(parameter.name());
            }
        }
        writtenArrayParameters.put(key, parameters);
    }

    /**
     * The calls that keep their callers from being generated: calls on a cycle, calls of methods
     * that write into an array parameter, and calls of methods in {@code failed} or of methods
     * left out for any of these reasons.
     */
    List<BrokenCall> brokenCalls(Set<String> failed) {
        List<BrokenCall> broken = new ArrayList<>();
        Set<String> excluded = new LinkedHashSet<>(failed);
        for (String method : calls.keySet()) {
            for (Expr.Call call : calls.get(method)) {
                List<String> written = writtenArrayParameters.getOrDefault(calleeKey(call), List.of());
                if (reaches(calleeKey(call), method, new LinkedHashSet<>())) {
                    broken.add(new BrokenCall(method, call, Reason.RECURSION, ""));
                    excluded.add(method);
                } else if (!written.isEmpty()) {
                    broken.add(new BrokenCall(method, call, Reason.WRITES_ARRAY_ARGUMENT, written.get(0)));
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
                        broken.add(new BrokenCall(method, call, Reason.BROKEN_CALLEE, ""));
                        excluded.add(method);
                        changed = true;
                    }
                }
            }
        }
        return broken;
    }

    /**
     * Whether a call of {@code callee} may let an array it is given outlive the call: whether the
     * callee, or a method it calls, passes an array to a method without {@code @Differentiable}
     * (which could hold on to it), or to one this round did not read (which cannot be looked into).
     */
    boolean mayHoldArrays(Callee callee) {
        return mayHoldArrays(calleeKey(callee), new HashSet<>());
    }

    private boolean mayHoldArrays(String method, Set<String> visited) {
        if (!arrayReceivers.containsKey(method)) {
            return true;
        }
        if (passArraysToPlainMethods.contains(method)) {
            return true;
        }
        if (!visited.add(method)) {
            return false;
        }
        for (String receiver : arrayReceivers.get(method)) {
            if (mayHoldArrays(receiver, visited)) {
                return true;
            }
        }
        return false;
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
        return calleeKey(call.callee());
    }

    private static String calleeKey(Callee callee) {
        return key(callee.ownerClass(), callee.name(), callee.parameterTypes().size());
    }
}
