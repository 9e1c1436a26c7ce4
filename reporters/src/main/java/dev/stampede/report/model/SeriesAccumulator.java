package dev.stampede.report.model;

import dev.stampede.engine.measure.Metric;
import dev.stampede.engine.measure.OutcomeCounts;
import dev.stampede.engine.measure.RunMetrics;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * Builds one {@link SeriesResults} from its log lines as they are read: each line is added to the
 * series' cumulative histogram of its metric and merged into the point it belongs to (one interval, or
 * {@code intervalsPerPoint} consecutive ones); nothing of the line is kept past its point. Memory: three
 * cumulative histograms (their layout is the log's), one point's merged counts (sparse: the buckets
 * used) and the finished points. Not thread-safe.
 */
final class SeriesAccumulator {

    private final String name;
    private final int intervalsPerPoint;
    /** Per metric, the counts so far by HdrHistogram index (of {@link #layouts}): a histogram at the end. */
    private final long[][] cumulative = new long[Metric.COUNT][];

    private final BucketValues[] layouts = new BucketValues[Metric.COUNT];
    /** Per metric, the counts of the point being built. */
    private final SparseCounts[] pointCounts = new SparseCounts[Metric.COUNT];

    private final List<IntervalPoint> points = new ArrayList<>();
    private int pointIndex = -1;
    private long intervalStartMillis = -1;
    private int pointIntervals;
    private double pointStart;
    private double pointEnd;
    private double minRate = Double.NaN;
    private double maxRate = Double.NaN;

    SeriesAccumulator(String name) {
        this(name, 1);
    }

    SeriesAccumulator(String name, int intervalsPerPoint) {
        this.name = name;
        this.intervalsPerPoint = intervalsPerPoint;
        for (int m = 0; m < Metric.COUNT; m++) {
            pointCounts[m] = new SparseCounts();
        }
    }

    /** The series' name: an endpoint's, or {@link SeriesResults#OVERALL}. */
    String name() {
        return name;
    }

    /**
     * Adds one interval histogram of {@code metric}.
     *
     * @param interval the interval's index in the log, from 0
     * @param startMillis the interval's start in whole milliseconds, which identifies the interval
     */
    void add(
            Metric metric,
            int interval,
            long startMillis,
            double startSeconds,
            double endSeconds,
            SparseCounts counts,
            BucketValues layout) {
        int index = interval / intervalsPerPoint;
        if (index != pointIndex) {
            flushPoint();
            pointIndex = index;
            pointStart = startSeconds;
            pointEnd = endSeconds;
        }
        if (startMillis != intervalStartMillis) {
            intervalStartMillis = startMillis;
            pointIntervals++;
        }
        pointEnd = Math.max(pointEnd, endSeconds);
        int m = metric.ordinal();
        if (metric == Metric.LATENCY && endSeconds > startSeconds) {
            double rate = counts.totalCount() / (endSeconds - startSeconds);
            minRate = Double.isNaN(minRate) ? rate : Math.min(minRate, rate);
            maxRate = Double.isNaN(maxRate) ? rate : Math.max(maxRate, rate);
        }
        pointCounts[m].addAll(counts);
        if (layouts[m] == null) {
            layouts[m] = layout;
            cumulative[m] = new long[layout.limit()];
        }
        if (layouts[m] == layout) {
            counts.addTo(cumulative[m]);
        } else { // a log mixing histogram layouts (the engine's never does): count by value in the first one
            counts.addByValueTo(cumulative[m], layouts[m]);
        }
    }

    /** The series, with {@code totals} as its outcome counts (null when unknown). */
    SeriesResults finish(OutcomeCounts totals) {
        flushPoint();
        return new SeriesResults(
                name, histogram(Metric.LATENCY), histogram(Metric.SERVICE), histogram(Metric.SEND_LAG), points, totals);
    }

    private Histogram histogram(Metric metric) {
        int m = metric.ordinal();
        // No line for it: empty, in the engine's layout (1 ns to the engine's default highest value).
        return layouts[m] != null
                ? layouts[m].toHistogram(cumulative[m])
                : new Histogram(1, RunMetrics.DEFAULT_HIGHEST_TRACKABLE_NANOS, RunMetrics.SIGNIFICANT_DIGITS);
    }

    private void flushPoint() {
        if (pointIndex < 0) {
            return;
        }
        SparseCounts latency = pointCounts[Metric.LATENCY.ordinal()];
        SparseCounts service = pointCounts[Metric.SERVICE.ordinal()];
        SparseCounts sendLag = pointCounts[Metric.SEND_LAG.ordinal()];
        points.add(new IntervalPoint(
                pointIndex,
                pointIntervals,
                pointStart,
                pointEnd,
                latency.totalCount(),
                latency.valueAtPercentile(50),
                latency.valueAtPercentile(90),
                latency.valueAtPercentile(99),
                latency.valueAtPercentile(99.9),
                latency.max(),
                service.valueAtPercentile(99),
                sendLag.totalCount(),
                sendLag.valueAtPercentile(50),
                sendLag.valueAtPercentile(99),
                sendLag.max(),
                minRate,
                maxRate));
        for (SparseCounts counts : pointCounts) {
            counts.clear(null);
        }
        pointIndex = -1;
        intervalStartMillis = -1;
        pointIntervals = 0;
        minRate = Double.NaN;
        maxRate = Double.NaN;
    }
}
