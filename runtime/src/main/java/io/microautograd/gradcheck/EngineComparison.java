package io.microautograd.gradcheck;

import java.util.Arrays;

/**
 * The value and gradient of an {@link io.microautograd.optim.Objective} (a compiled gradient)
 * beside the {@code Value} engine's at one point ({@link GradientCheck#compareWithEngine}): the
 * error of the value and of the worst partial, each {@code |compiled - engine| / max(|compiled|,
 * |engine|, minScale)}, as the gradient check measures.
 */
public final class EngineComparison {

    private final double[] point;
    private final double compiledValue;
    private final double engineValue;
    private final double[] compiled;
    private final double[] engine;
    private final double minScale;
    private final double tolerance;
    private final int worstParameter;

    EngineComparison(double[] point, double compiledValue, double engineValue, double[] compiled, double[] engine,
            double minScale, double tolerance) {
        this.point = point;
        this.compiledValue = compiledValue;
        this.engineValue = engineValue;
        this.compiled = compiled;
        this.engine = engine;
        this.minScale = minScale;
        this.tolerance = tolerance;
        int worst = 0;
        for (int i = 1; i < compiled.length; i++) {
            if (Double.compare(error(compiled[i], engine[i]), error(compiled[worst], engine[worst])) > 0) {
                worst = i;
            }
        }
        this.worstParameter = worst;
    }

    /** Whether the value and every partial agree within the tolerance (NaN agrees with nothing). */
    public boolean passed() {
        return valueError() <= tolerance && worstError() <= tolerance;
    }

    /** The error of the compiled value against the engine's. */
    public double valueError() {
        return error(compiledValue, engineValue);
    }

    /** The largest error of a compiled partial against the engine's. */
    public double worstError() {
        return error(compiled[worstParameter], engine[worstParameter]);
    }

    /** The parameter whose partials disagree most. */
    public int worstParameter() {
        return worstParameter;
    }

    /** The compiled gradient; a copy. */
    public double[] compiledGradient() {
        return compiled.clone();
    }

    /** The engine's gradient, from {@code backward()}; a copy. */
    public double[] engineGradient() {
        return engine.clone();
    }

    /** {@code Compiled and engine agree at [..]: ...} or {@code ... disagree ...}, with the worst partial. */
    @Override
    public String toString() {
        return "Compiled and engine " + (passed() ? "agree" : "disagree") + " at " + Arrays.toString(point)
                + " (tolerance " + tolerance + "): value " + compiledValue + " and " + engineValue + " (error "
                + valueError() + "), worst partial d/dp[" + worstParameter + "] " + compiled[worstParameter]
                + " and " + engine[worstParameter] + " (error " + worstError() + ")";
    }

    private double error(double a, double b) {
        return Math.abs(a - b) / Math.max(minScale, Math.max(Math.abs(a), Math.abs(b)));
    }
}
