package io.microautograd.processor.diff;

import io.microautograd.processor.ir.Expr;
import io.microautograd.processor.ir.Function;
import io.microautograd.processor.ir.IrWalk;
import io.microautograd.processor.ir.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * Calls through which a derivative would be lost: a value that depends on a differentiated
 * parameter goes where no pullback gives a partial for it. The processor reports each as an
 * error instead of generating a gradient that silently leaves that path out.
 */
public final class LostDerivatives {

    /** An argument of a call that carries a differentiated value into a parameter the callee does not differentiate. */
    public record ArgumentOutsideWrt(Expr.Call call, int index) {
        /** The callee's name for the parameter. */
        public String parameter() {
            return call.callee().parameterNames().get(index);
        }
    }

    private LostDerivatives() {
    }

    /**
     * The calls of methods without a pullback that receive a value depending on a differentiated
     * parameter: the derivative would be lost there, so such methods must be {@code @Differentiable}.
     */
    public static List<Expr.Call> callsOfPlainMethods(Function function) {
        Activity activity = Activity.of(function);
        return calls(function).stream().filter(call -> !call.callee().carriesDerivatives()
                && call.arguments().stream().anyMatch(activity::dependsOnActive)).toList();
    }

    /**
     * The arguments of calls of {@code @Differentiable} methods that depend on a differentiated
     * parameter but go to a parameter outside the callee's {@code wrt}: its pullback gives no
     * partial for that parameter.
     */
    public static List<ArgumentOutsideWrt> argumentsOutsideWrt(Function function) {
        Activity activity = Activity.of(function);
        List<ArgumentOutsideWrt> lost = new ArrayList<>();
        for (Expr.Call call : calls(function)) {
            if (!call.callee().carriesDerivatives()) {
                continue;
            }
            for (int i = 0; i < call.arguments().size(); i++) {
                Type type = call.callee().parameterTypes().get(i);
                if ((type == Type.DOUBLE || type.isArray()) && !call.callee().differentiated().get(i)
                        && activity.dependsOnActive(call.arguments().get(i))) {
                    lost.add(new ArgumentOutsideWrt(call, i));
                }
            }
        }
        return lost;
    }

    private static List<Expr.Call> calls(Function function) {
        List<Expr.Call> calls = new ArrayList<>();
        IrWalk.statements(function.body(), s -> {
            for (Expr e : IrWalk.expressionsOf(s)) {
                IrWalk.expressions(e, x -> {
                    if (x instanceof Expr.Call call) {
                        calls.add(call);
                    }
                });
            }
        });
        return calls;
    }
}
