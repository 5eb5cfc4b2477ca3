package io.microautograd.fuzz;

import io.microautograd.engine.Value;
import io.microautograd.fuzz.Program.Call;
import io.microautograd.fuzz.Program.Expr;
import io.microautograd.fuzz.Program.IntegerValue;
import io.microautograd.fuzz.Program.Invoke;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Calls of the functions of {@link RuledFunctions} in mode {@code rules}' programs, and their
 * {@code Value} forms: the operations their {@code @Derivative} and {@code @Pullback} rules gave.
 * A function of arrays is called as a helper is ({@link Invoke}: arrays first, then scalars).
 */
final class RuledCalls {

    /** How programs name the class, which their package does not import. */
    private static final String CLASS = RuledFunctions.class.getCanonicalName() + ".";

    /** The {@code Value} form of each function of scalars, by the name programs call it with. */
    private static final Map<String, Function<Value[], Value>> VALUE_FORMS = Map.of(
            CLASS + "softplus", v -> RuledFunctionsOps.softplus(v[0]),
            CLASS + "logistic", v -> RuledFunctionsOps.logistic(v[0]),
            CLASS + "smoothMax", v -> RuledFunctionsOps.smoothMax(v[0], v[1]));

    /** The {@code Value} form of each function of arrays, from its array arguments and its scalars. */
    private static final Map<String, BiFunction<List<Value[]>, List<Value>, Value>> ARRAY_VALUE_FORMS = Map.of(
            CLASS + "logSumExp", (arrays, scalars) -> RuledFunctionsOps.logSumExp(arrays.get(0)),
            CLASS + "weightedDot", (arrays, scalars) -> RuledFunctionsOps.weightedDot(arrays.get(0), arrays.get(1),
                    scalars.get(0)),
            CLASS + "tailSquares", (arrays, scalars) -> RuledFunctionsOps.tailSquares(arrays.get(0),
                    (int) scalars.get(0).data(), scalars.get(1)));

    private RuledCalls() {
    }

    /** A call of one of the functions of scalars, drawn from {@code random}, on {@code first} (and {@code second}). */
    static Call call(Random random, Expr first, Expr second) {
        return switch (random.nextInt(3)) {
            case 0 -> new Call(CLASS + "softplus", List.of(first), Program.Spelling.IMPORTED_MATH);
            case 1 -> new Call(CLASS + "logistic", List.of(first), Program.Spelling.IMPORTED_MATH);
            default -> new Call(CLASS + "smoothMax", List.of(first, second), Program.Spelling.IMPORTED_MATH);
        };
    }

    /**
     * A call of one of the functions of arrays, drawn from {@code random}, on arrays of
     * {@code arrays} (by name, with their lengths; the same one may come twice), scalars from
     * {@code scalar}, and an int from 0 to the array's length.
     */
    static Invoke arrayCall(Random random, Map<String, Integer> arrays, Supplier<Expr> scalar) {
        List<String> names = new ArrayList<>(arrays.keySet());
        String first = names.get(random.nextInt(names.size()));
        return switch (random.nextInt(3)) {
            case 0 -> new Invoke(CLASS + "logSumExp", List.of(first), List.of());
            case 1 -> new Invoke(CLASS + "weightedDot", List.of(first, names.get(random.nextInt(names.size()))),
                    List.of(scalar.get()));
            default -> new Invoke(CLASS + "tailSquares", List.of(first), List.of(new IntegerValue(
                    new Integral.Literal(random.nextInt(arrays.get(first) + 1), false)), scalar.get()));
        };
    }

    /** The {@code Value} form of the function of scalars a program calls by {@code name}, or null for none of these. */
    static Function<Value[], Value> valueForm(String name) {
        return VALUE_FORMS.get(name);
    }

    /** The {@code Value} form of the function of arrays a program calls by {@code name}, or null for none of these. */
    static BiFunction<List<Value[]>, List<Value>, Value> arrayValueForm(String name) {
        return ARRAY_VALUE_FORMS.get(name);
    }
}
