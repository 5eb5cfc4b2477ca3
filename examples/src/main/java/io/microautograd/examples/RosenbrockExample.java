package io.microautograd.examples;

import io.microautograd.engine.Value;
import io.microautograd.examples.plot.ContourPathPlot;
import io.microautograd.examples.plot.PngFile;
import io.microautograd.examples.plot.Region;
import io.microautograd.gradcheck.EngineComparison;
import io.microautograd.gradcheck.GradientCheck;
import io.microautograd.optim.Adam;
import io.microautograd.optim.HessianVectorObjective;
import io.microautograd.optim.Objective;
import io.microautograd.train.Lbfgs;
import io.microautograd.train.OptimizationPath;
import io.microautograd.train.TrustRegionNewtonCg;
import io.microautograd.visualize.GraphRenderer;
import io.microautograd.visualize.RankDirection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Rosenbrock's banana function f(x, y) = (1 - x)^2 + 100 (y - x^2)^2 ({@link Rosenbrock}),
 * minimised by Adam from (-1.5, 2) twice: with the gradient the build compiled
 * ({@code RosenbrockGrad}, written by the annotation processor) and with the {@code Value}
 * engine's. The optimizer falls into the curved valley and follows it to the minimum (1, 1);
 * both gradients add the same terms in the same order, so the paths are the same to the last
 * bit. Then L-BFGS and trust-region Newton-CG (with the Hessian-vector products the build compiled,
 * {@code RosenbrockGrad.rosenbrockHvp}) minimise it from the same start to a gradient norm of 1e-10, in a few dozen
 * iterations to Adam's thousands. Draws the contours with the four paths, their iteration counts
 * in the legend, and the graph of the compiled function itself, from its Value twin
 * ({@code RosenbrockValues}), checked against the compiled gradient in one line.
 */
final class RosenbrockExample implements Example {

    static final double[] START = {-1.5, 2.0};
    static final double[] MINIMUM = {1.0, 1.0};
    static final int STEPS = 3000;
    static final double LEARNING_RATE = 0.02;
    static final int TIMED_EVALUATIONS = 200_000;
    static final double GRADIENT_TOLERANCE = 1e-10;

    @Override
    public String name() {
        return "rosenbrock";
    }

    @Override
    public String description() {
        return "Adam on compiled and Value gradients, L-BFGS and Newton-CG minimise Rosenbrock's function;"
                + " contours with the paths, and the compiled function's graph";
    }

