package io.microautograd.train;

import io.microautograd.optim.HessianVectorObjective;

/**
 * Trust-region Newton-CG (Steihaug, 1983; Nocedal and Wright, Algorithms 4.1 and 7.2; SciPy's
 * {@code trust-ncg}): Newton's method for smooth problems that uses the Hessian only through
 * Hessian-vector products, from a {@link HessianVectorObjective}, and takes second-order steps
 * where the quadratic model can be trusted:
 *
 * <pre>{@code
 * OptimizationPath path = TrustRegionNewtonCg.standard().withGradientTolerance(1e-10)
 *         .minimize(FunctionsGrad::rosenbrockHvp, start);
 * // without compiled Hessian-vector products: differences of the gradient
 * TrustRegionNewtonCg.standard().minimize(HessianVectorObjective.byFiniteDifferences(objective), start);
 * }</pre>
 *
 * <p>Each iteration solves the model {@code g.p + p.Hp / 2} within {@code |p| <= radius} by
 * conjugate gradients, one Hessian-vector product per CG iteration, stopping early on the
 * boundary or where the model has no positive curvature (so a saddle or a maximum is left, not
 * approached). The step is kept when the objective falls by more than 15% of what the model
 * promised; where it falls by less than a quarter the radius shrinks to a quarter of the step's
 * length, and where the model was good (over 3/4) on a step that reached the boundary it doubles,
 * up to the largest radius. A trial point where the value or gradient is NaN or infinite is
 * rejected like a bad step. When the radius shrinks below the rounding of the point, the run ends
 * with {@link StopReason#NO_PROGRESS}; when every trial since the last kept point was NaN or
 * infinite, with a {@link TrainingDivergedException} instead, as it does for a NaN or infinity at
 * the start or in a Hessian-vector product.
 *
 * <p>It stops when the gradient's Euclidean norm is at most the tolerance
 * ({@link StopReason#GRADIENT_TOLERANCE}) or after the iteration limit
 * ({@link StopReason#ITERATION_LIMIT}), and returns every point it moved to, with the objective's
 * evaluations (start and trial points) and the Hessian-vector products counted. The value and
 * gradient at trial points come from {@link HessianVectorObjective#valueAndGradient}. A progress
 * bar shows on a terminal unless quiet.
 *
 * <p>Instances are immutable; the {@code with...} methods and {@link #quiet} return changed copies.
 */
public final class TrustRegionNewtonCg {

    /** The share of the promised decrease a step must achieve to be kept (SciPy's eta). */
    static final double ACCEPTANCE = 0.15;

    private static final TrustRegionNewtonCg STANDARD =
            new TrustRegionNewtonCg(1, 1000, MinimizationSettings.STANDARD);

    private final double initialRadius;
    private final double maxRadius;
    private final MinimizationSettings settings;

    private TrustRegionNewtonCg(double initialRadius, double maxRadius, MinimizationSettings settings) {
        this.initialRadius = MinimizationSettings.requirePositive("initial radius", initialRadius);
        this.maxRadius = MinimizationSettings.requirePositive("max radius", maxRadius);
        if (initialRadius > maxRadius) {
            throw new IllegalArgumentException("initial radius (" + initialRadius + ") must not exceed max radius ("
                    + maxRadius + ")");
        }
        this.settings = settings;
    }

    /**
     * Initial radius 1 and largest radius 1000 (SciPy's), gradient tolerance 1e-5 (SciPy's), at
     * most 1000 iterations, a progress bar on a terminal.
     */
    public static TrustRegionNewtonCg standard() {
        return STANDARD;
    }

    /** This method with the trust region's first radius {@code radius} (finite, &gt; 0, at most the largest). */
    public TrustRegionNewtonCg withInitialRadius(double radius) {
        return new TrustRegionNewtonCg(radius, maxRadius, settings);
    }

