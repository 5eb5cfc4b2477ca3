package io.microautograd.visualize;

/** Which Graphviz lays out and draws a picture; DOT text needs none. */
public enum RenderEngine {
    /** {@link #SYSTEM_DOT} when a {@code dot} executable is on the PATH, else {@link #EMBEDDED}. */
    AUTO,
    /** The installed Graphviz {@code dot} command: fast, but it must be on the PATH. */
    SYSTEM_DOT,
    /**
     * Graphviz compiled to JavaScript (viz.js) running on GraalJS inside this JVM: works on a
     * machine with no Graphviz, but the first picture of each JVM takes seconds to warm up.
     */
    EMBEDDED
}
