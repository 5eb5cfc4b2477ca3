/**
 * A GradBench tool: {@link io.microautograd.gradbench.GradBenchTool} answers GradBench's evals
 * on standard input and output, with every derivative compiled from {@code @Differentiable} Java
 * by MicroAutograd's processor.
 *
 * <p>Choices written down here:
 * <ul>
 *   <li>Warm-up: the JIT compiler needs the code's profile before it compiles it, and C2 takes
 *       seconds to compile a large pullback. The protocol asks for one timing per timed run and
 *       lets a tool report other timings, so each {@code evaluate} first runs its function
 *       untimed for {@code --warmup-seconds} (default 2; at least one run when above 0), and on
 *       while two runs in a row of a millisecond or more differ by more than 10% (the compiler is
 *       still replacing code) or until it ran 5000 times (before that HotSpot keeps a function
 *       called once a run in profiled C1 code, which is steady too), up to five times that; it
 *       reports the warm-up as one {@code warmup} timing, which GradBench does not count. The
 *       output sent is the last timed run's.</li>
 *   <li>Timed runs follow the protocol: at least {@code min_runs}, and on until they add up to
 *       {@code min_seconds}; an input without those fields (hello's) gets one run.</li>
 *   <li>Bad input (a missing field, a string where a number belongs, matrices of the wrong shape)
 *       fails that {@code evaluate} with {@code success: false} and an error naming the field;
 *       the session goes on. A line that is not a message (not JSON, no integer {@code id} or no
 *       {@code kind}) cannot be answered: the tool says why on standard error and exits with
 *       status 2.</li>
 *   <li>{@code define} of an eval the tool lacks answers {@code success: false} with what the
 *       library still lacks for it ({@link io.microautograd.gradbench.evals.Catalog}).</li>
 * </ul>
 */
package io.microautograd.gradbench;
