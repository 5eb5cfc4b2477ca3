package io.microautograd.data;

import java.util.Random;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Generators of small datasets for examples and tests. Every generator takes an explicit seed
 * and draws from {@link java.util.Random}, whose algorithm Java specifies, so a seed gives the
 * same data on every JVM.
 */
public final class Datasets {

    private Datasets() {
    }

    /**
     * Two interleaving half circles, scikit-learn's {@code make_moons}: {@code n / 2} points on
     * the upper moon (cos t, sin t) with label 0 and the rest on the lower moon
     * (1 - cos t, 0.5 - sin t) with label 1, t evenly spaced over [0, pi]; Gaussian noise of
     * standard deviation {@code noise} is added to both coordinates and the samples are shuffled.
     *
     * @param n the number of points, at least 2
     * @param noise the standard deviation of the noise, 0 for none
     * @param seed the seed of the noise and the shuffle
     */
    public static Dataset moons(int n, double noise, long seed) {
        requireAtLeast("n", 2, n);
        requireNoise(noise);
        int upper = n / 2;
        int lower = n - upper;
        double[][] x = new double[n][];
        double[] y = new double[n];
        for (int i = 0; i < upper; i++) {
            double t = evenlySpaced(i, upper, Math.PI);
            x[i] = new double[] {Math.cos(t), Math.sin(t)};
        }
        for (int i = 0; i < lower; i++) {
            double t = evenlySpaced(i, lower, Math.PI);
            x[upper + i] = new double[] {1 - Math.cos(t), 0.5 - Math.sin(t)};
            y[upper + i] = 1;
        }
        Random random = new Random(seed);
        for (double[] point : x) {
            point[0] += noise * random.nextGaussian();
            point[1] += noise * random.nextGaussian();
        }
        shuffle(x, y, random);
        return Dataset.of(x, y);
    }

    /** The seed's regression example: the four points (2, 3), (1, -1), (0.5, 2), (-1, -2) with y = 2 x1 + x2 - 3. */
    public static Dataset seedLinearExample() {
        double[][] x = {{2.0, 3.0}, {1.0, -1.0}, {0.5, 2.0}, {-1.0, -2.0}};
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = seedLinearFunction(x[i][0], x[i][1]);
        }
        return Dataset.of(x, y);
    }

    /**
     * {@code n} points of the seed's linear function y = 2 x1 + x2 - 3, with x1 and x2 drawn
     * uniformly from [-2, 2] and Gaussian noise of standard deviation {@code noise} added to y.
     */
    public static Dataset linear(int n, double noise, long seed) {
        return noisyFunction(n, noise, seed, random -> new double[] {uniform(random, -2, 2), uniform(random, -2, 2)},
                x -> seedLinearFunction(x[0], x[1]));
    }

    /**
     * {@code n} points of the curve y = sin(x), x drawn uniformly from [-pi, pi], with Gaussian
     * noise of standard deviation {@code noise} added to y: a 1-D nonlinear regression task.
     */
    public static Dataset sine(int n, double noise, long seed) {
        return noisyFunction(n, noise, seed, random -> new double[] {uniform(random, -Math.PI, Math.PI)},
                x -> Math.sin(x[0]));
    }

    /** {@code n} samples y = f(x) + noise, each x drawn by {@code drawInput} and then its noise drawn. */
    private static Dataset noisyFunction(int n, double noise, long seed, Function<Random, double[]> drawInput,
            ToDoubleFunction<double[]> f) {
        requireAtLeast("n", 1, n);
        requireNoise(noise);
        Random random = new Random(seed);
        double[][] x = new double[n][];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = drawInput.apply(random);
            y[i] = f.applyAsDouble(x[i]) + noise * random.nextGaussian();
        }
        return Dataset.of(x, y);
    }

    private static double seedLinearFunction(double x1, double x2) {
        return 2 * x1 + x2 - 3;
    }

    /** numpy's linspace(0, end, count)[i]. */
    private static double evenlySpaced(int i, int count, double end) {
        return count == 1 ? 0 : end * i / (count - 1);
    }

    private static double uniform(Random random, double low, double high) {
        return low + (high - low) * random.nextDouble();
    }

    /** Fisher-Yates, moving each label with its point. */
    private static void shuffle(double[][] x, double[] y, Random random) {
        for (int i = x.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            double[] point = x[i];
            x[i] = x[j];
            x[j] = point;
            double label = y[i];
            y[i] = y[j];
            y[j] = label;
        }
    }

    private static void requireAtLeast(String name, int minimum, int actual) {
        if (actual < minimum) {
            throw new IllegalArgumentException(name + " must be at least " + minimum + ", got " + actual);
        }
    }

    private static void requireNoise(double noise) {
        if (!(noise >= 0) || Double.isInfinite(noise)) {
            throw new IllegalArgumentException("noise must be a finite standard deviation >= 0, got " + noise);
        }
    }
}
