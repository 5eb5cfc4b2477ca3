package io.microautograd.train;

/** The few operations on flat vectors that the minimizers share. */
final class Vectors {

    private Vectors() {
    }

    /** The dot product of two vectors of one length. */
    static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    /** The Euclidean norm. */
    static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    /** {@code target += factor * v}. */
    static void addScaled(double[] target, double factor, double[] v) {
        for (int i = 0; i < target.length; i++) {
            target[i] += factor * v[i];
        }
    }

    /** {@code target = point + factor * v}. */
    static void pointAlong(double[] target, double[] point, double factor, double[] v) {
        for (int i = 0; i < target.length; i++) {
            target[i] = point[i] + factor * v[i];
        }
    }
}
