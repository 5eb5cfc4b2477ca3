package io.microautograd.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One differentiable test function: its double parameters come first, then fixed extra
 * arguments of other types. {@link #check} runs the original and the generated code at each
 * point and compares value and partials, and checks the tangent method against the partials.
 *
 * @param name the method name
 * @param annotation the annotation as written
 * @param parameters the parameter list as written
 * @param body the method body as written
 * @param differentiated indices of the double parameters that are differentiated
 * @param points the values of the double parameters to check at
 * @param extra the arguments after the double parameters
 */
record FunctionCase(String name, String annotation, String parameters, String body, int[] differentiated,
        double[][] points, Object[] extra) {

    /** A function of (double x, double y) differentiated in both, checked at the given points. */
    static FunctionCase of(String name, String body, double[]... points) {
        return new FunctionCase(name, "@Differentiable", "double x, double y", body, new int[] {0, 1}, points,
                new Object[0]);
    }

    /** This case with another parameter list, extra arguments and differentiated parameters. */
    FunctionCase with(String newParameters, int[] newDifferentiated, Object... newExtra) {
        return new FunctionCase(name, annotation, newParameters, body, newDifferentiated, points, newExtra);
    }

    /** This case with another annotation. */
    FunctionCase annotated(String newAnnotation, int[] newDifferentiated) {
        return new FunctionCase(name, newAnnotation, parameters, body, newDifferentiated, points, extra);
    }

    /** The method's source. */
    String source() {
        return "    " + annotation + "\n    static double " + name + "(" + parameters + ") {\n        "
                + body.replace("\n", "\n        ") + "\n    }\n";
    }

    /** Checks value, partials, accumulation and tangent at every point. */
    void check(GeneratedCode code, String userClass) {
        check(code, userClass, false);
    }

    /**
     * Checks value, partials, accumulation and tangent at every point, and with
     * {@code secondOrder} the Hessian-vector product ({@link HessianVectorCheck}) of a method
     * compiled with {@code order = 2}.
     */
    void check(GeneratedCode code, String userClass, boolean secondOrder) {
        String[] names = doubleParameterNames();
        for (double[] point : points) {
            Object result = code.call(userClass + "Grad", name, arguments(point, new Object[0]));
            double original = value(code, userClass, point);
            assertEquals(original, (double) GeneratedCode.component(result, "value"), name + ": value at "
                    + Arrays.toString(point));
            double[] gradient = new double[differentiated.length];
            Arrays.fill(gradient, 10.0);
            double accumulatedValue = (double) code.call(userClass + "Grad", name,
                    arguments(point, new Object[] {gradient}));
            assertEquals(original, accumulatedValue, name + ": value of the accumulating call");
            Object[] partials = new Object[differentiated.length];
            for (int k = 0; k < differentiated.length; k++) {
                int i = differentiated[k];
                double partial = (double) GeneratedCode.component(result, names[i]);
                FiniteDifferences.assertPartial(name + " d/d" + names[i] + " at " + Arrays.toString(point), partial,
                        x -> value(code, userClass, x), point, i);
                assertEquals(10.0 + partial, gradient[k], name + ": the accumulating call adds into slot " + k);
                partials[k] = partial;
            }
            TangentCheck.check(code, userClass, name, arguments(point, new Object[0]), differentiated, partials);
            ValueTwinCheck.check(code, userClass, name, arguments(point, new Object[0]), differentiated, partials);
            if (secondOrder) {
                HessianVectorCheck.check(code, userClass, name, arguments(point, new Object[0]), differentiated);
                HessianVectorCheck.checkHessian(code, userClass, name, arguments(point, new Object[0]), differentiated);
            }
        }
    }

    private double value(GeneratedCode code, String userClass, double[] point) {
        return (double) code.call(userClass, name, arguments(point, new Object[0]));
    }

    private Object[] arguments(double[] point, Object[] tail) {
        List<Object> all = new ArrayList<>();
        for (double v : point) {
            all.add(v);
        }
        all.addAll(Arrays.asList(extra));
        all.addAll(Arrays.asList(tail));
        return all.toArray();
    }

    private String[] doubleParameterNames() {
        return Arrays.stream(parameters.split(","))
                .map(String::trim)
                .filter(p -> p.startsWith("double "))
                .map(p -> p.substring("double ".length()))
                .toArray(String[]::new);
    }

    @Override
    public String toString() {
        return name;
    }
}
