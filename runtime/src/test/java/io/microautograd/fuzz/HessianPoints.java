package io.microautograd.fuzz;

import io.microautograd.engine.Value;
import io.microautograd.fuzz.DifferentialFuzzer.Compilation;
import io.microautograd.fuzz.DifferentialFuzzer.CompiledCheck;
import io.microautograd.fuzz.DifferentialFuzzer.Loaded;
import io.microautograd.fuzz.PointCheck.Outcome;
import io.microautograd.fuzz.PointCheck.Verdict;
import io.microautograd.fuzz.Program.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Mode {@code hessians}: the programs of mode {@code arrays} with every method, helpers included,
 * of {@code @Differentiable(order = 2)}. Each point is checked as there (the value, the gradient
 * against the {@code Value} engine and finite differences), then the generated {@code fHvp} along
 * a random direction: its value and gradient must be the accumulating method's bit for bit, and its
 * Hessian-vector product the central difference of that gradient along the direction to 1e-6 of
 * the largest component of either, and the {@code Value} engine's (its gradient as a graph, dotted
 * with the direction and backpropagated) to {@link PointCheck#ENGINE_TOLERANCE} of it. The
 * difference is Richardson's extrapolation of those with steps h and h/2; where it and the one with
 * h/2 differ by more than the tolerance, the differences cannot judge the product there (a branch or
 * a kink inside the step, large third derivatives, rounding that swamps them) and the point is
 * skipped as ill-conditioned, as it is where the product or the differences are not finite.
 * Mode {@code shared_arrays} compiles and checks its programs so too, and checks the products of
 * its calls that pass one array for both arrays the same way ({@link #alongDirection}).
 */
final class HessianPoints {

    /** Relative tolerance of the product against the central difference of the gradient. */
    static final double TOLERANCE = 1e-6;

    /** Every method compiled with {@code order = 2}, checked by {@link #check}. */
    static final CompiledCheck MODE = new CompiledCheck(HessianPoints::compile, HessianPoints::check);

    private HessianPoints() {
    }

    private static Compilation compile(String className, List<Method> methods) {
        return DifferentialFuzzer.compile(className, JavaPrinter.compilationUnit(DifferentialFuzzer.PACKAGE, className,
                methods).replace("@Differentiable\n", "@Differentiable(order = 2)\n"));
    }

    /** The check of mode {@code arrays}, then the product's. */
    static Outcome check(Loaded loaded, Method method, double[] point) {
        return loaded.checkThen(method, point, HessianPoints::product);
    }

    private static Outcome product(Loaded loaded, Method method, double[] point) throws NoSuchMethodException {
        ParameterLayout layout = ParameterLayout.of(method);
        java.lang.reflect.Method gradientMethod = loaded.generated().getMethod(method.name(), layout.gradientTypes());
        java.lang.reflect.Method hvp = productMethod(loaded, method.name(), layout)
                .orElseThrow(() -> new NoSuchMethodException(method.name() + "Hvp"));
        return alongDirection(method, point, (x, gradient) -> Loaded.valueAndGradient(gradientMethod, layout, x,
                gradient), (x, direction, gradient, product) -> {
                    Object[] arguments = TangentPoints.arguments(layout.types(), layout.arguments(x),
                            layout.arguments(direction));
                    double[][] storage = layout.storage();
                    double[][] products = layout.storage();
                    double value = Loaded.invoke(hvp, concat(arguments, storage, products));
                    layout.addFlattened(storage, gradient);
                    layout.addFlattened(products, product);
                    return value;
                });
    }

    /** The generated {@code fHvp} of the method {@code name} laid out as {@code layout}; none for order 1. */
    static Optional<java.lang.reflect.Method> productMethod(Loaded loaded, String name, ParameterLayout layout) {
        List<Class<?>> types = new ArrayList<>(Arrays.asList(layout.types()));
        Arrays.stream(layout.types()).filter(type -> type != int[].class).forEach(types::add);
        for (int i = 0; i < 2 * layout.storage().length; i++) {
            types.add(double[].class);
        }
        try {
            return Optional.of(loaded.generated().getMethod(name + "Hvp", types.toArray(Class<?>[]::new)));
        } catch (NoSuchMethodException orderOne) {
            return Optional.empty();
        }
    }

    /**
     * Checks a generated {@code fHvp} at {@code point} along a random direction against the
     * gradient method (value and gradient bit for bit), central differences of its gradient and
     * the {@code Value} engine running {@code program}, the method as called.
     */
    static Outcome alongDirection(Method program, double[] point, PointCheck.Compiled gradientMethod,
            ProductCall hvp) {
        double[] gradient = new double[point.length];
        double value = gradientMethod.valueAndGradient(point, gradient);
        double[] direction = new Random(Arrays.hashCode(point) + 22).doubles(point.length, -1, 1).toArray();
        double[] hvpGradient = new double[point.length];
        double[] product = new double[point.length];
        double hvpValue = hvp.at(point, direction, hvpGradient, product);
        // A partial that is not finite under a zero adjoint (0/0 of atan2 at the origin, in a loop
        // whose result is never returned): the gradient method skips that loop, its adjoint being 0
        // (README, "Zero adjoints"); fHvp runs it when the adjoint's tangent is not 0, and a NaN
        // tangent (0 x the NaN derivative there) is not, so 0 x NaN reaches its gradient as well as
        // its product. A point whose product is not finite is singular for second order and is
        // skipped below; a gradient that differs where the product is finite is a disagreement.
        if (Double.doubleToLongBits(hvpValue) != Double.doubleToLongBits(value)
                || !Arrays.equals(hvpGradient, gradient) && Arrays.stream(product).allMatch(Double::isFinite)) {
            return new Outcome(Verdict.DISAGREE, "fHvp's value and gradient " + hvpValue + ", "
                    + Arrays.toString(hvpGradient) + " are not the gradient method's " + value + ", "
                    + Arrays.toString(gradient));
        }
        double largest = 1.0;
        for (double x : point) {
            largest = Math.max(largest, Math.abs(x));
        }
        double h = 1e-5 * largest;
        double[] coarse = difference(gradientMethod, point, direction, h);
        double[] fine = difference(gradientMethod, point, direction, h / 2);
        double[] difference = new double[point.length];
        double scale = 1.0;
        for (int i = 0; i < point.length; i++) {
            // Richardson's extrapolation cancels the h^2 term of both differences' error.
            difference[i] = (4 * fine[i] - coarse[i]) / 3;
            scale = Math.max(scale, Math.max(Math.abs(product[i]), Math.abs(difference[i])));
        }
        if (!Double.isFinite(scale)) {
            return new Outcome(Verdict.ILL_CONDITIONED, "the product or the differences are not finite");
        }
        for (int i = 0; i < point.length; i++) {
            if (!(Math.abs(fine[i] - difference[i]) <= TOLERANCE * scale)) {
                return new Outcome(Verdict.ILL_CONDITIONED, "the gradient's differences depend on the step");
            }
        }
        for (int i = 0; i < point.length; i++) {
            if (!(Math.abs(product[i] - difference[i]) <= TOLERANCE * scale)) {
                return new Outcome(Verdict.DISAGREE, "H·v along " + Arrays.toString(direction) + ": generated "
                        + Arrays.toString(product) + ", central differences of the gradient "
                        + Arrays.toString(difference));
            }
        }
        double[] engine = engineProduct(program, point, direction);
        for (int i = 0; i < point.length; i++) {
            if (!(Math.abs(product[i] - engine[i]) <= PointCheck.ENGINE_TOLERANCE * scale)) {
                return new Outcome(Verdict.DISAGREE, "H·v along " + Arrays.toString(direction) + ": generated "
                        + Arrays.toString(product) + ", the Value engine's gradient graph " + Arrays.toString(engine));
            }
        }
        return new Outcome(Verdict.AGREE, "");
    }

    /** H·v by the {@code Value} engine: its gradient as a graph, dotted with the direction, backpropagated. */
    private static double[] engineProduct(Method method, double[] point, double[] direction) {
        Value[] leaves = Value.of(point);
        Value[] gradient = ValueInterpreter.run(method, leaves).differentiate(leaves);
        List<Value> terms = new ArrayList<>();
        for (int i = 0; i < gradient.length; i++) {
            terms.add(gradient[i].mul(direction[i]));
        }
        Value.sum(terms).backward();
        return Arrays.stream(leaves).mapToDouble(Value::grad).toArray();
    }

    /** The central difference of the compiled gradient at {@code point} along {@code direction}, step {@code h}. */
    private static double[] difference(PointCheck.Compiled gradientMethod, double[] point, double[] direction,
            double h) {
        double[] up = point.clone();
        double[] down = point.clone();
        for (int i = 0; i < point.length; i++) {
            up[i] += h * direction[i];
            down[i] -= h * direction[i];
        }
        double[] above = new double[point.length];
        double[] below = new double[point.length];
        gradientMethod.valueAndGradient(up, above);
        gradientMethod.valueAndGradient(down, below);
        double[] out = new double[point.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (above[i] - below[i]) / (2 * h);
        }
        return out;
    }

    /** The arguments, then the arrays of each group of storage, as one argument list. */
    private static Object[] concat(Object[] arguments, double[][]... storage) {
        List<Object> all = new ArrayList<>(Arrays.asList(arguments));
        for (double[][] group : storage) {
            all.addAll(Arrays.asList(group));
        }
        return all.toArray();
    }

    /** A generated {@code fHvp} called at points laid out as the fuzzer's. */
    interface ProductCall {
        /** Returns the value, and adds the gradient into {@code gradient} and H·v into {@code product}. */
        double at(double[] point, double[] direction, double[] gradient, double[] product);
    }
}
