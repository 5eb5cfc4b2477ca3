/**
 * Neural networks on the {@link io.microautograd.engine.Value} engine, the Java form of the
 * seed's nn.py: {@link io.microautograd.nn.Neuron}, {@link io.microautograd.nn.Layer} and
 * {@link io.microautograd.nn.MLP}, built from {@link io.microautograd.nn.LayerSpec}s.
 *
 * <pre>{@code
 * MLP model = MLP.of(2, 42, layer(4, "relu"), layer(4, "relu"), layer(1, "linear"));
 * }</pre>
 *
 * <p>Choices written down here:
 * <ul>
 *   <li>Parameters have one fixed flat order (layer by layer, neuron by neuron, weights in
 *       input order then the bias; see {@link io.microautograd.nn.MLP}), and every
 *       {@link io.microautograd.nn.Module} offers flat views of values and gradients in that
 *       order, so optimizers on {@code double[]} drive the Value engine and compiled gradients
 *       alike.</li>
 *   <li>Initialisation always takes a seed (no hidden global generator): He-uniform for relu,
 *       Glorot-uniform for tanh, sigmoid and linear; biases start at 0. A network draws all its
 *       weights from one {@link java.util.Random} in parameter order.</li>
 *   <li>The seed's activation strings ("relu", "tanh", "sigmoid", "linear") are accepted next
 *       to the {@link io.microautograd.nn.Activation} enum.</li>
 *   <li>{@code forward} builds a graph (on {@code Value[]}, or on {@code double[]} as constant
 *       leaves); {@code predict} computes the same numbers on plain doubles for evaluation.</li>
 * </ul>
 */
package io.microautograd.nn;
