package io.microautograd.processor;

import io.microautograd.processor.diff.WrittenArrays;
import io.microautograd.processor.ir.Callee;
import io.microautograd.processor.ir.Expr;
import io.microautograd.processor.ir.Function;
import io.microautograd.processor.ir.IrWalk;
import io.microautograd.processor.ir.MethodFacts;
import io.microautograd.processor.ir.MethodKey;
import io.microautograd.processor.ir.Variable;
import io.microautograd.processor.parse.ParsedMethod;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The calls between {@code @Differentiable} methods: those of this round, read from the IR, and
 * those they reach that were compiled in another javac run, known by their facts. A method is
 * generated only when every differentiable method it calls is: recursion is rejected, a call that
 * passes an array to a method writing into that parameter is rejected (the caller's reverse sweep
 * would read the array after the callee changed it), a method of order 2 may call only methods of
 * order 2 (its Hessian-vector product calls theirs), and a caller of a method that has errors is
 * left out with an error at the call. It also tells which methods may hold on to an array they are
 * given, so that a caller does not keep that array between its calls. The rules read only {@link
 * MethodFacts}, so they are the same for a callee of this round and one compiled elsewhere.
 */
final class CallGraph {

    /** Why a call keeps its caller from being generated. */
    enum Reason {
        /** The call leads back to its caller. */
        RECURSION,
        /** The callee writes into an array parameter, so the call would change the caller's array. */
        WRITES_ARRAY_ARGUMENT,
        /** The callee could not be differentiated. */
        BROKEN_CALLEE,
        /**
         * The caller has order 2 and the callee has no second-order methods, which the caller's
         * Hessian-vector product calls.
         */
        FIRST_ORDER_CALLEE,
        /**
         * The caller has order 2 and the callee's derivative is a user's rule, whose own
         * derivative the caller's Hessian-vector product would need: rules give none.
         */
        RULE_WITHOUT_SECOND_ORDER
    }

    /** A call that keeps its caller from being generated, and why; {@code detail} names a written parameter. */
    record BrokenCall(MethodKey caller, Expr.Call call, Reason reason, String detail) {
    }

    /** Where the facts of methods this round does not read come from. */
    interface FactsElsewhere {
        /** The facts of a {@code @Differentiable} method compiled in another javac run, if it is one and has them. */
        Optional<MethodFacts> find(MethodKey method);
    }

    private final FactsElsewhere elsewhere;
    private final Map<MethodKey, List<Expr.Call>> calls = new LinkedHashMap<>();
    private final Map<MethodKey, List<Expr.Call>> ruleCalls = new LinkedHashMap<>();
    private final Map<MethodKey, MethodFacts> facts = new HashMap<>();
    private final Map<MethodKey, Optional<MethodFacts>> factsElsewhere = new HashMap<>();

    CallGraph(FactsElsewhere elsewhere) {
        this.elsewhere = elsewhere;
    }

    /** Adds a method of this round read without errors. */
    void add(MethodKey key, ParsedMethod method) {
        List<Expr.Call> differentiableCalls = new ArrayList<>();
        List<Expr.Call> callsOfRules = new ArrayList<>();
        boolean[] passesArraysToPlainMethods = {false};
        IrWalk.statements(method.function().body(), s -> {
            for (Expr e : IrWalk.expressionsOf(s)) {
                IrWalk.expressions(e, x -> {
                    if (x instanceof Expr.Call call && (call.callee().rule() != null
                            || call.callee().pullbackRule() != null)) {
                        callsOfRules.add(call);
                    }
                    if (x instanceof Expr.Call call && call.callee().isDifferentiable()) {
                        differentiableCalls.add(call);
                    } else if (x instanceof Expr.Call call && passesArrays(call)) {
                        passesArraysToPlainMethods[0] = true;
                    }
                });
            }
        });
        calls.put(key, differentiableCalls);
        ruleCalls.put(key, callsOfRules);
        facts.put(key, derive(method.function(), differentiableCalls, passesArraysToPlainMethods[0]));
    }

    /** The facts of a method of this round, as its generated pullback records them. */
    MethodFacts facts(MethodKey method) {
        return facts.get(method);
    }

