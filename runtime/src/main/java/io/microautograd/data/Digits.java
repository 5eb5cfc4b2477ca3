package io.microautograd.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * scikit-learn's handwritten digits ({@code load_digits}): 1,797 images of 8x8 pixels, ten
 * classes, shipped in the runtime's jar with their licence and provenance (the project's
 * {@code data/digits}). Each input row holds the 64 pixels, row by row from the top left, as
 * intensities in [0, 1]: the file's counts of the on pixels of a 4x4 block (0 to 16) divided by
 * 16, which is exact. Each target row holds the digit, 0 to 9, the class index that
 * {@link io.microautograd.losses.Loss#SOFTMAX_CROSS_ENTROPY} reads.
 *
 * <pre>{@code
 * Dataset.Split digits = Digits.load().split(0.2, 1);   // 1,438 images to train on, 359 held out
 * }</pre>
 */
public final class Digits {

    /** The side of an image in pixels. */
    public static final int SIDE = 8;
    /** The pixels of an image, the width of an input row. */
    public static final int PIXELS = SIDE * SIDE;
    /** The classes, the digits 0 to 9. */
    public static final int CLASSES = 10;
    /** The largest count a pixel of the file holds: the 16 pixels of a 4x4 block, all on. */
    private static final int BLOCK_PIXELS = 16;
    private static final String RESOURCE = "digits/digits.csv.gz";

    private Digits() {
    }

    /** The 1,797 images of the copy in the jar, in the file's order. */
    public static Dataset load() {
        try (InputStream in = Digits.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the runtime's jar has no " + RESOURCE + " beside " + Digits.class);
            }
            return read(new GZIPInputStream(in), RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the digits in the runtime's jar", e);
        }
    }

    /**
     * The images of {@code file}, in the format of scikit-learn's {@code digits.csv.gz}: one image
     * a line, 64 pixel counts from 0 to 16 and the digit, comma-separated; gzipped when the name
     * ends in {@code .gz}.
     *
     * @throws IllegalArgumentException if a line is not in that format, naming the file and the line
     * @throws UncheckedIOException if the file cannot be read
     */
    public static Dataset load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(file.toString().endsWith(".gz") ? new GZIPInputStream(in) : in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the digits in " + file, e);
        }
    }

    private static Dataset read(InputStream in, String source) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
        List<double[]> pixels = new ArrayList<>();
        List<double[]> digits = new ArrayList<>();
        String line;
        while ((line = reader.readLine()) != null) {
            String where = source + " line " + (pixels.size() + 1) + ": ";
            String[] fields = line.split(",", -1);
            if (fields.length != PIXELS + 1) {
                throw new IllegalArgumentException(where + "an image is " + PIXELS + " pixels and its digit, "
                        + (PIXELS + 1) + " comma-separated values, got " + fields.length);
            }
            double[] image = new double[PIXELS];
            for (int p = 0; p < PIXELS; p++) {
                image[p] = (double) count(fields[p], BLOCK_PIXELS, where + "pixel " + (p + 1)) / BLOCK_PIXELS;
            }
            pixels.add(image);
            digits.add(new double[] {count(fields[PIXELS], CLASSES - 1, where + "the digit")});
        }
        if (pixels.isEmpty()) {
            throw new IllegalArgumentException(source + " holds no image");
        }
        return new Dataset(pixels.toArray(new double[0][]), digits.toArray(new double[0][]));
    }

    /** The integer in {@code field}, from 0 to {@code largest}. */
    private static int count(String field, int largest, String what) {
        int value;
        try {
            value = Integer.parseInt(field.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " must be an integer from 0 to " + largest + ", got \"" + field
                    + "\"");
        }
        if (value < 0 || value > largest) {
            throw new IllegalArgumentException(what + " must be an integer from 0 to " + largest + ", got " + value);
        }
        return value;
    }
}
