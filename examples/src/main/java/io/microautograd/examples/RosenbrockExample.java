package io.microautograd.examples;

import io.microautograd.engine.Value;
import io.microautograd.examples.plot.ContourPathPlot;
import io.microautograd.examples.plot.PngFile;
import io.microautograd.examples.plot.Region;
import io.microautograd.optim.Adam;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Rosenbrock's banana function f(x, y) = (1 - x)^2 + 100 (y - x^2)^2, minimised by Adam from
 * (-1.5, 2): the optimizer falls into the curved valley and follows it to the minimum (1, 1).
 * Draws the function's contours with the path.
 */
final class RosenbrockExample implements Example {

    static final double[] START = {-1.5, 2.0};
    static final double[] MINIMUM = {1.0, 1.0};
    static final int STEPS = 3000;
    static final double LEARNING_RATE = 0.02;

    @Override
    public String name() {
        return "rosenbrock";
    }

    @Override
    public String description() {
        return "Adam minimises Rosenbrock's function; contours with the optimizer's path";
    }

    @Override
    public ExampleResult run(ExampleContext context) {
        double[][] path = Descent.path(RosenbrockExample::valueEngineGradient, START,
                Adam.withLearningRate(LEARNING_RATE), STEPS);
        double[] end = path[STEPS];
        double distance = Math.hypot(end[0] - MINIMUM[0], end[1] - MINIMUM[1]);
        context.printf("Value engine: Adam from (%.1f, %.1f), %d steps, ends at (%.5f, %.5f), %.2e from the minimum%n",
                START[0], START[1], STEPS, end[0], end[1], distance);

        Map<String, double[][]> paths = new LinkedHashMap<>();
        paths.put("Adam, Value engine gradient", path);
        return new ExampleResult()
                .file(PngFile.write(ContourPathPlot.of("Rosenbrock's function and Adam's path",
                        (x, y) -> rosenbrock(x, y), new Region(-2, 2, -1, 3), paths, MINIMUM),
                        context.picture("rosenbrock-path.png")))
                .measure("distance to minimum", distance);
    }

    /** The function on plain doubles, for the contours. */
    static double rosenbrock(double x, double y) {
        double a = 1 - x;
        double b = y - x * x;
        return a * a + 100 * b * b;
    }

    /** The same function on the {@code Value} engine: builds its graph, backpropagates, adds the gradient. */
    static double valueEngineGradient(double[] point, double[] gradient) {
        Value x = Value.of(point[0]);
        Value y = Value.of(point[1]);
        Value a = Value.of(1).sub(x);
        Value b = y.sub(x.mul(x));
        Value f = a.mul(a).add(b.mul(b).mul(100));
        f.backward();
        gradient[0] += x.grad();
        gradient[1] += y.grad();
        return f.data();
    }
}