    /**
     * The calls that keep their callers from being generated: calls on a cycle, calls of methods
     * that write into an array parameter, and calls of methods in {@code failed} or of methods
     * left out for any of these reasons.
     */
    List<BrokenCall> brokenCalls(Set<MethodKey> failed) {
        List<BrokenCall> broken = new ArrayList<>();
        Set<MethodKey> excluded = new LinkedHashSet<>(failed);
        for (MethodKey method : calls.keySet()) {
            for (Expr.Call call : calls.get(method)) {
                Optional<MethodFacts> callee = factsOf(call.callee().key());
                if (reaches(call.callee().key(), method, new HashSet<>())) {
                    broken.add(new BrokenCall(method, call, Reason.RECURSION, ""));
                    excluded.add(method);
                } else if (callee.isPresent() && !callee.get().writtenArrays().isEmpty()) {
                    String parameter = callee.get().parameterNames().get(callee.get().writtenArrays().get(0));
                    broken.add(new BrokenCall(method, call, Reason.WRITES_ARRAY_ARGUMENT, parameter));
                    excluded.add(method);
                } else if (callee.isPresent() && callee.get().order() < facts.get(method).order()) {
                    broken.add(new BrokenCall(method, call, Reason.FIRST_ORDER_CALLEE, ""));
                    excluded.add(method);
                }
            }
        }
        for (MethodKey method : ruleCalls.keySet()) {
            if (facts.get(method).order() > 1) {
                for (Expr.Call call : ruleCalls.get(method)) {
                    broken.add(new BrokenCall(method, call, Reason.RULE_WITHOUT_SECOND_ORDER, ""));
                    excluded.add(method);
                }
            }
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (MethodKey method : calls.keySet()) {
                for (Expr.Call call : calls.get(method)) {
                    if (!excluded.contains(method) && excluded.contains(call.callee().key())) {
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
     * (which could hold on to it), or to one whose facts are unknown.
     */
    boolean mayHoldArrays(Callee callee) {
        return mayHoldArrays(callee.key(), new HashSet<>());
    }

    private boolean mayHoldArrays(MethodKey method, Set<MethodKey> visited) {
        Optional<MethodFacts> known = factsOf(method);
        if (known.isEmpty() || known.get().passesArraysToPlainMethods()) {
            return true;
        }
        if (!visited.add(method)) {
            return false;
        }
        for (MethodFacts.Call call : known.get().calls()) {
            if (call.passesArrays() && mayHoldArrays(call.callee(), visited)) {
                return true;
            }
        }
        return false;
    }

    private boolean reaches(MethodKey from, MethodKey target, Set<MethodKey> visited) {
        if (from.equals(target)) {
            return true;
        }
        Optional<MethodFacts> known = factsOf(from);
        if (!visited.add(from) || known.isEmpty()) {
            return false;
        }
        for (MethodFacts.Call call : known.get().calls()) {
            if (reaches(call.callee(), target, visited)) {
                return true;
            }
        }
        return false;
    }

    /** The facts of a method of this round read without errors, or of one compiled elsewhere. */
    private Optional<MethodFacts> factsOf(MethodKey method) {
        MethodFacts ofThisRound = facts.get(method);
        return ofThisRound != null ? Optional.of(ofThisRound)
                : factsElsewhere.computeIfAbsent(method, elsewhere::find);
    }

    /** The facts of a method of this round, from its IR. */
    private static MethodFacts derive(Function function, List<Expr.Call> differentiableCalls,
            boolean passesArraysToPlainMethods) {
        Map<MethodKey, Boolean> passesArrays = new LinkedHashMap<>();
        differentiableCalls.forEach(call -> passesArrays.merge(call.callee().key(), passesArrays(call),
                Boolean::logicalOr));
        List<MethodFacts.Call> called = new ArrayList<>();
        passesArrays.forEach((callee, arrays) -> called.add(new MethodFacts.Call(callee, arrays)));
        Set<Variable> written = WrittenArrays.of(function);
        List<String> names = new ArrayList<>();
        List<Integer> differentiated = new ArrayList<>();
        List<Integer> writtenArrays = new ArrayList<>();
        for (int i = 0; i < function.parameters().size(); i++) {
            Variable parameter = function.parameters().get(i);
            names.add(parameter.name());
            if (function.differentiated().contains(parameter)) {
                differentiated.add(i);
            }
            if (written.contains(parameter)) {
                writtenArrays.add(i);
            }
        }
        return new MethodFacts(List.copyOf(names), List.copyOf(differentiated), List.copyOf(writtenArrays),
                function.order(), List.copyOf(called), passesArraysToPlainMethods);
    }

    private static boolean passesArrays(Expr.Call call) {
        return call.arguments().stream().anyMatch(a -> a.type().isArray());
    }
}
