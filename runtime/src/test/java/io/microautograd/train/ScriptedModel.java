package io.microautograd.train;

import io.microautograd.data.Dataset;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link TrainableModel} for trainer tests: the loss is 1/2 |p|^2 whatever the data, so the
 * gradient is p itself, and every call records the batch it was given. A fault can be planted:
 * from call number {@code faultyCall} on (counted from 1), the loss and one gradient component
 * are replaced.
 */
final class ScriptedModel implements TrainableModel {

    final List<int[]> batches = new ArrayList<>();
    private double[] parameters;
    private int faultyCall = Integer.MAX_VALUE;
    private double faultyLoss;
    private int faultyIndex = -1;
    private double faultyGradient;

    ScriptedModel(double... parameters) {
        this.parameters = parameters.clone();
    }

    /** From call {@code call} on, report {@code loss} and, if {@code index >= 0}, gradient {@code gradient} at {@code index}. */
    ScriptedModel failingFrom(int call, double loss, int index, double gradient) {
        this.faultyCall = call;
        this.faultyLoss = loss;
        this.faultyIndex = index;
        this.faultyGradient = gradient;
        return this;
    }

    @Override
    public int parameterCount() {
        return parameters.length;
    }

    @Override
    public double[] parameters() {
        return parameters.clone();
    }

    @Override
    public void setParameters(double[] values) {
        parameters = values.clone();
    }

    @Override
    public double lossAndGradient(Dataset data, int[] batch, double[] gradient) {
        batches.add(batch.clone());
        double loss = 0;
        for (int i = 0; i < parameters.length; i++) {
            loss += parameters[i] * parameters[i] / 2;
            gradient[i] += parameters[i];
        }
        if (batches.size() >= faultyCall) {
            loss = faultyLoss;
            if (faultyIndex >= 0) {
                gradient[faultyIndex] = faultyGradient;
            }
        }
        return loss;
    }

    @Override
    public double[] predict(double[] input) {
        return new double[] {parameters[0]};
    }
}
