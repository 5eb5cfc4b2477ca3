package io.microautograd.accuracy;

import static io.microautograd.accuracy.HighPrecision.of;
import static io.microautograd.accuracy.HighPrecision.ulpsOff;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Random;
import java.util.function.DoubleSupplier;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The reference checked on its own: published digits of constants, identities to 50 digits, and
 * agreement with {@code java.lang.Math} within the 1 ulp its specification promises, at random
 * points over the whole range the accuracy test uses.
 */
class HighPrecisionTest {

    private static final Random RANDOM = new Random(30);

    @Test
    void constantsHaveTheirPublishedDigits() {
        assertDigits("3.14159265358979323846264338327950288419716939937510582097", HighPrecision.pi());
        assertDigits("2.71828182845904523536028747135266249775724709369995957496", HighPrecision.exp(BigDecimal.ONE));
        assertDigits("0.69314718055994530941723212145817656807550013436025525412", HighPrecision.log(of(2)));
        assertDigits("2.30258509299404568401799145468436420760110148862877297603", HighPrecision.log(BigDecimal.TEN));
        assertDigits("0.84147098480789650665250232163029899962256306079837106567", HighPrecision.sin(BigDecimal.ONE));
        assertDigits("0.54030230586813971740093660744297660373231042061792222767", HighPrecision.cos(BigDecimal.ONE));
    }

    @Test
    void functionsInvertEachOtherToFiftyDigits() {
        for (int i = 0; i < 50; i++) {
            BigDecimal x = of(Math.exp(RANDOM.nextDouble() * 1300 - 650));
            assertSameTo50Digits(x, HighPrecision.exp(HighPrecision.log(x)), "exp(log x) at " + x);
            assertSameTo50Digits(x, HighPrecision.cbrt(x).pow(3), "cbrt(x)^3 at " + x);
            BigDecimal angle = of(RANDOM.nextGaussian() * 1e6);
            BigDecimal sin = HighPrecision.sin(angle);
            BigDecimal cos = HighPrecision.cos(angle);
            assertSameTo50Digits(BigDecimal.ONE, sin.multiply(sin).add(cos.multiply(cos)), "sin^2 + cos^2 at " + angle);
        }
    }

    @Test
    void agreesWithJavaWithinTheUlpJavaPromises() {
        assertWithinOneUlp("exp", Math::exp, HighPrecision::exp, () -> RANDOM.nextDouble() * 1400 - 700);
        assertWithinOneUlp("log", Math::log, HighPrecision::log, () -> Math.exp(RANDOM.nextDouble() * 1380 - 690));
        assertWithinOneUlp("sin", Math::sin, HighPrecision::sin, () -> RANDOM.nextGaussian() * 1e4);
        assertWithinOneUlp("cos", Math::cos, HighPrecision::cos, () -> RANDOM.nextGaussian() * 1e4);
        assertWithinOneUlp("sin of huge", Math::sin, HighPrecision::sin, () -> RANDOM.nextDouble() * 1e15);
        assertWithinOneUlp("cbrt", Math::cbrt, HighPrecision::cbrt, () -> Math.exp(RANDOM.nextDouble() * 1380 - 690));
        assertWithinOneUlp("pow", x -> Math.pow(x, 2.5), x -> HighPrecision.pow(x, of(2.5)),
                () -> Math.exp(RANDOM.nextDouble() * 500 - 250));
        assertWithinOneUlp("sqrt", Math::sqrt, HighPrecision::sqrt, () -> Math.exp(RANDOM.nextDouble() * 1380 - 690));
    }

    private static void assertWithinOneUlp(String name, DoubleUnaryOperator java, UnaryOperator<BigDecimal> reference,
            DoubleSupplier points) {
        for (int i = 0; i < 200; i++) {
            double x = points.getAsDouble();
            double off = ulpsOff(java.applyAsDouble(x), reference.apply(of(x)));
            assertTrue(off <= 1, name + "(" + x + "): Math is " + off + " ulps from the reference");
        }
    }

    /** The constant agrees with the published digits to the last one given, 56 decimals. */
    private static void assertDigits(String expected, BigDecimal actual) {
        BigDecimal published = new BigDecimal(expected);
        assertTrue(published.subtract(actual).abs().compareTo(published.ulp()) <= 0, actual + " is not " + expected);
    }

    private static void assertSameTo50Digits(BigDecimal expected, BigDecimal actual, String what) {
        BigDecimal tolerance = expected.abs().movePointLeft(50);
        assertTrue(expected.subtract(actual).abs().compareTo(tolerance) <= 0, what + ": " + actual);
    }
}
