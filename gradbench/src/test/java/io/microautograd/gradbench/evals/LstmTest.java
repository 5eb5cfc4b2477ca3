package io.microautograd.gradbench.evals;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.microautograd.gradcheck.GradientCheck;
import io.microautograd.optim.Objective;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The lstm eval's objective against one step written out as the eval's README and ADBench's
 * code define it, its compiled gradient against central differences, and the module's reading
 * of the eval's matrices and writing of the jacobian.
 */
class LstmTest {

    private final Random random = new Random(26);

    private double[][] matrix(int rows, int columns) {
        double[][] matrix = new double[rows][columns];
        for (double[] row : matrix) {
            for (int j = 0; j < columns; j++) {
                row[j] = random.nextDouble();
            }
        }
        return matrix;
    }

    private double[][] bits(int rows, int columns) {
        double[][] matrix = new double[rows][columns];
        for (double[] row : matrix) {
            for (int j = 0; j < columns; j++) {
                row[j] = random.nextBoolean() ? 1 : 0;
            }
        }
        return matrix;
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    @Test
    void oneLayerOneBitOneStepIsTheCellWrittenOut() {
        double[] main = {0.3, -0.7, 1.1, 0.4, 0.2, -0.5, 0.9, -0.1};
        double[] extra = {1.5, -0.8, 0.25};
        double[] state = {0.6, -0.35};
        double[] sequence = {1, 1};
        double input = sequence[0] * extra[0];
        double forget = sigmoid(input * main[0] + main[4]);
        double inGate = sigmoid(state[0] * main[1] + main[5]);
        double outGate = sigmoid(input * main[2] + main[6]);
        double change = Math.tanh(state[0] * main[3] + main[7]);
        double cell = state[1] * forget + inGate * change;
        double prediction = outGate * Math.tanh(cell) * extra[1] + extra[2];
        double expected = -(sequence[1] * (prediction - Math.log(Math.exp(prediction) + 2)));

        assertEquals(expected, Lstm.objective(main, extra, state, sequence, 1, 2, 1), 1e-15);
    }

    @Test
    void gradientMatchesCentralDifferencesOverBothParameterArrays() {
        int l = 2;
        int b = 3;
        int c = 5;
        double[] state = LstmEval.rows(matrix(2 * l, b));
        double[] sequence = LstmEval.rows(bits(c, b));
        int mainLength = 8 * l * b;
        Objective both = (p, gradient) -> {
            double[] main = Arrays.copyOf(p, mainLength);
            double[] extra = Arrays.copyOfRange(p, mainLength, p.length);
            double[] dMain = new double[main.length];
            double[] dExtra = new double[extra.length];
            double value = LstmGrad.objective(main, extra, state, sequence, l, c, b, dMain, dExtra);
            for (int i = 0; i < dMain.length; i++) {
                gradient[i] += dMain[i];
            }
            for (int i = 0; i < dExtra.length; i++) {
                gradient[mainLength + i] += dExtra[i];
            }
            return value;
        };
        double[] center = LstmEval.rows(matrix(1, mainLength + 3 * b));

        GradientCheck.standard().assertGradientNear(both, center, 0.5, 3, 26);
    }

    @Test
    void theStateGivenIsLeftAsItWas() {
        double[] state = LstmEval.rows(matrix(4, 2));
        double[] before = state.clone();
        double[] main = LstmEval.rows(matrix(4, 8));
        double[] extra = LstmEval.rows(matrix(3, 2));
        double[] sequence = LstmEval.rows(bits(3, 2));

        Lstm.objective(main, extra, state, sequence, 2, 3, 2);
        LstmGrad.objective(main, extra, state, sequence, 2, 3, 2, new double[main.length], new double[extra.length]);

        assertArrayEquals(before, state);
    }

    @Test
    void theJacobianIsTheMainParametersRowAfterRowThenTheExtraOnes() {
        double[][] main = matrix(4, 8);
        double[][] extra = matrix(3, 2);
        double[][] state = matrix(4, 2);
        double[][] sequence = bits(4, 2);
        JsonNode input = JsonMapper.builder().build().valueToTree(Map.of("main_params", main, "extra_params", extra,
                "state", state, "sequence", sequence));

        double[] sent = (double[]) LstmEval.module().functions().get("jacobian").prepare(input).run();

        double[] dMain = new double[32];
        double[] dExtra = new double[6];
        double value = LstmGrad.objective(LstmEval.rows(main), LstmEval.rows(extra), LstmEval.rows(state),
                LstmEval.rows(sequence), 2, 4, 2, dMain, dExtra);
        double[] expected = Arrays.copyOf(dMain, 38);
        System.arraycopy(dExtra, 0, expected, 32, 6);
        assertArrayEquals(expected, sent);
        assertEquals(value, (double) LstmEval.module().functions().get("objective").prepare(input).run());
    }

    @Test
    void matricesOfTheWrongShapeAreRefusedByName() {
        JsonNode input = JsonMapper.builder().build().valueToTree(Map.of("main_params", matrix(4, 8),
                "extra_params", matrix(3, 3), "state", matrix(4, 2), "sequence", bits(4, 2)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LstmEval.module().functions().get("objective").prepare(input));
        assertEquals("extra_params[0] must have 2 numbers but has 3", e.getMessage());

        JsonNode oneCharacter = JsonMapper.builder().build().valueToTree(Map.of("main_params", matrix(2, 4),
                "extra_params", matrix(3, 1), "state", matrix(2, 1), "sequence", bits(1, 1)));
        e = assertThrows(IllegalArgumentException.class,
                () -> LstmEval.module().functions().get("jacobian").prepare(oneCharacter));
        assertEquals("sequence must have at least 2 characters (each predicts the next), but has 1", e.getMessage());
    }
}