    /** This method with the trust region's largest radius {@code radius} (finite, &gt; 0, at least the first). */
    public TrustRegionNewtonCg withMaxRadius(double radius) {
        return new TrustRegionNewtonCg(initialRadius, radius, settings);
    }

    /** This method stopping once the gradient's Euclidean norm is at most {@code tolerance} (finite, &gt;= 0). */
    public TrustRegionNewtonCg withGradientTolerance(double tolerance) {
        return new TrustRegionNewtonCg(initialRadius, maxRadius, settings.withGradientTolerance(tolerance));
    }

    /** This method stopping after at most {@code maxIterations} iterations (at least 0). */
    public TrustRegionNewtonCg withMaxIterations(int maxIterations) {
        return new TrustRegionNewtonCg(initialRadius, maxRadius, settings.withMaxIterations(maxIterations));
    }

    /** This method with its progress bar off ({@code true}) or shown on a terminal ({@code false}). */
    public TrustRegionNewtonCg quiet(boolean quiet) {
        return new TrustRegionNewtonCg(initialRadius, maxRadius, settings.quiet(quiet));
    }

    /**
     * Minimizes {@code objective} from {@code start}, which is left unchanged.
     *
     * @return every point the method moved to, from the start, with values, gradient norms,
     *     evaluation and product counts and why it stopped
     * @throws IllegalArgumentException if an argument is null, the start empty, or the objective
     *     indexes outside its arrays at the start
     * @throws TrainingDivergedException if the value or gradient at the start, or a Hessian-vector
     *     product, is NaN or infinite, or the value or gradient is at every trial point from one
     *     point on
     */
    public OptimizationPath minimize(HessianVectorObjective objective, double[] start) {
        PathRecorder.requireArguments(objective, start);
        int n = start.length;
        double[] point = start.clone();
        double[] gradient = new double[n];
        double[] trialPoint = new double[n];
        double[] trialGradient = new double[n];
        double radius = initialRadius;
        int triesSinceKept = 0;
        boolean finiteSinceKept = false;
        try (PathRecorder recorder = settings.recorder("Newton-CG")) {
            SteihaugCg model = new SteihaugCg(objective, recorder, n);
            double value = recorder.start(objective, point, gradient);
            StopReason reason;
            while ((reason = settings.reasonToStop(recorder)) == null) {
                model.solve(point, gradient, radius);
                double[] step = model.step();
                Vectors.pointAlong(trialPoint, point, 1, step);
                double trialValue = recorder.evaluate(objective, trialPoint, trialGradient);
                boolean finite = Double.isFinite(trialValue) && DivergenceGuard.firstNonFinite(trialGradient) < 0;
                double predicted = model.predictedDecrease(gradient);
                double agreement = finite && predicted > 0
                        ? (value - trialValue) / predicted
                        : Double.NEGATIVE_INFINITY;
                if (agreement < 0.25) {
                    radius = Vectors.norm(step) / 4;
                } else if (agreement > 0.75 && model.onBoundary()) {
                    radius = Math.min(2 * radius, maxRadius);
                }
                triesSinceKept++;
                finiteSinceKept |= finite;
                if (agreement > ACCEPTANCE) {
                    System.arraycopy(trialPoint, 0, point, 0, n);
                    System.arraycopy(trialGradient, 0, gradient, 0, n);
                    value = trialValue;
                    triesSinceKept = 0;
                    finiteSinceKept = false;
                    recorder.keep(point, value, gradient);
                } else if (radius <= Math.ulp(Math.max(1, Vectors.norm(point)))) {
                    if (!finiteSinceKept) {
                        throw DivergenceGuard.nowhereFinite(recorder.steps() + 1, triesSinceKept, "the trust region");
                    }
                    return recorder.path(StopReason.NO_PROGRESS);
                }
            }
            return recorder.path(reason);
        }
    }

    @Override
    public String toString() {
        return "TrustRegionNewtonCg(initial radius " + initialRadius + ", max radius " + maxRadius + ", " + settings
                + ")";
    }
}
