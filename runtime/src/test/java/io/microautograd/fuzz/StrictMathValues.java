package io.microautograd.fuzz;

import io.microautograd.engine.Value;
import java.lang.reflect.InvocationTargetException;
import java.util.List;

/**
 * What {@code StrictMath}'s functions compute (fdlibm's values, which HotSpot's {@code Math}
 * intrinsics may miss by an ulp) for the fuzzer's interpreter, found by name: every function of
 * the vocabulary takes doubles, but scalb, whose second argument is an int.
 */
final class StrictMathValues {

    private StrictMathValues() {
    }

    /** {@code StrictMath.function} of the arguments' values. */
    static double of(String function, List<Value> arguments) {
        Class<?>[] types = new Class<?>[arguments.size()];
        Object[] values = new Object[arguments.size()];
        for (int i = 0; i < values.length; i++) {
            boolean exponent = function.equals("scalb") && i == 1;
            types[i] = exponent ? int.class : double.class;
            values[i] = exponent ? (Object) (int) arguments.get(i).data() : (Object) arguments.get(i).data();
        }
        try {
            return ((Number) StrictMath.class.getMethod(function, types).invoke(null, values)).doubleValue();
        } catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalArgumentException("no StrictMath." + function + " of " + arguments.size() + " doubles", e);
        }
    }
}
