package dev.stampede.report.model;

import dev.stampede.engine.measure.Metric;
import dev.stampede.engine.measure.OutcomeCounts;
import dev.stampede.engine.measure.RunMetrics;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * Builds one {@link SeriesResults} from its log lines as they are read: each line is added to the
 * series' cumulative histogram of its metric and summarised into the interval's {@link IntervalPoint};
 * nothing of the line is kept. Memory: three cumulative histograms (their layout is the log's) and one
 * point per interval. Not thread-safe.
 */
final class SeriesAccumulator {

    private final String name;
    /** Per metric, the counts so far by HdrHistogram index (of {@link #layouts}): a histogram at the end. */
    private final long[][] cumulative = new long[Metric.COUNT][];

    private final BucketValues[] layouts = new BucketValues[Metric.COUNT];
    private final List<IntervalPoint> points = new ArrayList<>();
    private long pointStartMillis = -1;
    private double pointStart;
    private double pointEnd;
    private long count;
    private long p50;
    private long p90;
    private long p99;
    private long p999;
    private long max;
    private long serviceP99;
    private long sendLagP99;

    SeriesAccumulator(String name) {
        this.name = name;
    }

    /**
     * Adds one interval histogram of {@code metric}.
     *
     * @param startMillis the interval's start in whole milliseconds, which identifies the interval
     */
    void add(
            Metric metric,
            long startMillis,
            double startSeconds,
            double endSeconds,
            SparseCounts counts,
            BucketValues layout) {
        if (startMillis != pointStartMillis) {
            flushPoint();
            pointStartMillis = startMillis;
            pointStart = startSeconds;
            pointEnd = endSeconds;
        }
        pointEnd = Math.max(pointEnd, endSeconds);
        switch (metric) {
            case LATENCY -> {
                count = counts.totalCount();
                p50 = counts.valueAtPercentile(50);
                p90 = counts.valueAtPercentile(90);
                p99 = counts.valueAtPercentile(99);
                p999 = counts.valueAtPercentile(99.9);
                max = counts.max();
            }
            case SERVICE -> serviceP99 = counts.valueAtPercentile(99);
            case SEND_LAG -> sendLagP99 = counts.valueAtPercentile(99);
        }
        int m = metric.ordinal();
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
        if (pointStartMillis < 0) {
            return;
        }
        points.add(new IntervalPoint(pointStart, pointEnd, count, p50, p90, p99, p999, max, serviceP99, sendLagP99));
        pointStartMillis = -1;
        count = 0;
        p50 = 0;
        p90 = 0;
        p99 = 0;
        p999 = 0;
        max = 0;
        serviceP99 = 0;
        sendLagP99 = 0;
    }
}
