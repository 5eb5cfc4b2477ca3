package io.microautograd.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DatasetTest {

    @Test
    void copiesInAndOut() {
        double[][] x = {{1, 2}, {3, 4}};
        Dataset data = Dataset.of(x, new double[] {5, 6});
        x[0][0] = 99;
        data.input(0)[1] = 99;
        data.inputs()[1][0] = 99;
        assertEquals(1, data.input(0)[0]);
        assertEquals(2, data.input(0)[1]);
        assertEquals(3, data.input(1)[0]);
        assertEquals(6, data.target(1)[0]);
        assertEquals("Dataset(2 samples, inputs of width 2, targets of width 1)", data.toString());
        assertEquals(4, data.input(1, 1));
        assertEquals(5, data.target(0, 0));
    }

    @Test
    void shapeErrorsSayWhatIsWrong() {
        IllegalArgumentException counts = assertThrows(IllegalArgumentException.class,
                () -> Dataset.of(new double[][] {{1}, {2}}, new double[] {1}));
        assertEquals("inputs and targets must have one row per sample, got 2 rows of inputs and 1 of targets",
                counts.getMessage());
        IllegalArgumentException ragged = assertThrows(IllegalArgumentException.class,
                () -> Dataset.of(new double[][] {{1, 2}, {3}}, new double[] {1, 2}));
        assertEquals("every row of inputs must have the width of row 0 (2), but row 1 has width 1",
                ragged.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Dataset(new double[0][], new double[0][]));
    }

    @Test
    void inputRowsWithoutValuesAreRejected() {
        assertEquals("every row of inputs must hold at least one value, got rows of width 0", assertThrows(
                IllegalArgumentException.class, () -> Dataset.of(new double[][] {{}, {}}, new double[] {1, 2}))
                .getMessage());
    }

    @Test
    void targetsMayHaveWidthZero() {
        Dataset points = new Dataset(new double[][] {{1, 2}, {3, 4}}, new double[2][0]);
        assertEquals(0, points.targetSize());
        assertEquals(0, points.target(1).length);
        assertEquals("Dataset(2 samples, inputs of width 2, targets of width 0)", points.toString());
    }
}
