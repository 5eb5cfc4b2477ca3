package io.microautograd.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DigitsTest {

    /** The first line of scikit-learn's file: a 0. */
    private static final String FIRST_LINE = "0,0,5,13,9,1,0,0,0,0,13,15,10,15,5,0,0,3,15,2,0,11,8,0,0,4,12,0,0,8,8,0,0,5,"
            + "8,0,0,9,8,0,0,4,11,0,1,12,7,0,0,2,14,5,10,12,0,0,0,0,6,13,10,0,0,0,0";

    @TempDir
    Path folder;

    @Test
    void theJarsCopyHoldsScikitLearnsDigits() {
        Dataset digits = Digits.load();

        assertEquals(1797, digits.size());
        assertEquals(Digits.PIXELS, digits.inputSize());
        assertEquals(1, digits.targetSize());
        int[] perDigit = new int[Digits.CLASSES];
        for (int i = 0; i < digits.size(); i++) {
            perDigit[(int) digits.target(i, 0)]++;
            for (double pixel : digits.input(i)) {
                assertTrue(pixel >= 0 && pixel <= 1 && pixel * 16 == Math.rint(pixel * 16), "pixel " + pixel);
            }
        }
        assertArrayEquals(new int[] {178, 182, 177, 183, 181, 182, 181, 179, 174, 180}, perDigit);
        assertArrayEquals(pixels(FIRST_LINE), digits.input(0));
        assertEquals(0, digits.target(0, 0));
    }

    @Test
    void aFileInTheFormatLoadsPlainOrGzipped() throws IOException {
        String lines = FIRST_LINE + "\n" + FIRST_LINE.replace("0,0,5,13", "16,0,5,13").replaceAll(",0$", ",7") + "\n";
        Path plain = Files.writeString(folder.resolve("two.csv"), lines);
        Path gzipped = folder.resolve("two.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gzipped))) {
            out.write(lines.getBytes(StandardCharsets.US_ASCII));
        }

        for (Path file : new Path[] {plain, gzipped}) {
            Dataset two = Digits.load(file);
            assertEquals(2, two.size());
            assertEquals(1.0, two.input(1, 0), "a count of 16 is intensity 1");
            assertEquals(5.0 / 16, two.input(1, 2));
            assertArrayEquals(new double[] {0, 7}, new double[] {two.target(0, 0), two.target(1, 0)});
        }
    }

    /** The second of three lines is the first line with one field replaced (field 0 to 63 a pixel, 64 the digit). */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0 | 17 | line 2: pixel 1 must be an integer from 0 to 16, got 17",
        "1 | -1 | line 2: pixel 2 must be an integer from 0 to 16, got -1",
        "2 | 2.5 | line 2: pixel 3 must be an integer from 0 to 16, got \"2.5\"",
        "63 | x | line 2: pixel 64 must be an integer from 0 to 16, got \"x\"",
        "64 | 10 | line 2: the digit must be an integer from 0 to 9, got 10",
        "64 | 3,4 | line 2: an image is 64 pixels and its digit, 65 comma-separated values, got 66"})
    void aMalformedLineIsRefusedWithTheFileAndTheLine(int field, String value, String message) throws IOException {
        String[] fields = FIRST_LINE.split(",");
        fields[field] = value;
        assertMalformed(String.join(",", fields), message);
    }

    @Test
    void aShortOrBlankLineIsRefusedWithTheFileAndTheLine() throws IOException {
        assertMalformed("0,1,2", "line 2: an image is 64 pixels and its digit, 65 comma-separated values, got 3");
        assertMalformed("", "line 2: an image is 64 pixels and its digit, 65 comma-separated values, got 1");
    }

    private void assertMalformed(String secondLine, String message) throws IOException {
        Path file = Files.writeString(folder.resolve("bad.csv"), FIRST_LINE + "\n" + secondLine + "\n" + FIRST_LINE
                + "\n");
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Digits.load(file));
        assertEquals(file + " " + message, error.getMessage());
    }

    @Test
    void anEmptyOrMissingFileIsNamed() throws IOException {
        Path empty = Files.writeString(folder.resolve("empty.csv"), "");
        assertEquals(empty + " holds no image",
                assertThrows(IllegalArgumentException.class, () -> Digits.load(empty)).getMessage());
        Path missing = folder.resolve("missing.csv");
        assertEquals("cannot read the digits in " + missing,
                assertThrows(UncheckedIOException.class, () -> Digits.load(missing)).getMessage());
    }

    private static double[] pixels(String line) {
        String[] fields = line.split(",");
        double[] pixels = new double[Digits.PIXELS];
        for (int p = 0; p < pixels.length; p++) {
            pixels[p] = Integer.parseInt(fields[p]) / 16.0;
        }
        return pixels;
    }
}
