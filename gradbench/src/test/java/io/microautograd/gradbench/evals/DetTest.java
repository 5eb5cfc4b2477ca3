package io.microautograd.gradbench.evals;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.microautograd.gradcheck.GradientCheck;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The determinant by expansion over permutations and its compiled gradient, checked against
 * Gaussian elimination and against the adjugate identity A adj(A) = det(A) I, the gradient being
 * the cofactor matrix adj(A)^T.
 */
class DetTest {

    private static double[] random(int ell, long seed) {
        Random random = new Random(seed);
        double[] a = new double[ell * ell];
        for (int i = 0; i < a.length; i++) {
            a[i] = random.nextDouble();
        }
        return a;
    }

    /** det(A) by Gaussian elimination with partial pivoting. */
    private static double eliminated(double[] matrix, int ell) {
        double[] a = matrix.clone();
        double det = 1;
        for (int k = 0; k < ell; k++) {
            int pivot = k;
            for (int i = k + 1; i < ell; i++) {
                if (Math.abs(a[i * ell + k]) > Math.abs(a[pivot * ell + k])) {
                    pivot = i;
                }
            }
            if (pivot != k) {
                for (int j = 0; j < ell; j++) {
                    double swapped = a[k * ell + j];
                    a[k * ell + j] = a[pivot * ell + j];
                    a[pivot * ell + j] = swapped;
                }
                det = -det;
            }
            det *= a[k * ell + k];
            for (int i = k + 1; i < ell; i++) {
                double factor = a[i * ell + k] / a[k * ell + k];
                for (int j = k; j < ell; j++) {
                    a[i * ell + j] -= factor * a[k * ell + j];
                }
            }
        }
        return det;
    }

    @Test
    void smallMatricesHaveTheirTextbookDeterminants() {
        assertEquals(-2.5, Det.determinant(new double[] {-2.5}, 1));
        assertEquals(1 * 4 - 2 * 3, Det.determinant(new double[] {1, 2, 3, 4}, 2));
        double[] a = {2, -1, 3, 0.5, 4, 1, -2, 1, 5};
        double sarrus = 2 * 4 * 5 + -1 * 1 * -2 + 3 * 0.5 * 1 - 3 * 4 * -2 - -1 * 0.5 * 5 - 2 * 1 * 1;
        assertEquals(sarrus, Det.determinant(a, 3), 1e-13);
    }

    @Test
    void everyPermutationMatrixHasItsSign() {
        int ell = 4;
        int[] sigma = {0, 1, 2, 3};
        for (int swaps = 0; swaps < 24; swaps++) {
            double[] a = new double[ell * ell];
            for (int i = 0; i < ell; i++) {
                a[i * ell + sigma[i]] = 1;
            }
            assertEquals(eliminated(a, ell), Det.determinant(a, ell), 0.0, Arrays.toString(sigma));
            int i = swaps % (ell - 1);
            int swapped = sigma[i];
            sigma[i] = sigma[i + 1];
            sigma[i + 1] = swapped;
        }
    }

    @Test
    void valueMatchesGaussianElimination() {
        for (int ell = 2; ell <= 7; ell++) {
            double[] a = random(ell, ell);
            assertEquals(eliminated(a, ell), Det.determinant(a, ell), 1e-12, "ell = " + ell);
        }
    }

    @Test
    void gradientIsTheCofactorMatrix() {
        for (int ell = 1; ell <= 6; ell++) {
            double[] a = random(ell, 100 + ell);
            double[] gradient = new double[a.length];
            double det = DetGrad.determinant(a, ell, gradient);
            for (int i = 0; i < ell; i++) {
                for (int j = 0; j < ell; j++) {
                    double product = 0;
                    for (int k = 0; k < ell; k++) {
                        product += a[j * ell + k] * gradient[i * ell + k];
                    }
                    assertEquals(i == j ? det : 0, product, 1e-12, "ell = " + ell + ", (A adj(A))[" + j + "][" + i + "]");
                }
            }
        }
    }

    @Test
    void gradientMatchesCentralDifferences() {
        GradientCheck.standard().assertGradientNear(
                (a, gradient) -> DetGrad.determinant(a, 4, gradient), random(4, 7), 1, 5, 26);
    }
}
