package dev.stampede.report.compare;

import dev.stampede.report.model.IntervalHistogram;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.HdrHistogram.AbstractHistogram;

/**
 * A latency statistic the comparison judges: a percentile, or the maximum.
 *
 * <p>Each has a <em>window size</em>: the requests a window of consecutive intervals must hold before
 * its value counts as one sample of the statistic over the run. It is {@value #SAMPLES_ABOVE} divided
 * by the share of requests above the percentile ({@code 5 / (1 - q)}: p50 10, p90 50, p99 500, p99.9
 * 5,000), so at least five requests lie above the percentile in every window and a window's p99 is not
 * merely its maximum. The maximum uses p99.9's windows, so its window maxima come from samples of the
 * same size in both runs.
 */
public enum LatencyMetric {
    /** The median. */
    P50("p50", 50.0),
    /** The 90th percentile. */
    P90("p90", 90.0),
    /** The 99th percentile. */
    P99("p99", 99.0),
    /** The 99.9th percentile. */
    P99_9("p99.9", 99.9),
    /** The largest latency. */
    MAX("max", 100.0);

    /** All metrics in report order. */
    public static final List<LatencyMetric> ALL = List.of(values());

    /** Requests that must lie above the percentile in each window. */
    public static final int SAMPLES_ABOVE = 5;

    private final String label;
    private final double percentile;

    LatencyMetric(String label, double percentile) {
        this.label = label;
        this.percentile = percentile;
    }

    /** The name in files, tables and options: {@code p50}, {@code p90}, {@code p99}, {@code p99.9}, {@code max}. */
    public String label() {
        return label;
    }

    /** The metric's value in {@code histogram} (ns), which must hold at least one value. */
    public long valueIn(IntervalHistogram histogram) {
        return this == MAX ? histogram.max() : histogram.valueAtPercentile(percentile);
    }

    /** The metric's value in {@code histogram}, ns. */
    public long valueIn(AbstractHistogram histogram) {
        return this == MAX ? histogram.getMaxValue() : histogram.getValueAtPercentile(percentile);
    }

    /** The requests a window must hold before its value counts (see the class comment). */
    public long windowSamples() {
        double q = this == MAX ? P99_9.percentile : percentile;
        return (long) Math.ceil(SAMPLES_ABOVE / (1 - q / 100) - 1e-6);
    }

    /** The metric with this label, ignoring case. */
    public static Optional<LatencyMetric> ofLabel(String label) {
        String wanted = label.trim().toLowerCase(Locale.ROOT);
        return ALL.stream().filter(m -> m.label.equals(wanted)).findFirst();
    }
}
