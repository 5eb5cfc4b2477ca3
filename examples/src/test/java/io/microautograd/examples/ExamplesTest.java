package io.microautograd.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every example headless into a temporary folder and checks what it promises: its pictures
 * are PNGs with something drawn, and its numbers are where the maths says they must be.
 */
class ExamplesTest {

    /** What each example must reach, stated independently of the example's code. */
    private static final Map<String, Consumer<ExampleResult>> BOUNDS = Map.of(
            // z = x*y + x: dz/dx = y + 1, dz/dy = x, at (2, 3).
            "engine", result -> {
                assertEquals(8.0, result.measurement("z"));
                assertEquals(4.0, result.measurement("dz/dx"));
                assertEquals(2.0, result.measurement("dz/dy"));
            },
            // y = 2 x1 + x2 - 3 with noise of standard deviation 0.1.
            "regression", result -> {
                assertEquals(2.0, result.measurement("w1"), 0.05);
                assertEquals(1.0, result.measurement("w2"), 0.05);
                assertEquals(-3.0, result.measurement("b"), 0.05);
                assertTrue(result.measurement("mse") < 0.02, "mse " + result.measurement("mse"));
                // The same trainer on the compiled and the Value-engine gradient of one model, whose
                // terms are added in the same order: the README says the same parameters to the last bit.
                assertEquals(0.0, result.measurement("distance between paths"), result.measurements().toString());
            },
            "moons", result -> {
                assertEquals(1.0, result.measurement("accuracy"), "micrograd's demo separates the moons");
                assertEquals(1.0, result.measurement("compiled accuracy"));
                // The compiled MLP sums a batch in its own order: the README says under 1e-14 apart.
                assertTrue(result.measurement("distance between paths") < 1e-14, result.measurements().toString());
                assertTrue(result.measurement("loss") < 0.1 * result.measurement("first loss"),
                        result.measurements().toString());
                // Each path's time per epoch is measured and printed (issue 7); no speed is asserted.
                assertTrue(result.measurement("Value ms per epoch") > 0 && result.measurement("compiled ms per epoch") > 0,
                        result.measurements().toString());
            },
            "sine", result -> {
                // The targets carry noise of variance 0.0025; the curve itself is learned to within 0.1.
                assertTrue(result.measurement("mse") < 0.005, result.measurements().toString());
                assertTrue(result.measurement("max curve error") < 0.1, result.measurements().toString());
                assertTrue(result.measurement("compiled max curve error") < 0.1, result.measurements().toString());
                assertTrue(result.measurement("distance between paths") < 1e-14, result.measurements().toString());
            },
            "digits", result -> {
                // The bar for a 64-32-10 network on images it never saw, on both paths.
                assertTrue(result.measurement("held-out accuracy") >= 0.95, result.measurements().toString());
                assertTrue(result.measurement("compiled held-out accuracy") >= 0.95, result.measurements().toString());
                // One wrong image per missing point of accuracy, and each is drawn.
                assertEquals(Math.round((1 - result.measurement("held-out accuracy")) * result.measurement(
                        "held-out images")), result.measurement("misclassified"), result.measurements().toString());
                // The compiled MLP sums a batch in its own order: the README says under 1e-14 apart.
                assertTrue(result.measurement("distance between paths") < 1e-14, result.measurements().toString());
                assertTrue(result.measurement("loss") < 0.1 * result.measurement("first loss"),
                        result.measurements().toString());
            },
            // loss = (relu(n) + 0.001 exp(w3 x1) - 1)^2 with n = -6.5, w3 = 5.5, x1 = 2: the relu is dead,
            // so w1, w2, b and n get no gradient; dloss/dw3 = 2 (0.001 e^11 - 1) * 0.001 e^11 * x1.
            "gradients", result -> {
                double e11 = Math.exp(11);
                assertEquals(0.0, result.measurement("w1 gradient"));
                assertEquals(2 * (0.001 * e11 - 1) * 0.001 * e11 * 2, result.measurement("w3 gradient"), 1e-9 * e11);
                assertTrue(result.measurement("vanishing values") >= 4, result.measurements().toString());
                assertTrue(result.measurement("exploding values") >= 2, result.measurements().toString());
            },
            // The minimum of Rosenbrock's function is (1, 1).
            "rosenbrock", result -> {
                assertTrue(result.measurement("distance to minimum") < 1e-3, result.measurements().toString());
                // Both gradients add the same terms in the same order: Adam's paths agree to the last bit.
                assertEquals(0.0, result.measurement("distance between paths"), result.measurements().toString());
                // Stopped at a gradient norm of 1e-10 where the Hessian's eigenvalues are at least 0.39:
                // within 1e-10 / 0.39 of the minimum. SciPy's L-BFGS-B and trust-ncg take 45 and 53
                // iterations from this start.
                assertTrue(result.measurement("L-BFGS distance to minimum") < 3e-10, result.measurements().toString());
                assertTrue(result.measurement("Newton-CG distance to minimum") < 3e-10, result.measurements().toString());
                assertTrue(result.measurement("L-BFGS iterations") < 100, result.measurements().toString());
                assertTrue(result.measurement("Newton-CG iterations") < 100, result.measurements().toString());
                // The twin runs the compiled function's operations in its order: its gradient is the compiled one.
                assertTrue(result.measurement("twin gradient error") < 1e-15, result.measurements().toString());
            },
            // 400 counts of mean exp(1 + 0.8 x) and dispersion 3: the maximum-likelihood fit is within a
            // few standard errors (about 0.04, 0.07 and 0.4) of the truth, and both paths reach it.
            "negative-binomial", result -> {
                assertEquals(1.0, result.measurement("b0"), 0.15, result.measurements().toString());
                assertEquals(0.8, result.measurement("b1"), 0.25, result.measurements().toString());
                assertEquals(3.0, result.measurement("r"), 1.5, result.measurements().toString());
                assertTrue(result.measurement("distance between paths") < 1e-6, result.measurements().toString());
            });

