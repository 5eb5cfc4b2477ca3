package io.microautograd.visualize;

/** Which way the data flows across a picture, Graphviz's {@code rankdir}. */
public enum RankDirection {
    /** Inputs on the left, the root on the right, as micrograd draws it. */
    LEFT_TO_RIGHT("LR"),
    /** Inputs at the top, the root at the bottom; suits tall, narrow graphs. */
    TOP_TO_BOTTOM("TB");

    private final String dotName;

    RankDirection(String dotName) {
        this.dotName = dotName;
    }

    /** The {@code rankdir} value Graphviz expects. */
    String dotName() {
        return dotName;
    }
}
