package io.microautograd.gradbench.protocol;

/**
 * A line from the eval that is not a GradBench message (not JSON, or without an integer
 * {@code id} and a {@code kind}): nothing can answer it, so the session ends.
 */
public final class ProtocolException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** An exception saying what was wrong with the line. */
    public ProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
