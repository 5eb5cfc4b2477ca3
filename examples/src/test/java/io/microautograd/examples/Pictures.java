package io.microautograd.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import javax.imageio.ImageIO;

/** Checks that a file is a PNG picture with something drawn on it. */
final class Pictures {

    private Pictures() {
    }

    /** Asserts that {@code file} decodes as a picture of a sensible size that is not one flat colour. */
    static void assertDrawnPng(Path file) throws IOException {
        assertTrue(file.isAbsolute(), file + " is absolute");
        assertTrue(Files.isRegularFile(file), file + " exists");
        byte[] bytes = Files.readAllBytes(file);
        assertEquals((byte) 0x89, bytes[0], "PNG signature");
        assertEquals('P', bytes[1], "PNG signature");
        BufferedImage image = ImageIO.read(file.toFile());
        assertNotNull(image, file + " decodes");
        assertTrue(image.getWidth() >= 200 && image.getHeight() >= 100,
                file + " is " + image.getWidth() + " x " + image.getHeight());
        Map<Integer, Integer> counts = new HashMap<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                counts.merge(image.getRGB(x, y), 1, Integer::sum);
            }
        }
        int pixels = image.getWidth() * image.getHeight();
        int commonest = counts.values().stream().max(Integer::compare).orElseThrow();
        assertTrue(counts.size() >= 10, file + " has " + counts.size() + " colours");
        assertTrue(commonest < 0.97 * pixels, file + " is " + 100.0 * commonest / pixels + "% one colour");
    }

    /**
     * Asserts that the picture in {@code file} reads when fitted to a screen: neither side is more
     * than twice the other.
     */
    static void assertFitsAScreen(Path file) throws IOException {
        BufferedImage image = ImageIO.read(file.toFile());
        double aspect = (double) image.getWidth() / image.getHeight();
        assertTrue(aspect >= 0.5 && aspect <= 2, file + " is " + image.getWidth() + " x " + image.getHeight());
    }
}