    @Override
    public ExampleResult run(ExampleContext context) {
        GradientFunction compiledGradient = (p, gradient) -> RosenbrockGrad.rosenbrock(p[0], p[1], gradient);
        GradientFunction valueEngineGradient = RosenbrockExample::valueEngineGradient;
        double[][] compiled = Descent.path(compiledGradient, START, new Adam(LEARNING_RATE), STEPS);
        double[][] dynamic = Descent.path(valueEngineGradient, START, new Adam(LEARNING_RATE), STEPS);

        double[] end = compiled[STEPS];
        double distance = distanceToMinimum(end);
        double apart = largestGap(compiled, dynamic);
        context.printf("Adam from (%.1f, %.1f), %d steps, ends at (%.5f, %.5f), %.2e from the minimum (1, 1)%n",
                START[0], START[1], STEPS, end[0], end[1], distance);
        context.printf("the compiled and Value-engine paths differ by at most %.1e%n", apart);
        context.printf("one gradient, after warm-up: compiled %.0f ns, Value engine %.0f ns (a rough timing; "
                + "the benchmarks module measures properly)%n", nanosPerGradient(compiledGradient),
                nanosPerGradient(valueEngineGradient));

        Objective objective = compiledGradient::evaluate;
        OptimizationPath lbfgs = Lbfgs.standard().withGradientTolerance(GRADIENT_TOLERANCE).quiet(true)
                .minimize(objective, START);
        OptimizationPath newton = TrustRegionNewtonCg.standard().withGradientTolerance(GRADIENT_TOLERANCE)
                .quiet(true).minimize(RosenbrockExample::hessianVectorProduct, START);
        print(context, "L-BFGS", lbfgs);
        print(context, "Newton-CG", newton);

        // The compiled function's own graph: its Value twin (RosenbrockValues, written by the processor
        // beside RosenbrockGrad) runs the same body on the engine, one labelled node per operation.
        Value x = Value.of(START[0]).label("x");
        Value y = Value.of(START[1]).label("y");
        Value f = RosenbrockValues.rosenbrock(x, y).label("f");
        f.backward();
        EngineComparison twin = GradientCheck.standard().assertMatchesEngine(objective,
                p -> RosenbrockValues.rosenbrock(p[0], p[1]), START);
        context.printf("the compiled gradient at the start against its Value twin's: %s%n", twin);

        Map<String, double[][]> paths = new LinkedHashMap<>();
        paths.put("Adam, compiled gradient (RosenbrockGrad), " + STEPS + " steps", compiled);
        paths.put("Adam, Value engine gradient, " + STEPS + " steps", dynamic);
        paths.put("L-BFGS, " + lbfgs.steps() + " iterations", lbfgs.points());
        paths.put("Newton-CG, " + newton.steps() + " iterations", newton.points());
        return new ExampleResult()
                .file(PngFile.write(ContourPathPlot.of("Rosenbrock's function: Adam, L-BFGS and Newton-CG",
                        Rosenbrock::rosenbrock, new Region(-2, 2, -1, 3), paths, MINIMUM),
                        context.picture("rosenbrock-path.png")))
                .file(GraphRenderer.builder().showGradients(true).direction(RankDirection.TOP_TO_BOTTOM).build()
                        .draw(f).writeTo(context.picture("rosenbrock-graph.png")))
                .measure("twin gradient error", twin.worstError())
                .measure("distance to minimum", distance)
                .measure("distance between paths", apart)
                .measure("L-BFGS distance to minimum", distanceToMinimum(lbfgs.finalPoint()))
                .measure("L-BFGS iterations", lbfgs.steps())
                .measure("Newton-CG distance to minimum", distanceToMinimum(newton.finalPoint()))
                .measure("Newton-CG iterations", newton.steps());
    }

    /** The compiled value, gradient and Hessian-vector product, in the shape of a {@link HessianVectorObjective}. */
    private static double hessianVectorProduct(double[] p, double[] v, double[] gradient, double[] hessianVector) {
        return RosenbrockGrad.rosenbrockHvp(p[0], p[1], v[0], v[1], gradient, hessianVector);
    }

    private static void print(ExampleContext context, String method, OptimizationPath path) {
        double[] end = path.finalPoint();
        context.printf("%s: %d iterations, %d evaluations, %d Hessian-vector products, ends at (%.10f, %.10f),"
                + " gradient norm %.1e%n", method, path.steps(), path.objectiveEvaluations(),
                path.hessianVectorProducts(), end[0], end[1], path.finalGradientNorm());
    }

    private static double distanceToMinimum(double[] point) {
        return Math.hypot(point[0] - MINIMUM[0], point[1] - MINIMUM[1]);
    }

    /** The function on the {@code Value} engine: builds its graph, backpropagates, adds the gradient. */
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

    /** The mean time of one gradient evaluation along a sweep of points, after an untimed sweep to warm the JIT up. */
    private static double nanosPerGradient(GradientFunction f) {
        sweep(f);
        long start = System.nanoTime();
        sweep(f);
        return (double) (System.nanoTime() - start) / TIMED_EVALUATIONS;
    }

    /** Evaluates the gradient along a line of points; checks the result so that no evaluation can be skipped. */
    private static void sweep(GradientFunction f) {
        double[] gradient = new double[2];
        double[] point = START.clone();
        for (int i = 0; i < TIMED_EVALUATIONS; i++) {
            point[0] = START[0] + 1e-7 * i;
            f.evaluate(point, gradient);
        }
        if (!Double.isFinite(gradient[0] + gradient[1])) {
            throw new IllegalStateException("the timed gradients are not finite");
        }
    }

    private static double largestGap(double[][] path, double[][] other) {
        double gap = 0;
        for (int i = 0; i < path.length; i++) {
            gap = Math.max(gap, Math.hypot(path[i][0] - other[i][0], path[i][1] - other[i][1]));
        }
        return gap;
    }
}
