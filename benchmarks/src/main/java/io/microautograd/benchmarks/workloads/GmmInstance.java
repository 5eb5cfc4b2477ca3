package io.microautograd.benchmarks.workloads;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Scanner;

/**
 * One ADBench GMM instance as read from its text file: sizes, parameters and points.
 *
 * @param d dimension of a point
 * @param k number of components
 * @param n number of points
 * @param alphas mixture weights (log space), k
 * @param means component means, k*d
 * @param icf inverse covariance factors, k*d(d+1)/2
 * @param x points, n*d
 * @param gamma Wishart prior gamma
 * @param m Wishart prior m
 */
public record GmmInstance(int d, int k, int n, double[] alphas, double[] means, double[] icf,
                          double[] x, double gamma, int m) {

    /**
     * The folder of ADBench data: the system property {@code adbench.dir}, else {@code data/adbench}
     * relative to the working directory (the repository root, where benchmarks/run starts).
     */
    public static Path dataDirectory() {
        return Path.of(System.getProperty("adbench.dir", "data/adbench"));
    }

    /** Reads {@code name} (for example {@code gmm_1k_d2_K5.txt}) from {@link #dataDirectory()}. */
    public static GmmInstance read(String name) {
        Path file = dataDirectory().resolve(name);
        try (Scanner in = new Scanner(Files.newBufferedReader(file))) {
            in.useLocale(java.util.Locale.ROOT);
            int d = in.nextInt();
            int k = in.nextInt();
            int n = in.nextInt();
            double[] alphas = next(in, k);
            double[] means = next(in, k * d);
            double[] icf = next(in, k * d * (d + 1) / 2);
            double[] x = next(in, n * d);
            double gamma = in.nextDouble();
            int m = in.nextInt();
            return new GmmInstance(d, k, n, alphas, means, icf, x, gamma, m);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read ADBench instance " + file.toAbsolutePath()
                    + " (set -Dadbench.dir to the folder holding it)", e);
        }
    }

    /** The objective at this instance's parameters. */
    public double objective() {
        return Gmm.objective(alphas, means, icf, x, d, k, n, gamma, m);
    }

    private static double[] next(Scanner in, int count) {
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            values[i] = in.nextDouble();
        }
        return values;
    }
}
