package io.microautograd.fuzz;

import io.microautograd.engine.Value;
import io.microautograd.fuzz.Program.Call;
import io.microautograd.fuzz.Program.Expr;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/**
 * Calls of the functions of {@link RuledFunctions} in mode {@code rules}' programs, and their
 * {@code Value} forms: the operations their {@code @Derivative} rules gave.
 */
final class RuledCalls {

    /** How programs name the class, which their package does not import. */
    private static final String CLASS = RuledFunctions.class.getCanonicalName() + ".";

    /** The {@code Value} form of each function, by the name programs call it with. */
    private static final Map<String, Function<Value[], Value>> VALUE_FORMS = Map.of(
            CLASS + "softplus", v -> RuledFunctionsOps.softplus(v[0]),
            CLASS + "logistic", v -> RuledFunctionsOps.logistic(v[0]),
            CLASS + "smoothMax", v -> RuledFunctionsOps.smoothMax(v[0], v[1]));

    private RuledCalls() {
    }

    /** A call of one of the functions, drawn from {@code random}, on {@code first} (and {@code second}). */
    static Call call(Random random, Expr first, Expr second) {
        return switch (random.nextInt(3)) {
            case 0 -> new Call(CLASS + "softplus", List.of(first), Program.Spelling.IMPORTED_MATH);
            case 1 -> new Call(CLASS + "logistic", List.of(first), Program.Spelling.IMPORTED_MATH);
            default -> new Call(CLASS + "smoothMax", List.of(first, second), Program.Spelling.IMPORTED_MATH);
        };
    }

    /** The {@code Value} form of the function a program calls by {@code name}, or null for none of these. */
    static Function<Value[], Value> valueForm(String name) {
        return VALUE_FORMS.get(name);
    }
}
