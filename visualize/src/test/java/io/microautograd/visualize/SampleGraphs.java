package io.microautograd.visualize;

import io.microautograd.engine.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Graphs the visualize tests draw. */
final class SampleGraphs {

    private SampleGraphs() {
    }

    /** The seed README's example: z = x * y + x with x = 2, y = 3. */
    static Value readmeExample() {
        Value x = Value.of(2).label("x");
        Value y = Value.of(3).label("y");
        return x.mul(y).add(x).label("z");
    }

    /**
     * out = relu(x * w + b) + x * 5000 with x = 1, w = -2, b = 0.5: the relu is dead, so its
     * pre-activation, w and b get gradient 0, while x gets 5000 through the second term.
     */
    static Value deadReluAndExploding() {
        Value x = Value.of(1).label("x");
        Value w = Value.of(-2).label("w");
        Value b = Value.of(0.5).label("b");
        Value pre = x.mul(w).add(b).label("pre");
        Value dead = pre.relu().label("dead relu");
        Value big = x.mul(5000).label("big");
        return dead.add(big).label("out");
    }

    /**
     * The squared-error loss of a fully connected relu network on one sample, built by hand
     * from {@code Value} operations: {@code sizes[0]} inputs, relu hidden layers, a linear output.
     */
    static Value mlpLoss(long seed, int... sizes) {
        Random random = new Random(seed);
        List<Value> activations = new ArrayList<>();
        for (int i = 0; i < sizes[0]; i++) {
            activations.add(Value.of(random.nextGaussian()).label("x" + i));
        }
        for (int layer = 1; layer < sizes.length; layer++) {
            List<Value> next = new ArrayList<>();
            for (int neuron = 0; neuron < sizes[layer]; neuron++) {
                List<Value> terms = new ArrayList<>();
                for (Value input : activations) {
                    terms.add(Value.of(random.nextGaussian() / Math.sqrt(activations.size())).mul(input));
                }
                terms.add(Value.of(0.1));
                Value sum = Value.sum(terms);
                next.add(layer == sizes.length - 1 ? sum : sum.relu());
            }
            activations = next;
        }
        Value target = Value.of(1.0).label("target");
        return activations.get(0).sub(target).pow(2).label("loss");
    }
}
