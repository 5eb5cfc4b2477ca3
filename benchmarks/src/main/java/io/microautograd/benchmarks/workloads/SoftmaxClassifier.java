package io.microautograd.benchmarks.workloads;

import io.microautograd.Differentiable;
import io.microautograd.engine.Value;
import io.microautograd.nn.MLP;

/**
 * The mean softmax cross-entropy of a one-hidden-layer relu network (an MNIST-shaped
 * 784-128-10 classifier) over a batch, on a flat parameter array in {@link MLP}'s order: layer
 * by layer, neuron by neuron, each neuron's weights then its bias.
 */
public final class SoftmaxClassifier {

    private SoftmaxClassifier() {
    }

    /** The batch loss; {@code labels[i]} holds the class index of {@code images[i]} as a double. */
    @Differentiable(wrt = "params")
    public static double loss(double[] params, double[][] images, double[] labels, int hidden, int classes) {
        int inputs = images[0].length;
        int outputOffset = hidden * (inputs + 1);
        double[] h = new double[hidden];
        double[] logits = new double[classes];
        double total = 0;
        for (int s = 0; s < images.length; s++) {
            for (int j = 0; j < hidden; j++) {
                int w = j * (inputs + 1);
                double z = params[w + inputs];
                for (int i = 0; i < inputs; i++) {
                    z += params[w + i] * images[s][i];
                }
                h[j] = Math.max(z, 0);
            }
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < classes; c++) {
                int w = outputOffset + c * (hidden + 1);
                double z = params[w + hidden];
                for (int j = 0; j < hidden; j++) {
                    z += params[w + j] * h[j];
                }
                logits[c] = z;
                max = Math.max(max, z);
            }
            double sum = 0;
            for (int c = 0; c < classes; c++) {
                sum += Math.exp(logits[c] - max);
            }
            total += max + Math.log(sum) - logits[(int) labels[s]];
        }
        return total / images.length;
    }

    /** The same loss on the {@code Value} engine, with {@code network} a 784-128-10 relu/linear {@link MLP}. */
    public static Value loss(MLP network, double[][] images, double[] labels) {
        Value[] terms = new Value[images.length];
        for (int s = 0; s < images.length; s++) {
            Value[] logits = network.forward(images[s]);
            double max = Double.NEGATIVE_INFINITY;
            for (Value logit : logits) {
                max = Math.max(max, logit.data());
            }
            Value[] shifted = new Value[logits.length];
            for (int c = 0; c < logits.length; c++) {
                shifted[c] = logits[c].sub(max).exp();
            }
            terms[s] = Value.sum(shifted).log().add(max).sub(logits[(int) labels[s]]);
        }
        return Value.sum(terms).div(images.length);
    }
}
