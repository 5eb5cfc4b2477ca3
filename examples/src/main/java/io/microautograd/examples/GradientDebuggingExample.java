package io.microautograd.examples;

import io.microautograd.engine.Value;
import io.microautograd.visualize.GradientHealth;
import io.microautograd.visualize.GradientTrace;
import io.microautograd.visualize.GraphRenderer;
import io.microautograd.visualize.RankDirection;
import java.util.List;

/**
 * Gradient debugging: a small loss with two classic faults, drawn with the faulty gradients
 * highlighted and printed as a text trace. A relu neuron whose input is negative is dead: no
 * gradient reaches its weights (vanishing). An exponential of a large input sends back a
 * gradient in the thousands (exploding).
 */
final class GradientDebuggingExample implements Example {

    @Override
    public String name() {
        return "gradients";
    }

    @Override
    public String description() {
        return "gradient debugging: a dead relu and an exploding exp, highlighted in a graph and a trace";
    }

    @Override
    public ExampleResult run(ExampleContext context) {
        Value loss = faultyLoss();
        loss.backward();

        GradientTrace trace = GradientTrace.of(loss);
        context.println(trace.toString());
        List<String> vanishing = named(trace, GradientHealth.VANISHING);
        List<String> exploding = named(trace, GradientHealth.EXPLODING);
        context.println("vanishing gradients (nothing flows back): " + vanishing);
        context.println("exploding gradients (above 1000): " + exploding);

        GraphRenderer renderer = GraphRenderer.builder().showGradients(true).highlightGradients()
                .direction(RankDirection.TOP_TO_BOTTOM).build();
        return new ExampleResult()
                .file(renderer.draw(loss).writeTo(context.picture("gradients-graph.png")))
                .measure("vanishing values", vanishing.size())
                .measure("exploding values", exploding.size())
                .measure("w1 gradient", gradientOf(trace, "w1"))
                .measure("w3 gradient", gradientOf(trace, "w3"));
    }

    /**
     * loss = (relu(w1*x1 + w2*x2 + b) + 0.001 * exp(w3*x1) - 1)^2 at a point where the relu's
     * input is -6.5 and the exponential's is 11.
     */
    private static Value faultyLoss() {
        Value x1 = Value.of(2.0).label("x1");
        Value x2 = Value.of(-1.0).label("x2");
        Value w1 = Value.of(-3.0).label("w1");
        Value w2 = Value.of(1.0).label("w2");
        Value b = Value.of(0.5).label("b");
        Value w3 = Value.of(5.5).label("w3");
        Value neuron = w1.mul(x1).add(w2.mul(x2)).add(b).label("n").relu().label("relu(n)");
        Value growth = w3.mul(x1).label("w3*x1").exp().label("exp");
        Value prediction = neuron.add(growth.mul(0.001)).label("prediction");
        return prediction.sub(1.0).pow(2).label("loss");
    }

    private static List<String> named(GradientTrace trace, GradientHealth health) {
        return trace.entries().stream().filter(entry -> entry.health() == health).map(GradientTrace.Entry::name)
                .toList();
    }

    /** The gradient of the value labelled {@code label}; trace names are "#index label". */
    private static double gradientOf(GradientTrace trace, String label) {
        return trace.entries().stream().filter(entry -> entry.name().endsWith(" " + label)).findFirst()
                .orElseThrow().grad();
    }
}
