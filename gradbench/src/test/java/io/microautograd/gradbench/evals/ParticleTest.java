package io.microautograd.gradbench.evals;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.microautograd.gradcheck.GradientCheck;
import io.microautograd.optim.Objective;
import org.junit.jupiter.api.Test;

/**
 * The particle eval: the flight's derivative in w through the Euler steps against central
 * differences in both inner modes, and each variant's control against the eval's expected output.
 */
class ParticleTest {

    /** The eval's expected output from w = 0, for every function. */
    private static final double EXPECTED = 0.2071918746486116;

    @Test
    void theFlightsGradientMatchesCentralDifferencesAndItsTangentInBothModes() {
        for (boolean forward : new boolean[] {true, false}) {
            Objective flight = (w, gradient) -> ParticleGrad.flight(w[0], forward, gradient);
            GradientCheck.standard().assertGradientNear(flight, new double[] {0.1}, 0.1, 5, 26);
            double[] gradient = new double[1];
            assertEquals(Particle.flight(0.3, forward), flight.valueAndGradient(new double[] {0.3}, gradient));
            assertEquals(gradient[0], ParticleGrad.flightTangent(0.3, forward, 1), 1e-9 * Math.abs(gradient[0]));
        }
    }

    @Test
    void everyVariantFindsTheEvalsControl() {
        for (boolean outerForward : new boolean[] {true, false}) {
            for (boolean innerForward : new boolean[] {true, false}) {
                assertEquals(EXPECTED, Particle.particle(0, outerForward, innerForward), 1e-6,
                        "outer forward " + outerForward + ", inner forward " + innerForward);
            }
        }
    }
}
