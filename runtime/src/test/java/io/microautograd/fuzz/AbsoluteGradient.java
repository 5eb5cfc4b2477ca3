package io.microautograd.fuzz;

import io.microautograd.engine.BuiltIns;
import io.microautograd.engine.Value;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The gradient of a {@code Value} graph with every local partial replaced by its absolute value:
 * for each leaf, the sum of the sizes of the terms its partial adds up. Rounding in either path
 * is relative to that sum, not to the partial, which can be 0 where its terms cancel (atan2 of a
 * point moving along a ray through the origin is constant, and its partials sum to noise).
 */
final class AbsoluteGradient {

    private AbsoluteGradient() {
    }

    /** The absolute gradient of {@code root} with respect to {@code leaves}, one entry per leaf. */
    static double[] of(Value root, Value[] leaves) {
        List<Value> order = root.topologicalOrder();
        Map<Value, Double> adjoints = new IdentityHashMap<>();
        adjoints.put(root, 1.0);
        for (int n = order.size() - 1; n >= 0; n--) {
            Value node = order.get(n);
            double adjoint = adjoints.getOrDefault(node, 0.0);
            if (adjoint == 0 || node.op() == BuiltIns.LEAF) {
                continue;
            }
            double[] partials = node.localPartials();
            List<Value> inputs = node.inputs();
            for (int k = 0; k < partials.length; k++) {
                adjoints.merge(inputs.get(k), Math.abs(partials[k]) * adjoint, Double::sum);
            }
        }
        double[] sizes = new double[leaves.length];
        for (int i = 0; i < leaves.length; i++) {
            sizes[i] = adjoints.getOrDefault(leaves[i], 0.0);
        }
        return sizes;
    }
}
