/**
 * GradBench's protocol, tool side: {@link io.microautograd.gradbench.protocol.Session} reads
 * messages and writes responses (JSON by Jackson), {@link io.microautograd.gradbench.protocol.Runs}
 * times a function as an {@code evaluate} asks, {@link io.microautograd.gradbench.protocol.Inputs}
 * reads an input's fields with errors that name them, and an
 * {@link io.microautograd.gradbench.protocol.EvalModule} maps an eval's function names to
 * {@link io.microautograd.gradbench.protocol.EvalFunction}s.
 */
package io.microautograd.gradbench.protocol;
