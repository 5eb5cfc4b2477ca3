package io.microautograd.optim;

/**
 * An optimizer that clips a copy of each gradient before handing it on, so that the caller's
 * gradient array is left as it was (it may be logged or checked after the step).
 */
final class ClippedOptimizer implements Optimizer {

    private final Optimizer delegate;
    private final GradientClipping clipping;
    private double[] clipped = new double[0];

    ClippedOptimizer(Optimizer delegate, GradientClipping clipping) {
        if (clipping == null) {
            throw new IllegalArgumentException("clipping must not be null");
        }
        this.delegate = delegate;
        this.clipping = clipping;
    }

    @Override
    public void step(double[] parameters, double[] gradient) {
        if (clipped.length != gradient.length) {
            clipped = new double[gradient.length];
        }
        System.arraycopy(gradient, 0, clipped, 0, gradient.length);
        clipping.clip(clipped);
        delegate.step(parameters, clipped);
    }

    @Override
    public int stepCount() {
        return delegate.stepCount();
    }

    @Override
    public double nextLearningRate() {
        return delegate.nextLearningRate();
    }

    @Override
    public String toString() {
        return delegate + " clipped " + clipping;
    }
}