    /** How many pictures each example draws. */
    private static final Map<String, Integer> PICTURES =
            Map.of("engine", 0, "regression", 1, "moons", 2, "sine", 2, "digits", 4, "gradients", 1,
                    "rosenbrock", 2, "negative-binomial", 1);

    @TempDir
    Path output;

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    static Stream<Named<Example>> examples() {
        return Examples.all().stream().map(example -> Named.of(example.name(), example));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void runsHeadlessAndReachesItsBounds(Example example) throws IOException {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        ExampleResult result = example.run(new ExampleContext(output, new PrintStream(printed, true,
                StandardCharsets.UTF_8)));

        assertFalse(printed.toString(StandardCharsets.UTF_8).isBlank(), "the example says what it found");
        Consumer<ExampleResult> bounds = BOUNDS.get(example.name());
        assertNotNull(bounds, "every example has its bounds in this test: " + example.name());
        bounds.accept(result);
        assertEquals(PICTURES.get(example.name()), result.files().size(), "pictures: " + result.files());
        for (Path file : result.files()) {
            assertEquals(output.toAbsolutePath(), file.getParent(), "pictures go to the chosen folder");
            Pictures.assertDrawnPng(file);
            Pictures.assertFitsAScreen(file);
        }
    }

    @Test
    void namesAreUniqueCommandLineWords() {
        List<String> names = Examples.all().stream().map(Example::name).toList();
        assertEquals(names.size(), names.stream().distinct().count(), names.toString());
        names.forEach(name -> assertTrue(name.matches("[a-z][a-z0-9-]*"), name));
        assertEquals(BOUNDS.keySet(), Set.copyOf(names), "each example is checked here");
    }

    @Test
    void theTourIsMadeOfKnownExamplesAndStartsWithTheEngine() {
        List<String> tour = Examples.tour().stream().map(Example::name).toList();
        assertEquals("engine", tour.get(0));
        tour.forEach(name -> assertTrue(Examples.named(name).isPresent(), name));
        assertTrue(Examples.named("no-such-example").isEmpty());
    }
}
