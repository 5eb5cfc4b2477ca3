package io.microautograd.processor.parse;

import com.sun.source.tree.Tree;
import io.microautograd.processor.ir.Type;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.lang.model.element.ExecutableElement;

/**
 * Java's choice among overloaded static methods, for the subset's types: of the methods whose
 * parameters the arguments fit (an int widens to a long or a double, a long to a double, an array
 * fits only its own type), the most specific, whose every parameter type fits every other's.
 */
final class Overloads {

    private Overloads() {
    }

    /**
     * The method among {@code candidates}, all of the call's arity, that a call with arguments of
     * these types means.
     *
     * @throws Rejection when none fits, or no one of those that fit is the most specific
     */
    static ExecutableElement choose(List<ExecutableElement> candidates, List<Type> arguments, String called, Tree at) {
        List<ExecutableElement> applicable = candidates.stream()
                .filter(m -> types(m).map(parameters -> fits(arguments, parameters)).orElse(false))
                .toList();
        if (applicable.isEmpty()) {
            throw new Rejection(Tag.UNSUPPORTED_CALL, at, "no method " + called + " takes ("
                    + arguments.stream().map(Type::javaName).collect(Collectors.joining(", ")) + "); its overloads "
                    + "take " + candidates.stream().map(Overloads::written).collect(Collectors.joining(" and ")));
        }
        List<ExecutableElement> mostSpecific = applicable.stream()
                .filter(m -> applicable.stream().allMatch(other -> fits(types(m).orElseThrow(), types(other).orElseThrow())))
                .toList();
        if (mostSpecific.size() != 1) {
            throw new Rejection(Tag.UNSUPPORTED_CALL, at, "call of " + called + " is ambiguous between "
                    + applicable.stream().map(Overloads::written).collect(Collectors.joining(" and "))
                    + "; cast an argument to the parameter type you mean");
        }
        return mostSpecific.get(0);
    }

    private static Optional<List<Type>> types(ExecutableElement method) {
        return Signature.ofCallee(method).map(Signature::types);
    }

    /** Whether values of the types {@code given} may be passed for parameters of the types {@code wanted}. */
    private static boolean fits(List<Type> given, List<Type> wanted) {
        for (int i = 0; i < given.size(); i++) {
            Type a = given.get(i);
            Type b = wanted.get(i);
            boolean widens = a.isNumeric() && b.isNumeric() && Type.promote(a, b) == b;
            if (a != b && !widens) {
                return false;
            }
        }
        return true;
    }

    /** A method as written in a message: {@code f(double, double[])}. */
    private static String written(ExecutableElement method) {
        return method.getSimpleName() + method.getParameters().stream().map(p -> p.asType().toString())
                .collect(Collectors.joining(", ", "(", ")"));
    }
}
