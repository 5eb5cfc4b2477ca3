/**
 * Datasets for supervised learning, seeded generators of small ones
 * ({@link io.microautograd.data.Datasets#moons two moons}, the seed's linear function and a sine
 * curve) and one real data set, scikit-learn's {@link io.microautograd.data.Digits handwritten
 * digits}.
 *
 * <p>Choices written down here:
 * <ul>
 *   <li>A {@link io.microautograd.data.Dataset} holds targets as rows, so one class serves
 *       single-output and multi-output models; {@code Dataset.of(x, y)} builds the seed's
 *       one-target form.</li>
 *   <li>Binary labels are 0 and 1 (as scikit-learn's {@code make_moons}); the hinge loss reads
 *       0 as the negative class.</li>
 *   <li>Generators draw from {@link java.util.Random}, which is specified bit for bit, so a seed
 *       reproduces the same data on every JVM. Moons are shuffled, as scikit-learn does by
 *       default. So does {@link io.microautograd.data.Dataset#split}.</li>
 *   <li>Class labels are class indices 0, 1, ... in a target row of width 1, the form softmax
 *       cross-entropy and argmax accuracy read (and the digits' file holds), not one-hot rows.</li>
 *   <li>The digits come from the runtime's jar, not from the network, so they load offline and
 *       never change. Their pixels are scaled to [0, 1] on loading (count / 16, exact), the range
 *       a network starts well on. A file that is not in their format is refused with its name,
 *       the line and what is wrong there.</li>
 * </ul>
 */
package io.microautograd.data;
