package io.microautograd.benchmarks.gradbench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/** A bar chart of one eval function's time at each input size, one series per tool. */
final class TimesChart {

    private TimesChart() {
    }

    /**
     * Writes the chart of {@code function} to {@code png}: the inputs every charted tool answered
     * validly (a logarithmic axis takes no gaps; the table lists the rest), the tools that
     * answered them all. Writes nothing, and says so, when no input qualifies.
     */
    static boolean write(String eval, String function, List<String> inputs, Map<String, List<EvalRun>> byTool,
                         Path png) throws IOException {
        List<String> tools = new ArrayList<>();
        for (Map.Entry<String, List<EvalRun>> entry : byTool.entrySet()) {
            if (inputs.stream().allMatch(input -> timed(entry.getValue(), function, input).isPresent())) {
                tools.add(entry.getKey());
            }
        }
        if (tools.isEmpty() || inputs.isEmpty()) {
            return false;
        }
        CategoryChart chart = new CategoryChartBuilder().width(1000).height(520)
                .title(eval + " " + function + ": mean time per evaluation (log scale; lower is better)")
                .xAxisTitle("input").yAxisTitle("ms").build();
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        chart.getStyler().setXAxisLabelRotation(90);
        double smallest = Double.MAX_VALUE;
        for (String tool : tools) {
            List<Double> times = new ArrayList<>();
            for (String input : inputs) {
                double time = timed(byTool.get(tool), function, input).orElseThrow().milliseconds();
                times.add(time);
                smallest = Math.min(smallest, time);
            }
            chart.addSeries(GradBenchReport.TOOLS.get(tool), inputs, times);
        }
        // Bars start at the axis minimum, which XChart would otherwise put at 0: log(0) is undefined.
        chart.getStyler().setYAxisMin(Math.pow(10, Math.floor(Math.log10(Math.max(smallest, 1e-6)))));
        BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
        return true;
    }

    /** The run of {@code function} on {@code input} if it is valid and has a time to plot. */
    private static Optional<EvalRun> timed(List<EvalRun> runs, String function, String input) {
        return GradBenchReport.lookup(runs, function, input).filter(EvalRun::timed);
    }
}
