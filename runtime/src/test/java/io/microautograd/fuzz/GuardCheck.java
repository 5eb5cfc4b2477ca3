package io.microautograd.fuzz;

import io.microautograd.engine.Value;
import io.microautograd.fuzz.PointCheck.Outcome;
import io.microautograd.fuzz.PointCheck.Verdict;
import io.microautograd.fuzz.Program.Method;
import io.microautograd.fuzz.Program.Throw;
import java.util.Set;
import java.util.function.DoubleSupplier;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * The check of a program with guards ({@code if (v > 1.5) throw new IllegalArgumentException("..."
 * + v);}, or a throw in a switch case) at a point. Where the original method throws, the generated
 * method must throw an exception of the same class with the same message, and so must the
 * {@code Value} engine's run of the program: the check passes only if all three throw alike.
 * Elsewhere the checks of {@link PointCheck} apply, and a guard that throws within a
 * finite-difference step makes the function not smooth there.
 */
final class GuardCheck {

    /** The detail of an outcome where all three threw alike. */
    static final String THREW_ALIKE = "threw alike";

    private GuardCheck() {
    }

    /** Checks {@code method} at {@code point} as {@link PointCheck#check} does, guards included. */
    static Outcome check(Method method, double[] point, ToDoubleFunction<double[]> original,
            PointCheck.Compiled compiled) {
        Set<String> guards = method.statements().filter(Throw.class::isInstance).map(t -> ((Throw) t).exception())
                .collect(Collectors.toSet());
        if (guards.isEmpty()) {
            return PointCheck.check(method, point, original, compiled);
        }
        RuntimeException expected = thrown(() -> original.applyAsDouble(point), guards);
        if (expected == null) {
            return PointCheck.check(method, point, x -> {
                try {
                    return original.applyAsDouble(x);
                } catch (RuntimeException e) {
                    if (guard(e, guards) != null) {
                        return Double.NaN;
                    }
                    throw e;
                }
            }, compiled);
        }
        String generated = alike(expected, () -> compiled.valueAndGradient(point, new double[point.length]), guards);
        String engine = alike(expected, () -> ValueInterpreter.run(method, Value.of(point)).data(), guards);
        if (generated != null || engine != null) {
            return new Outcome(Verdict.DISAGREE, "the original threw " + expected + "; the generated method "
                    + (generated == null ? "too" : generated) + "; the Value engine " + (engine == null ? "too" : engine));
        }
        return new Outcome(Verdict.AGREE, THREW_ALIKE);
    }

    /** Null when {@code call} throws what {@code expected} is, with its message; else what it did. */
    private static String alike(RuntimeException expected, DoubleSupplier call, Set<String> guards) {
        RuntimeException actual;
        try {
            actual = thrown(call, guards);
        } catch (RuntimeException e) {
            return "threw " + e + (e.getCause() == null ? "" : ", caused by " + e.getCause());
        }
        if (actual == null) {
            return "returned";
        }
        boolean same = actual.getClass() == expected.getClass() && actual.getMessage().equals(expected.getMessage());
        return same ? null : "threw " + actual;
    }

    /** The guard's exception {@code call} throws, or null when it returns; any other exception is rethrown. */
    private static RuntimeException thrown(DoubleSupplier call, Set<String> guards) {
        try {
            call.getAsDouble();
            return null;
        } catch (RuntimeException e) {
            RuntimeException guard = guard(e, guards);
            if (guard == null) {
                throw e;
            }
            return guard;
        }
    }

    /**
     * The exception of one of the program's guards that {@code e} is, or that it wraps (a
     * reflective call's), or null.
     */
    private static RuntimeException guard(RuntimeException e, Set<String> guards) {
        Throwable thrown = e instanceof IllegalStateException && e.getCause() != null ? e.getCause() : e;
        boolean ours = thrown instanceof RuntimeException && thrown.getClass().getPackageName().equals("java.lang")
                && guards.contains(thrown.getClass().getSimpleName());
        return ours ? (RuntimeException) thrown : null;
    }
}
