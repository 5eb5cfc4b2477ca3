package io.microautograd.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The depth-first topological sort behind {@link Value#backward()}, without recursion so that
 * a chain of ten million nodes needs no deep thread stack, and without a visited set: each
 * traversal stamps the nodes it reaches with its own number.
 */
final class TopologicalOrder {

    private static final AtomicInteger TRAVERSALS = new AtomicInteger();

    private TopologicalOrder() {
    }

    /** {@code root} and every node it depends on, each once, inputs first and {@code root} last. */
    static List<Value> of(Value root) {
        int mark = TRAVERSALS.incrementAndGet();
        List<Value> order = new ArrayList<>();
        // An explicit stack of (node, index of the next input to visit) replaces recursion.
        Value[] stack = new Value[64];
        int[] nextInput = new int[64];
        int depth = 0;
        stack[0] = root;
        root.visitMark = mark;
        while (depth >= 0) {
            Value node = stack[depth];
            if (nextInput[depth] < node.inputs.length) {
                Value input = node.inputs[nextInput[depth]++];
                if (input.visitMark != mark) {
                    input.visitMark = mark;
                    if (++depth == stack.length) {
                        stack = Arrays.copyOf(stack, depth * 2);
                        nextInput = Arrays.copyOf(nextInput, depth * 2);
                    }
                    stack[depth] = input;
                    nextInput[depth] = 0;
                }
            } else {
                order.add(node);
                stack[depth--] = null;
            }
        }
        return order;
    }
}
