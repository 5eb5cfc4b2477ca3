package io.microautograd.processor.parse;

import com.sun.source.tree.Tree;

/**
 * Thrown by the IR builder when the body uses Java outside the supported subset; the processor
 * reports it at {@link #tree()} and generates nothing for the method.
 */
public final class Rejection extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Tree tree;
    private final Tag tag;

    /**
     * @param tag the diagnostic's tag
     * @param tree the exact tree to report at
     * @param message what the construct is and what is supported instead
     */
    public Rejection(Tag tag, Tree tree, String message) {
        super(tag.prefix() + message, null, false, false);
        this.tag = tag;
        this.tree = tree;
    }

    /** The tree the diagnostic points at. */
    public Tree tree() {
        return tree;
    }

    /** The diagnostic's tag. */
    public Tag tag() {
        return tag;
    }
}
