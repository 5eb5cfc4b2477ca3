/**
 * Datasets for supervised learning and seeded generators of small ones:
 * {@link io.microautograd.data.Datasets#moons two moons}, the seed's linear function and a sine
 * curve.
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
 *       default.</li>
 * </ul>
 */
package io.microautograd.data;
