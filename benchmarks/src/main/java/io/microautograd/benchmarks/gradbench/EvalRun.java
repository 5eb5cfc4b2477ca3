package io.microautograd.benchmarks.gradbench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One evaluation as the {@code RUN_EVAL} command of {@code benchmarks/gradbench} prints it: the
 * function, the input's description, the tool's mean {@code evaluate} time over its timed runs,
 * and the eval's verdict.
 *
 * @param function the eval's function, such as {@code jacobian}
 * @param input the eval's description of the input, such as {@code 64_100_1000}
 * @param milliseconds the mean evaluate time
 * @param valid whether the eval accepted the output
 */
public record EvalRun(String function, String input, double milliseconds, boolean valid) {

    /**
     * The evaluations in {@code RUN_EVAL}'s output {@code file}: lines of function, description
     * (hello gives none: its inputs are numbers, named here #1, #2... in order per function),
     * time, {@code ms} and verdict ({@code valid}, or {@code INVALID: why}); its other lines (the
     * closing summary, a declined define) are skipped.
     */
    public static List<EvalRun> read(Path file) throws IOException {
        List<EvalRun> runs = new ArrayList<>();
        Map<String, Integer> unnamed = new HashMap<>();
        for (String line : Files.readAllLines(file)) {
            String[] fields = line.trim().split("\\s+");
            int ms = List.of(fields).indexOf("ms");
            if ((ms == 2 || ms == 3) && ms + 1 < fields.length && isNumber(fields[ms - 1])) {
                String input = ms == 3 ? fields[1] : "#" + unnamed.merge(fields[0], 1, Integer::sum);
                runs.add(new EvalRun(fields[0], input, Double.parseDouble(fields[ms - 1]),
                        fields[ms + 1].equals("valid")));
            }
        }
        return runs;
    }

    private static boolean isNumber(String text) {
        return text.matches("[0-9]+(\\.[0-9]+)?");
    }

    /** Whether the eval accepted the output and the run took a measurable time, so that it can be compared. */
    public boolean timed() {
        return valid && milliseconds > 0;
    }

    /** The time as the report prints it: three significant figures, in ms. */
    public String time() {
        return valid ? String.format(Locale.ROOT, "%.3g ms", milliseconds)
                : String.format(Locale.ROOT, "%.3g ms (invalid)", milliseconds);
    }
}
