package io.microautograd.optim;

/**
 * Stochastic gradient descent with optional momentum, in PyTorch's form:
 * {@code v = momentum * v + g; p -= rate * v}. With momentum 0 this is the plain update
 * {@code p -= rate * g} of micrograd and the seed.
 *
 * <p>Made with a constructor: {@code new Sgd(0.1)} for the plain update at a constant rate,
 * {@code new Sgd(0.1, 0.9)} with momentum, and the schedule forms for a rate that changes.
 */
public final class Sgd extends ScheduledOptimizer {

    private final double momentum;
    private double[] velocity;

    /**
     * SGD whose learning rate at step k is {@code schedule.rate(k)}.
     *
     * @param momentum in [0, 1); 0 for plain gradient descent, 0.9 is a common choice
     */
    public Sgd(LearningRateSchedule schedule, double momentum) {
        super(schedule);
        requireInRange("momentum", momentum, 0, 1);
        this.momentum = momentum;
    }

    /** SGD without momentum whose learning rate at step k is {@code schedule.rate(k)}. */
    public Sgd(LearningRateSchedule schedule) {
        this(schedule, 0);
    }

    /**
     * SGD at a constant learning rate.
     *
     * @param momentum in [0, 1); 0 for plain gradient descent, 0.9 is a common choice
     */
    public Sgd(double learningRate, double momentum) {
        this(LearningRateSchedule.constant(learningRate), momentum);
    }

    /** Plain gradient descent at a constant learning rate: the seed's update. */
    public Sgd(double learningRate) {
        this(learningRate, 0);
    }

    @Override
    void allocateState(int count) {
        velocity = momentum == 0 ? null : new double[count];
    }

    @Override
    void update(double[] parameters, double[] gradient, double rate, int step) {
        if (velocity == null) {
            // Plain descent's velocity would be the gradient itself: one pass over two arrays, not three.
            for (int i = 0; i < parameters.length; i++) {
                parameters[i] -= rate * gradient[i];
            }
            return;
        }
        for (int i = 0; i < parameters.length; i++) {
            velocity[i] = momentum * velocity[i] + gradient[i];
            parameters[i] -= rate * velocity[i];
        }
    }

    @Override
    public String toString() {
        return "Sgd(momentum=" + momentum + ", steps=" + stepCount() + ")";
    }
}
