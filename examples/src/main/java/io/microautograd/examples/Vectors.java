package io.microautograd.examples;

/** Comparisons of parameter vectors between the two gradient paths. */
final class Vectors {

    private Vectors() {
    }

    /**
     * The largest absolute difference between corresponding entries of {@code a} and {@code b}.
     *
     * @throws IllegalArgumentException if their lengths differ
     */
    static double largestDifference(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("vectors must have the same length, got " + a.length + " and "
                    + b.length);
        }
        double largest = 0;
        for (int i = 0; i < a.length; i++) {
            largest = Math.max(largest, Math.abs(a[i] - b[i]));
        }
        return largest;
    }
}
