package io.microautograd.processor.parse;

import java.util.List;

/** Thrown when a method uses Java outside the subset: every construct rejected, in source order. */
public final class MethodRejected extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<Rejection> rejections;

    MethodRejected(List<Rejection> rejections) {
        super(rejections.size() + " unsupported constructs", null, false, false);
        this.rejections = rejections;
    }

    /** The rejections, each to be reported at its tree. */
    public List<Rejection> rejections() {
        return rejections;
    }
}
