package io.microautograd.processor;

/** Test sources with every {@code @Differentiable} method given {@code order = 2}, for its second-order methods. */
final class SecondOrderSources {

    private SecondOrderSources() {
    }

    /** {@code source} with {@code order = 2} added to each {@code @Differentiable}, with or without arguments. */
    static String of(String source) {
        return source.replace("@Differentiable(", "@Differentiable(order = 2, ")
                .replaceAll("@Differentiable(?![(\\w])", "@Differentiable(order = 2)");
    }
}
