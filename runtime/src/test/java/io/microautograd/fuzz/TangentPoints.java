package io.microautograd.fuzz;

import io.microautograd.engine.Value;
import io.microautograd.fuzz.DifferentialFuzzer.CompiledCheck;
import io.microautograd.fuzz.DifferentialFuzzer.Loaded;
import io.microautograd.fuzz.PointCheck.Outcome;
import io.microautograd.fuzz.PointCheck.Verdict;
import io.microautograd.fuzz.Program.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.ToDoubleFunction;

/**
 * Mode {@code tangents}: the programs of mode {@code arrays}, each point checked as there (the
 * value, the gradient against the {@code Value} engine and finite differences) and then the
 * generated {@code fTangent} along a random direction against that gradient dotted with the
 * direction, to {@link PointCheck#ENGINE_TOLERANCE} of the size of the terms both sum: each
 * partial's terms ({@link AbsoluteGradient}) times the direction's size there. The two paths sum
 * those terms in different orders, so where they cancel, the rounding is relative to their size.
 * A point is skipped where the terms are not finite, or where the tangent is not and a local partial
 * of the engine's graph is infinite or NaN (cbrt at 0, hypot(0, 0)): there forward mode multiplies
 * it by a tangent of 0, which reverse mode never does.
 */
final class TangentPoints {

    /** Programs compiled as mode {@code arrays} compiles them, checked by {@link #check}. */
    static final CompiledCheck MODE = new CompiledCheck(DifferentialFuzzer::compile, TangentPoints::check);

    private TangentPoints() {
    }

    /** The check of mode {@code arrays}, then the tangent's. */
    static Outcome check(Loaded loaded, Method method, double[] point) {
        return loaded.checkThen(method, point, TangentPoints::tangent);
    }

    private static Outcome tangent(Loaded loaded, Method method, double[] point) throws NoSuchMethodException {
        ParameterLayout layout = ParameterLayout.of(method);
        double[] gradient = new double[point.length];
        Loaded.valueAndGradient(loaded.generated().getMethod(method.name(), layout.gradientTypes()), layout, point,
                gradient);
        java.lang.reflect.Method tangent = tangentMethod(loaded, method.name(), layout);
        return alongGradient(method, point, gradient, direction -> Loaded.invoke(tangent,
                arguments(layout.types(), layout.arguments(point), layout.arguments(direction))));
    }

    /** The generated {@code fTangent} of the method {@code name} whose parameters are laid out as {@code layout}. */
    static java.lang.reflect.Method tangentMethod(Loaded loaded, String name, ParameterLayout layout)
            throws NoSuchMethodException {
        List<Class<?>> types = new ArrayList<>(Arrays.asList(layout.types()));
        Arrays.stream(layout.types()).filter(type -> type != int[].class).forEach(types::add);
        return loaded.generated().getMethod(name + "Tangent", types.toArray(Class<?>[]::new));
    }

    /** The arguments of an {@code fTangent}: the method's, then the tangents of those that are not {@code int[]}. */
    static Object[] arguments(Class<?>[] types, Object[] arguments, Object[] tangents) {
        List<Object> all = new ArrayList<>(Arrays.asList(arguments));
        for (int i = 0; i < tangents.length; i++) {
            if (types[i] != int[].class) {
                all.add(tangents[i]);
            }
        }
        return all.toArray();
    }

    /**
     * Checks a generated {@code fTangent} along a random direction, laid out as {@code point},
     * against {@code gradient} dotted with it.
     *
     * @param program the program as called, which the {@code Value} engine runs for the size of the terms
     * @param tangentAlong calls the generated {@code fTangent} at {@code point} along a direction
     */
    static Outcome alongGradient(Method program, double[] point, double[] gradient,
            ToDoubleFunction<double[]> tangentAlong) {
        double[] direction = new Random(Arrays.hashCode(point)).doubles(point.length, -1, 1).toArray();
        Value[] leaves = Value.of(point);
        Value root = ValueInterpreter.run(program, leaves);
        double[] termSizes = AbsoluteGradient.of(root, leaves);
        double dot = 0;
        double terms = 0;
        for (int i = 0; i < point.length; i++) {
            dot += gradient[i] * direction[i];
            terms += Math.max(termSizes[i], Math.abs(gradient[i])) * Math.abs(direction[i]);
        }
        if (!Double.isFinite(terms)) {
            return new Outcome(Verdict.ILL_CONDITIONED, "a partial's terms are not finite");
        }
        double tangent = tangentAlong.applyAsDouble(direction);
        if (!Double.isFinite(tangent) && hasUndefinedPartial(root)) {
            // A local partial is infinite or NaN (cbrt at 0, hypot(0, 0)) where the derivative
            // reaching it is 0: reverse mode never multiplies the two, forward mode gets NaN.
            return new Outcome(Verdict.ILL_CONDITIONED, "0 times an undefined partial");
        }
        if (!(Math.abs(tangent - dot) <= PointCheck.ENGINE_TOLERANCE * terms)) {
            return new Outcome(Verdict.DISAGREE, "tangent along " + Arrays.toString(direction) + ": generated "
                    + tangent + ", the gradient dotted with it " + dot);
        }
        return new Outcome(Verdict.AGREE, "");
    }

    private static boolean hasUndefinedPartial(Value root) {
        return root.topologicalOrder().stream()
                .anyMatch(node -> !Arrays.stream(node.localPartials()).allMatch(Double::isFinite));
    }
}
