package io.microautograd.nn;

import java.util.Random;

/**
 * How a neuron's weights are drawn at creation; biases always start at 0. Both schemes draw
 * uniformly from [-limit, limit], bounded as Keras's {@code he_uniform} and
 * {@code glorot_uniform} are, so that no initial weight is an outlier.
 */
public enum Initialization {
    /**
     * He et al. (2015), for relu: variance 2 / fanIn, limit sqrt(6 / fanIn). Relu zeroes half of
     * its inputs on average; the factor 2 makes up for it.
     */
    HE {
        @Override
        double limit(int fanIn, int fanOut) {
            return Math.sqrt(6.0 / fanIn);
        }
    },
    /**
     * Glorot and Bengio (2010), for tanh, sigmoid and linear: variance 2 / (fanIn + fanOut),
     * limit sqrt(6 / (fanIn + fanOut)), keeping the variance of both signals and gradients.
     */
    GLOROT {
        @Override
        double limit(int fanIn, int fanOut) {
            return Math.sqrt(6.0 / (fanIn + fanOut));
        }
    };

    /** Half the width of the uniform range for a layer with these fans. */
    abstract double limit(int fanIn, int fanOut);

    /** One weight of a layer with {@code fanIn} inputs and {@code fanOut} neurons. */
    double draw(int fanIn, int fanOut, Random random) {
        double limit = limit(fanIn, fanOut);
        return -limit + 2 * limit * random.nextDouble();
    }
}
