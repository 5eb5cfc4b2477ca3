package io.microautograd.benchmarks.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;

/** A bar chart of each gradient's cost relative to the primal, one group of bars per workload. */
final class RatioChart {

    private RatioChart() {
    }

    /**
     * Writes the chart to {@code png}, or nothing when no workload has both a primal and a
     * gradient measured (a run filtered to some methods only); says whether it wrote one.
     */
    static boolean write(Results results, Path png) throws IOException {
        CategoryChart chart = new CategoryChartBuilder().width(1000).height(560)
                .title("Gradient time / primal time (log scale; lower is better)")
                .xAxisTitle("workload").yAxisTitle("ratio to primal").build();
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNW);
        List<String> methods = new ArrayList<>();
        for (String method : Results.METHODS.subList(1, Results.METHODS.size())) {
            if (results.workloads().stream().anyMatch(w -> results.ratio(w, method, "primal").isPresent())) {
                methods.add(method);
            }
        }
        // A logarithmic axis takes no gaps, so the chart shows the workloads measured every way;
        // the table lists the rest.
        List<String> workloads = new ArrayList<>();
        for (String workload : results.workloads()) {
            if (methods.stream().allMatch(method -> results.ratio(workload, method, "primal").isPresent())) {
                workloads.add(workload);
            }
        }
        if (methods.isEmpty() || workloads.isEmpty()) {
            return false;
        }
        double smallest = Double.MAX_VALUE;
        for (String method : methods) {
            List<Double> ratios = new ArrayList<>();
            for (String workload : workloads) {
                double ratio = results.ratio(workload, method, "primal").orElseThrow();
                ratios.add(ratio);
                smallest = Math.min(smallest, ratio);
            }
            chart.addSeries(method, workloads, ratios);
        }
        // Bars start at the axis minimum, which XChart would otherwise put at 0: log(0) is undefined.
        chart.getStyler().setYAxisMin(Math.pow(10, Math.floor(Math.log10(Math.min(smallest, 1)))));
        BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
        return true;
    }
}
