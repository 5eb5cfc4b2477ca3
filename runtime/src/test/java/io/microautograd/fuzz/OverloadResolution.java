package io.microautograd.fuzz;

import io.microautograd.fuzz.Program.Method;
import java.util.List;

/**
 * Java's choice among a program's helpers of one name for a call (JLS 15.12.2, for the fuzzer's
 * types): of the helpers whose parameters the arguments fit, an int widening to a long or a
 * double and a long to a double, an array fitting only its own type, the most specific, whose
 * every parameter type fits every other's. The interpreter runs the helper it chooses, and the
 * generator draws calls until one resolves; javac's choice, which the original method runs, is
 * held to the same by the value check.
 */
final class OverloadResolution {

    private OverloadResolution() {
    }

    /**
     * The helper among {@code helpers} called {@code name} that a call with arguments of
     * {@code argumentTypes} ({@code "double"}, {@code "int"}, {@code "long"}, {@code "double[]"},
     * {@code "int[]"}) means.
     *
     * @throws IllegalStateException when no helper fits, or no one of those that fit is the most specific
     */
    static Method resolve(List<Method> helpers, String name, List<String> argumentTypes) {
        List<Method> applicable = helpers.stream()
                .filter(h -> h.name().equals(name) && fits(argumentTypes, parameterTypes(h))).toList();
        List<Method> mostSpecific = applicable.stream().filter(m -> applicable.stream()
                .allMatch(other -> fits(parameterTypes(m), parameterTypes(other)))).toList();
        if (mostSpecific.size() != 1) {
            throw new IllegalStateException("a call " + name + argumentTypes + " resolves to none of " + helpers
                    .stream().filter(h -> h.name().equals(name)).map(OverloadResolution::parameterTypes).toList()
                    + " or to more than one");
        }
        return mostSpecific.get(0);
    }

    /** Whether {@code name} called with {@code argumentTypes} resolves to one of {@code helpers}. */
    static boolean resolves(List<Method> helpers, String name, List<String> argumentTypes) {
        try {
            resolve(helpers, name, argumentTypes);
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    static List<String> parameterTypes(Method method) {
        return method.parameters().stream().map(method::typeOf).toList();
    }

    private static boolean fits(List<String> given, List<String> wanted) {
        if (given.size() != wanted.size()) {
            return false;
        }
        for (int i = 0; i < given.size(); i++) {
            String from = given.get(i);
            String to = wanted.get(i);
            boolean widens = from.equals("int") && (to.equals("long") || to.equals("double"))
                    || from.equals("long") && to.equals("double");
            if (!from.equals(to) && !widens) {
                return false;
            }
        }
        return true;
    }
}
