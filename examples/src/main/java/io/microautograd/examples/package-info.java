/**
 * Runnable examples of the seed's learning path and the launcher that runs them,
 * {@link io.microautograd.examples.Demo}.
 *
 * <p>Each example is an {@link io.microautograd.examples.Example} with a command-line name; it
 * prints what it finds, writes its pictures through an {@link io.microautograd.examples.ExampleContext}
 * and returns an {@link io.microautograd.examples.ExampleResult} (files and measured numbers),
 * which the tests check against bounds of their own.
 *
 * <p>Choices written down here:
 * <ul>
 *   <li>The default tour ({@code Demo} with no arguments) is the engine example, the two moons,
 *       gradient debugging and Rosenbrock: backward, a network learning, a graph picture and
 *       compiled gradients; {@code all} runs every example. The graph picture is the slow stop
 *       when Graphviz is not installed (graphviz-java then runs Graphviz as JavaScript: several
 *       seconds for the first picture).</li>
 *   <li>Every training example runs twice from the same start with the same trainer and
 *       optimizer: on the {@code Value} engine and on a gradient the build compiled
 *       (a user's own {@link io.microautograd.examples.LinearModel} and
 *       {@link io.microautograd.examples.Rosenbrock}, and the runtime's
 *       {@link io.microautograd.compiled.CompiledMlpModel} for the networks). The user's
 *       functions add their terms in the order the engine does, so those runs end with the same
 *       parameters to the last bit; the compiled MLP sums a batch in its own order, so the
 *       networks' runs end apart by rounding. Each example reports the distance and draws both
 *       curves.</li>
 *   <li>Pictures go to {@code target/microautograd-examples} under the working directory unless
 *       {@code --out} says otherwise; when the README's command runs through the reactor, the
 *       working directory is the project root. Each picture's absolute path is printed.</li>
 *   <li>The launcher sets {@code java.awt.headless=true}: pictures are drawn off screen and
 *       need no display.</li>
 *   <li>Every example draws its data and weights from fixed seeds, so its numbers and pictures
 *       are the same on every run.</li>
 * </ul>
 */
package io.microautograd.examples;
