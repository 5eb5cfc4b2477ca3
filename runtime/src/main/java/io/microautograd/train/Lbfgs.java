package io.microautograd.train;

import io.microautograd.optim.Objective;

/**
 * L-BFGS (Liu and Nocedal, 1989), the standard method for smooth full-batch problems (Spark
 * MLlib trains its linear models with it; SciPy's L-BFGS-B is built on it): a quasi-Newton method that
 * builds a picture of the inverse Hessian from the last few steps and gradient changes, and
 * moves along it as far as a line search satisfying the strong Wolfe conditions allows. It needs
 * only value and gradient, from any {@link Objective}:
 *
 * <pre>{@code
 * OptimizationPath path = Lbfgs.standard().withGradientTolerance(1e-10).minimize(FunctionsGrad::rosenbrock, start);
 * path.finalPoint(); path.steps(); path.objectiveEvaluations(); path.stopReason();
 * }</pre>
 *
 * <p>Each iteration takes the direction {@code -H g} of the two-loop recursion (Nocedal and
 * Wright, Algorithm 7.4) over the last {@code memory} pairs of step {@code s} and gradient change
 * {@code y}, starting from the scaled identity {@code (s.y / y.y) I}, and searches along it for a
 * step with the strong Wolfe conditions (c1 = 1e-4, c2 = 0.9; Algorithms 3.5 and 3.6), trying the
 * whole step first. The first iteration, and any after the memory was cleared, goes along
 * {@code -g} and tries a step of length at most 1. A pair whose curvature {@code s.y} is not
 * positive (rounding can make it so even after a Wolfe step) is skipped, and the memory keeps the
 * pairs it had. When the line search finds no step, the memory is cleared and the search
 * repeated along {@code -g}; when that fails as well, the run ends with
 * {@link StopReason#NO_PROGRESS}.
 *
 * <p>It stops when the gradient's Euclidean norm is at most the tolerance
 * ({@link StopReason#GRADIENT_TOLERANCE}) or after the iteration limit
 * ({@link StopReason#ITERATION_LIMIT}), and returns every point it moved to, one per iteration,
 * with the evaluations counted, including those of the line search. The line search treats a
 * point where the value or the gradient is NaN or infinite as too far, so no such point is ever
 * kept; a NaN or infinity at the start, or at every point one search tries, stops the run with a
 * {@link TrainingDivergedException}. A progress bar shows on a terminal unless quiet.
 *
 * <p>Instances are immutable; the {@code with...} methods and {@link #quiet} return changed copies.
 */
public final class Lbfgs {

    private static final Lbfgs STANDARD = new Lbfgs(10, MinimizationSettings.STANDARD);

    private final int memory;
    private final MinimizationSettings settings;

    private Lbfgs(int memory, MinimizationSettings settings) {
        this.memory = MinimizationSettings.requireAtLeast("memory", memory, 1);
        this.settings = settings;
    }

    /**
     * Memory 10 (SciPy's and Spark's default), gradient tolerance 1e-5 (SciPy's), at most 1000
     * iterations, a progress bar on a terminal.
     */
    public static Lbfgs standard() {
        return STANDARD;
    }

    /** This method remembering the last {@code memory} pairs (at least 1; 3 to 20 is usual). */
    public Lbfgs withMemory(int memory) {
        return new Lbfgs(memory, settings);
    }

    /** This method stopping once the gradient's Euclidean norm is at most {@code tolerance} (finite, &gt;= 0). */
    public Lbfgs withGradientTolerance(double tolerance) {
        return new Lbfgs(memory, settings.withGradientTolerance(tolerance));
    }

    /** This method stopping after at most {@code maxIterations} iterations (at least 0). */
    public Lbfgs withMaxIterations(int maxIterations) {
        return new Lbfgs(memory, settings.withMaxIterations(maxIterations));
    }

    /** This method with its progress bar off ({@code true}) or shown on a terminal ({@code false}). */
    public Lbfgs quiet(boolean quiet) {
        return new Lbfgs(memory, settings.quiet(quiet));
    }

    /**
     * Minimizes {@code objective} from {@code start}, which is left unchanged.
     *
     * @return every point the method moved to, from the start, with values, gradient norms,
     *     evaluation counts and why it stopped
     * @throws IllegalArgumentException if an argument is null, the start empty, or the objective
     *     indexes outside its arrays at the start
     * @throws TrainingDivergedException if the value or gradient at the start is NaN or infinite,
     *     or at every point one line search tries
     */
    public OptimizationPath minimize(Objective objective, double[] start) {
        PathRecorder.requireArguments(objective, start);
        int n = start.length;
        double[] point = start.clone();
        double[] gradient = new double[n];
        double[] direction = new double[n];
        LbfgsMemory pairs = new LbfgsMemory(memory, n);
        try (PathRecorder recorder = settings.recorder("L-BFGS")) {
            WolfeLineSearch line = new WolfeLineSearch(objective, recorder, n);
            double value = recorder.start(objective, point, gradient);
            StopReason reason;
            while ((reason = settings.reasonToStop(recorder)) == null) {
                pairs.direction(gradient, direction);
                if (!(Vectors.dot(gradient, direction) < 0)) {
                    pairs.clear();
                    pairs.direction(gradient, direction);
                }
                double firstStep = pairs.isEmpty() ? Math.min(1, 1 / Vectors.norm(direction)) : 1;
                if (!line.search(point, value, gradient, direction, firstStep)) {
                    if (!pairs.isEmpty()) {
                        pairs.clear();
                        continue;
                    }
                    if (!line.foundFinite()) {
                        throw DivergenceGuard.nowhereFinite(recorder.steps() + 1, line.evaluations(),
                                "the line search");
                    }
                    return recorder.path(StopReason.NO_PROGRESS);
                }
                pairs.offer(point, line.point(), gradient, line.gradient());
                System.arraycopy(line.point(), 0, point, 0, n);
                System.arraycopy(line.gradient(), 0, gradient, 0, n);
                value = line.value();
                recorder.keep(point, value, gradient);
            }
            return recorder.path(reason);
        }
    }

    @Override
    public String toString() {
        return "Lbfgs(memory " + memory + ", " + settings + ")";
    }
}
