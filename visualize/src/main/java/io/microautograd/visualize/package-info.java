/**
 * Pictures and traces of {@link io.microautograd.engine.Value} computation graphs: the seed's
 * {@code visualize.py} in Java, drawn with graphviz-java. They live in their own module,
 * {@code microautograd-visualize}, which an application adds when it wants them: the runtime
 * depends on none of the libraries below.
 *
 * <ul>
 *   <li>{@link io.microautograd.visualize.GraphRenderer} draws a graph as a
 *       {@link io.microautograd.visualize.GraphPicture}: DOT text, SVG or PNG, chosen by the
 *       file's extension or by {@link io.microautograd.visualize.GraphFormat}. Each value is a
 *       box with its label, data and (optionally) grad; each operation a small ellipse; edges
 *       follow the data, left to right. {@code GraphRenderer.visualize(root, file, showGradients)}
 *       is the seed's {@code visualize_computation}; {@code drawBeforeAndAfterBackward} is its
 *       {@code compare_before_after_backward}, one picture with the graph before and after
 *       backward side by side. The seed's {@code inline} (Jupyter) has no Java counterpart:
 *       {@code GraphPicture.svg()} gives the SVG text to embed.</li>
 *   <li>Gradient debugging: {@code GraphRenderer.builder().highlightGradients(thresholds)}
 *       colours values whose gradient is vanishing (zero by default), exploding (above 1000 by
 *       default) or NaN/infinite, and adds a legend ({@link io.microautograd.visualize.GradientHealth}).
 *       Constant operands (the exponent of {@code pow(double)}, the bounds of {@code clamp})
 *       never receive a gradient and are left uncoloured. {@link io.microautograd.visualize.GradientTrace}
 *       prints every value with its gradient and, for each edge, the local partial and the
 *       contribution {@code partial * grad} that backward sent along it.</li>
 * </ul>
 *
 * <p>Choices written down here:
 * <ul>
 *   <li><b>Size limit.</b> A picture may hold at most
 *       {@value io.microautograd.visualize.GraphRenderer#DEFAULT_MAX_VALUES} values by default
 *       ({@code maxValues} changes it). Above that the picture would be an illegible hairball and
 *       the embedded engine would take minutes, so drawing is refused with a
 *       {@link io.microautograd.visualize.GraphTooLargeException} whose message points to
 *       {@code GradientTrace}, which has no limit. Counted on squared-error losses of relu MLPs
 *       on one sample: 2-4-1 (46 values), 2-8-1 (82) and 2-16-1 (154) are drawn; 2-8-8-1 (234)
 *       and 2-16-16-1 (714, with 256 crossing edges between its hidden layers) are refused.
 *       Collapsing layers into summary nodes was not chosen: a {@code Value} graph does not know
 *       its layers, and guessing them would hide exactly the nodes a user is debugging.</li>
 *   <li><b>Engine.</b> {@link io.microautograd.visualize.RenderEngine#AUTO} uses Graphviz's
 *       {@code dot} when it is on the PATH, else Graphviz compiled to JavaScript (viz.js) on
 *       GraalJS inside the JVM, which needs nothing installed. GraalJS 22.3
 *       ({@code org.graalvm.js:js}, about 57 MB with its ICU4J) is this module's one JavaScript
 *       engine because it runs on every JDK from 17 as a plain library, with no native code;
 *       graphviz-java's other engines are left out: J2V8 (a native V8 binding per platform) and
 *       Nashorn (no longer in the JDK since 15). The embedded engine runs GraalJS
 *       interpreted on a stock JDK: its first picture in a JVM takes several seconds, later small
 *       pictures about half a second; the system
 *       {@code dot} takes under 0.1 s. All rendering runs on one daemon thread so that the
 *       warm-up is paid once. graphviz-java's engine choice is global to the JVM: this package
 *       installs its engine on its first render and again whenever a renderer asks for the
 *       other one, so a program that also calls {@code Graphviz.useEngine} itself should expect
 *       this package to have changed it. PNG is rasterised from the SVG by svgSalamander, which
 *       graphviz-java brings; Batik, its optional alternative, is not needed.</li>
 *   <li><b>Quiet.</b> GraalJS's "interpreter only" warning is switched off through the system
 *       property {@code polyglot.engine.WarnInterpreterOnly} (unless the user set it), and the
 *       label font is the generic {@code sans-serif}, which the rasteriser resolves without a
 *       warning. graphviz-java logs through SLF4J: with the application's binding its
 *       messages go where the application's logging goes; without one they go nowhere, and
 *       SLF4J's notice about the missing binding is held back (see {@code Slf4jStartup}), so the
 *       first picture prints nothing.</li>
 *   <li><b>Labels</b> are Graphviz HTML-like labels with XML escaping, so quotes, braces,
 *       angle brackets, {@code |}, backslashes and newlines in a label show as written and cannot
 *       break the DOT or the SVG; other control characters show as Java escapes (<code>&#92;u0007</code>).</li>
 *   <li><b>Numbers</b> show with four decimals, as micrograd's pictures do, and in scientific
 *       notation where that would hide them (below 0.001) or be long (from 100000).</li>
 * </ul>
 */
package io.microautograd.visualize;
