package io.microautograd.optim;

/**
 * Adam (Kingma and Ba, 2015): per-parameter steps scaled by running averages of the gradient and
 * of its square, with their start-up bias corrected.
 *
 * <pre>
 * m = beta1 m + (1 - beta1) g        v = beta2 v + (1 - beta2) g^2
 * p -= rate * (m / (1 - beta1^t)) / (sqrt(v / (1 - beta2^t)) + epsilon)
 * </pre>
 *
 * <p>Made with a constructor: {@code new Adam(0.01)} for a constant rate,
 * {@code new Adam(LearningRateSchedule.cosineDecay(...))} for a schedule, and the four-argument
 * form for other constants.
 */
public final class Adam extends ScheduledOptimizer {

    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private double[] firstMoment;
    private double[] secondMoment;

    /**
     * Adam with the given schedule and constants.
     *
     * @param beta1 decay of the gradient average, in [0, 1) (usually 0.9)
     * @param beta2 decay of the squared-gradient average, in [0, 1) (usually 0.999)
     * @param epsilon added to the denominator against division by 0, &gt; 0 (usually 1e-8)
     */
    public Adam(LearningRateSchedule schedule, double beta1, double beta2, double epsilon) {
        super(schedule);
        requireInRange("beta1", beta1, 0, 1);
        requireInRange("beta2", beta2, 0, 1);
        if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
            throw new IllegalArgumentException("epsilon must be finite and > 0, got " + epsilon);
        }
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
    }

    /** Adam with the paper's constants (0.9, 0.999, 1e-8) and the given schedule. */
    public Adam(LearningRateSchedule schedule) {
        this(schedule, 0.9, 0.999, 1e-8);
    }

    /** Adam with the paper's constants at a constant learning rate (the paper suggests 0.001). */
    public Adam(double learningRate) {
        this(LearningRateSchedule.constant(learningRate));
    }

    @Override
    void allocateState(int count) {
        firstMoment = new double[count];
        secondMoment = new double[count];
    }

    @Override
    void update(double[] parameters, double[] gradient, double rate, int step) {
        double firstCorrection = 1 - Math.pow(beta1, step);
        double secondCorrection = 1 - Math.pow(beta2, step);
        for (int i = 0; i < parameters.length; i++) {
            double g = gradient[i];
            firstMoment[i] = beta1 * firstMoment[i] + (1 - beta1) * g;
            secondMoment[i] = beta2 * secondMoment[i] + (1 - beta2) * g * g;
            double mean = firstMoment[i] / firstCorrection;
            double meanSquare = secondMoment[i] / secondCorrection;
            parameters[i] -= rate * mean / (Math.sqrt(meanSquare) + epsilon);
        }
    }

    @Override
    public String toString() {
        return "Adam(beta1=" + beta1 + ", beta2=" + beta2 + ", epsilon=" + epsilon + ", steps=" + stepCount() + ")";
    }
}
