package io.microautograd.fuzz;

import io.microautograd.engine.Value;
import io.microautograd.fuzz.PointCheck.Outcome;
import io.microautograd.fuzz.PointCheck.Verdict;
import io.microautograd.fuzz.Program.DeclareAlias;
import io.microautograd.fuzz.Program.Method;
import io.microautograd.fuzz.Program.Stmt;
import io.microautograd.fuzz.Program.Store;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Calls that pass one array for both {@code double[]} parameters of a program (mode
 * {@code shared_arrays}), and one storage array for both their adjoints, or one tangent for both.
 * The README's rule says what the generated methods must do: throw an
 * {@code IllegalArgumentException} with the pinned message when the program writes into one of
 * the two, through any name, and else give the method's own value (bit for bit) and the gradient
 * of the method as called, which the {@code Value} engine computes from the program with its
 * second array declared another name for the first, as the call makes it, and finite differences
 * from the original called the same way; {@code fTangent} throws alike, or gives that gradient
 * dotted with a random direction ({@link TangentPoints#alongGradient}); {@code fHvp}, where the
 * method is of order 2 (mode {@code shared_arrays} compiles its programs so), throws alike, or gives
 * that gradient and the product of the method as called along a random direction, against central
 * differences of that gradient and the {@code Value} engine ({@link HessianPoints#alongDirection}).
 * Where the generated methods throw, the original still runs on the shared array and must give
 * the {@code Value} engine's value: the call is Java the method accepts, and only its generated
 * code refuses it.
 */
final class SharedArrayCalls {

    private SharedArrayCalls() {
    }

    /** Whether a program takes two {@code double[]} parameters, which a call can give one array. */
    static boolean appliesTo(Method method) {
        return method.arrays().size() == 2;
    }

    /** Whether {@code point} is one of a call sharing the arrays: it has the slots of the program as called. */
    static boolean isSharedPoint(Method method, double[] point) {
        return appliesTo(method) && point.length == ParameterLayout.of(asCalled(method)).size();
    }

    /** The program as a call with one array makes it: its second array parameter is another name for the first. */
    static Method asCalled(Method method) {
        String kept = method.arrays().get(0);
        String dropped = method.arrays().get(1);
        List<Stmt> body = new ArrayList<>();
        body.add(new DeclareAlias(dropped, kept));
        body.addAll(method.body());
        return new Method(method.name(), method.parameters().stream().filter(p -> !p.equals(dropped)).toList(),
                List.of(kept), method.arrayLength(), List.copyOf(body), method.helpers(), method.indexArrays());
    }

    /**
     * The message of the generated method's exception for a call sharing the two arrays, or null
     * when the program only reads both: the first of them in parameter order that it writes into
     * is named first, as the generated check names it.
     */
    static String rejection(Method method) {
        List<String> shared = method.parameters().stream().filter(method.arrays()::contains).toList();
        Set<String> written = writtenParameters(method);
        String writer = shared.stream().filter(written::contains).findFirst().orElse(null);
        if (writer == null) {
            return null;
        }
        String other = shared.get(shared.get(0).equals(writer) ? 1 : 0);
        String example = method.parameters().stream().map(p -> p.equals(shared.get(1)) ? shared.get(0) + ".clone()" : p)
                .collect(Collectors.joining(", "));
        return writer + " and " + other + " are the same array: " + method.name() + " writes into " + writer
                + ", so pass a copy to one of them, as in " + method.name() + "(" + example + ")";
    }

    /**
     * Checks a call of {@code loaded}'s methods that shares the two arrays, at a point of
     * {@link #asCalled}: the gradient method's, then {@code fTangent}'s with one tangent for both,
     * then, for a method of order 2, {@code fHvp}'s with one direction, storage and product for both.
     */
    static Outcome check(DifferentialFuzzer.Loaded loaded, Method method, double[] point) {
        ParameterLayout layout = ParameterLayout.of(method);
        SharedCall call = new SharedCall(layout, layout.names().indexOf(method.arrays().get(0)),
                layout.names().indexOf(method.arrays().get(1)));
        Method asCalled = asCalled(method);
        java.lang.reflect.Method original;
        java.lang.reflect.Method compiled;
        java.lang.reflect.Method tangent;
        try {
            original = loaded.user().getMethod(method.name(), layout.types());
            compiled = loaded.generated().getMethod(method.name(), layout.gradientTypes());
            tangent = TangentPoints.tangentMethod(loaded, method.name(), layout);
        } catch (NoSuchMethodException e) {
            return new Outcome(Verdict.DISAGREE, "generated class lacks " + e.getMessage());
        }
        Optional<java.lang.reflect.Method> hvp = HessianPoints.productMethod(loaded, method.name(), layout);
        String rejection = rejection(method);
        if (rejection == null) {
            Outcome gradientCheck = PointCheck.check(asCalled, point,
                    x -> DifferentialFuzzer.Loaded.invoke(original, call.arguments(x)),
                    (x, gradient) -> call.valueAndGradient(compiled, x, gradient));
            if (gradientCheck.verdict() != Verdict.AGREE) {
                return gradientCheck;
            }
            try {
                double[] gradient = new double[point.length];
                call.valueAndGradient(compiled, point, gradient);
                Outcome tangentCheck = TangentPoints.alongGradient(asCalled, point, gradient,
                        direction -> call.tangent(tangent, point, direction));
                if (tangentCheck.verdict() != Verdict.AGREE || hvp.isEmpty()) {
                    return tangentCheck;
                }
                return HessianPoints.alongDirection(asCalled, point, (x, g) -> call.valueAndGradient(compiled, x, g),
                        (x, direction, g, product) -> call.hessianVector(hvp.get(), x, direction, g, product));
            } catch (RuntimeException e) {
                return new Outcome(Verdict.DISAGREE, "threw " + e + (e.getCause() == null ? "" : ", caused by "
                        + e.getCause()));
            }
        }
        double value = DifferentialFuzzer.Loaded.invoke(original, call.arguments(point));
        double engine = ValueInterpreter.run(asCalled, Value.of(point)).data();
        if (Double.compare(value, engine) != 0) {
            return new Outcome(Verdict.DISAGREE, "value with one array for both: original " + value
                    + ", Value engine " + engine);
        }
        Outcome gradientRejection = rejected(rejection, "the generated method",
                () -> call.valueAndGradient(compiled, point, new double[point.length]));
        if (gradientRejection.verdict() != Verdict.AGREE) {
            return gradientRejection;
        }
        Outcome tangentRejection = rejected(rejection, "the generated fTangent",
                () -> call.tangent(tangent, point, new double[point.length]));
        if (tangentRejection.verdict() != Verdict.AGREE || hvp.isEmpty()) {
            return tangentRejection;
        }
        return rejected(rejection, "the generated fHvp", () -> call.hessianVector(hvp.get(), point,
                new double[point.length], new double[point.length], new double[point.length]));
    }

    /** Whether {@code generated}, a call of a generated method, throws the exception with message {@code rejection}. */
    private static Outcome rejected(String rejection, String what, Runnable generated) {
        try {
            generated.run();
        } catch (IllegalStateException e) {
            boolean pinned = e.getCause() instanceof IllegalArgumentException thrown
                    && thrown.getMessage().equals(rejection);
            return pinned ? new Outcome(Verdict.AGREE, "")
                    : new Outcome(Verdict.DISAGREE, what + ": expected \"" + rejection + "\" but " + e.getCause());
        }
        return new Outcome(Verdict.DISAGREE, what + " took one array for both, expected \"" + rejection + "\"");
    }

    /** The array parameters a program's body writes into, directly or through another name. */
    private static Set<String> writtenParameters(Method method) {
        List<Stmt> statements = new ArrayList<>();
        collect(method.body(), statements);
        Map<String, String> targets = new HashMap<>();
        for (Stmt statement : statements) {
            if (statement instanceof DeclareAlias alias) {
                targets.put(alias.name(), alias.target());
            }
        }
        Set<String> written = new HashSet<>();
        for (Stmt statement : statements) {
            if (statement instanceof Store store) {
                String root = store.array();
                while (targets.containsKey(root)) {
                    root = targets.get(root);
                }
                written.add(root);
            }
        }
        return written;
    }

    private static void collect(List<Stmt> block, List<Stmt> out) {
        for (Stmt statement : block) {
            out.add(statement);
            Program.innerBlocks(statement).forEach(inner -> collect(inner, out));
        }
    }

    /**
     * A call of a method whose array parameters at {@code first} and {@code second} get one array,
     * and their adjoints one storage array; its points flatten the parameters but {@code second}.
     */
    record SharedCall(ParameterLayout layout, int first, int second) {

        /** The layout of the points: the method's without {@code second}. */
        ParameterLayout asCalled() {
            List<String> names = new ArrayList<>(layout.names());
            List<Boolean> isArray = new ArrayList<>(layout.isArray());
            names.remove(second);
            isArray.remove(second);
            return new ParameterLayout(List.copyOf(names), List.copyOf(isArray), layout.arrayLength(),
                    layout.indexArrays());
        }

        /** Fresh arguments of the method at {@code point}, the same array at {@code first} and {@code second}. */
        Object[] arguments(double[] point) {
            List<Object> arguments = new ArrayList<>(Arrays.asList(asCalled().arguments(point)));
            arguments.add(second, arguments.get(first < second ? first : first - 1));
            return arguments.toArray();
        }

        /**
         * Calls the generated {@code fTangent} at {@code point} along {@code direction}, laid out as
         * the points are: the shared array gets one tangent, which both its parameters are given.
         */
        double tangent(java.lang.reflect.Method tangent, double[] point, double[] direction) {
            return DifferentialFuzzer.Loaded.invoke(tangent,
                    TangentPoints.arguments(layout.types(), arguments(point), arguments(direction)));
        }

        /**
         * Calls the generated {@code fHvp} at {@code point} along {@code direction}, laid out as the
         * points are: one direction, one storage array and one product array for both parameters
         * given the shared array; adds the gradient into {@code gradient} and H·v into {@code product}.
         */
        double hessianVector(java.lang.reflect.Method hvp, double[] point, double[] direction, double[] gradient,
                double[] product) {
            double[][] storage = asCalled().storage();
            double[][] products = asCalled().storage();
            List<Object> all = new ArrayList<>(Arrays.asList(TangentPoints.arguments(layout.types(), arguments(point),
                    arguments(direction))));
            all.addAll(storageArguments(storage));
            all.addAll(storageArguments(products));
            double value = DifferentialFuzzer.Loaded.invoke(hvp, all.toArray());
            asCalled().addFlattened(storage, gradient);
            asCalled().addFlattened(products, product);
            return value;
        }

        /**
         * Calls the generated allocation-free method, adds its partials into {@code gradient} (laid
         * out as the points are) and insists that it left the caller's arrays as they were.
         */
        double valueAndGradient(java.lang.reflect.Method compiled, double[] point, double[] gradient) {
            Object[] arguments = arguments(point);
            double[][] storage = asCalled().storage();
            List<Object> all = new ArrayList<>(Arrays.asList(arguments));
            all.addAll(storageArguments(storage));
            double value = DifferentialFuzzer.Loaded.invoke(compiled, all.toArray());
            if (!Arrays.deepEquals(arguments, arguments(point))) {
                throw new IllegalStateException("the generated method changed the caller's arrays: "
                        + Arrays.deepToString(arguments) + " where the point is " + Arrays.toString(point));
            }
            asCalled().addFlattened(storage, gradient);
            return value;
        }

        /**
         * The storage of the points' layout as the generated methods take it: the scalars' slots,
         * then an array per array parameter, the one of {@code second} being the one of {@code first}.
         */
        private List<Object> storageArguments(double[][] storage) {
            int arrays = (int) asCalled().isArray().stream().filter(array -> array).count();
            int next = storage.length - arrays;
            List<Object> all = new ArrayList<>(Arrays.asList(storage).subList(0, next));
            Map<Integer, double[]> adjoints = new HashMap<>();
            for (int i = 0; i < layout.names().size(); i++) {
                if (layout.isArray().get(i) && i != second) {
                    adjoints.put(i, storage[next++]);
                }
            }
            adjoints.put(second, adjoints.get(first));
            for (int i = 0; i < layout.names().size(); i++) {
                if (layout.isArray().get(i)) {
                    all.add(adjoints.get(i));
                }
            }
            return all;
        }
    }
}
