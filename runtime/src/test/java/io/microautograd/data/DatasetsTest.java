package io.microautograd.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DatasetsTest {

    /** The distance of a point from the centre of its moon's circle: (0, 0) for label 0, (1, 0.5) for label 1. */
    private static double radius(Dataset moons, int i) {
        double[] point = moons.input(i);
        return moons.target(i)[0] == 0 ? Math.hypot(point[0], point[1]) : Math.hypot(point[0] - 1, point[1] - 0.5);
    }

    @Test
    void noiselessMoonsLieOnTheirHalfCircles() {
        Dataset moons = Datasets.moons(101, 0, 3);
        int upper = 0;
        for (int i = 0; i < moons.size(); i++) {
            double label = moons.target(i)[0];
            double y = moons.input(i)[1];
            assertEquals(1, radius(moons, i), 1e-12, "on the unit circle of moon " + label);
            if (label == 0) {
                upper++;
                assertTrue(y >= -1e-12, "upper moon is the upper half");
            } else {
                assertEquals(1, label);
                assertTrue(y <= 0.5 + 1e-12, "lower moon is the lower half");
            }
        }
        assertEquals(50, upper, "n / 2 points on the upper moon");
    }

    @Test
    void moonsEndpointsAreScikitLearnsLinspace() {
        Dataset moons = Datasets.moons(4, 0, 1);
        double[][] expected = {{1, 0}, {-1, 0}, {0, 0.5}, {2, 0.5}};
        for (double[] point : expected) {
            boolean found = false;
            for (double[] actual : moons.inputs()) {
                found |= Math.abs(actual[0] - point[0]) < 1e-12 && Math.abs(actual[1] - point[1]) < 1e-12;
            }
            assertTrue(found, Arrays.toString(point) + " is a moon endpoint");
        }
    }

    @Test
    void moonNoiseHasTheRequestedStandardDeviation() {
        Dataset noisy = Datasets.moons(4000, 0.1, 8);
        // Noise moves points off their circle; with noise small against the radius, the radial
        // offset has about the noise's standard deviation.
        double sumOfSquares = 0;
        for (int i = 0; i < noisy.size(); i++) {
            sumOfSquares += (radius(noisy, i) - 1) * (radius(noisy, i) - 1);
        }
        assertEquals(0.1, Math.sqrt(sumOfSquares / noisy.size()), 0.01);
    }

    @Test
    void seedsReproduceAndDiffer() {
        assertArrayEquals(Datasets.moons(50, 0.1, 5).inputs(), Datasets.moons(50, 0.1, 5).inputs());
        assertFalse(Arrays.deepEquals(Datasets.moons(50, 0.1, 5).inputs(), Datasets.moons(50, 0.1, 6).inputs()));
        assertArrayEquals(Datasets.sine(20, 0.1, 5).targets(), Datasets.sine(20, 0.1, 5).targets());
        assertArrayEquals(Datasets.linear(20, 0.1, 5).inputs(), Datasets.linear(20, 0.1, 5).inputs());
    }

    @Test
    void seedLinearExampleIsTheSeedsFourPoints() {
        Dataset data = Datasets.seedLinearExample();
        assertArrayEquals(new double[][] {{2.0, 3.0}, {1.0, -1.0}, {0.5, 2.0}, {-1.0, -2.0}}, data.inputs());
        assertArrayEquals(new double[][] {{4.0}, {-2.0}, {0.0}, {-7.0}}, data.targets());
    }

    @Test
    void noiselessLinearAndSineFollowTheirFormulas() {
        Dataset linear = Datasets.linear(30, 0, 2);
        for (int i = 0; i < linear.size(); i++) {
            double[] x = linear.input(i);
            assertTrue(Math.abs(x[0]) <= 2 && Math.abs(x[1]) <= 2);
            assertEquals(2 * x[0] + x[1] - 3, linear.target(i)[0], 1e-12);
        }
        Dataset sine = Datasets.sine(30, 0, 2);
        for (int i = 0; i < sine.size(); i++) {
            double x = sine.input(i)[0];
            assertTrue(Math.abs(x) <= Math.PI);
            assertEquals(Math.sin(x), sine.target(i)[0], 1e-12);
        }
    }

    @Test
    void badArgumentsAreNamed() {
        IllegalArgumentException n = assertThrows(IllegalArgumentException.class, () -> Datasets.moons(1, 0.1, 0));
        assertEquals("n must be at least 2, got 1", n.getMessage());
        IllegalArgumentException noise =
                assertThrows(IllegalArgumentException.class, () -> Datasets.sine(10, -0.5, 0));
        assertEquals("noise must be a finite standard deviation >= 0, got -0.5", noise.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Datasets.linear(0, 0, 0));
    }
}
