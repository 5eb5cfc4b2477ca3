package io.microautograd.examples;

/**
 * The moons example's 2-16-16-1 relu network trained through its compiled gradient
 * ({@code TwoHiddenLayerNetworkGrad.hingeLoss}): the loss of a batch (mean hinge plus L2) and its
 * gradient with respect to every parameter in one generated call, parameters in the order of
 * {@link io.microautograd.nn.MLP}.
 */
final class CompiledMoonsModel extends CompiledModel {

    static final int HIDDEN = 16;

    private final double l2;

    /**
     * A network starting at {@code initial} (for example an {@code MLP}'s parameter values),
     * regularised with strength {@code l2}.
     *
     * @throws IllegalArgumentException if {@code initial} does not hold the 337 parameters
     */
    CompiledMoonsModel(double[] initial, double l2) {
        super(initial, TwoHiddenLayerNetwork.parameterCount(2, HIDDEN), "2-16-16-1 weights and biases in MLP order");
        this.l2 = l2;
    }

    @Override
    double lossAndGradient(double[] parameters, double[][] inputs, double[] targets, double[] gradient) {
        return TwoHiddenLayerNetworkGrad.hingeLoss(parameters, inputs, targets, HIDDEN, l2, gradient);
    }

    @Override
    double output(double[] parameters, double[] input) {
        return TwoHiddenLayerNetwork.output(parameters, input, HIDDEN, false);
    }
}
