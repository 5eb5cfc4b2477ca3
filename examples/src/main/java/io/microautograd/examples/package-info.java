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
 *   <li>The default tour ({@code Demo} with no arguments) is the engine example, the two moons
 *       and Rosenbrock: the three ideas (backward, a network learning, an optimizer on a
 *       surface) in a few seconds; {@code all} runs every example.</li>
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
