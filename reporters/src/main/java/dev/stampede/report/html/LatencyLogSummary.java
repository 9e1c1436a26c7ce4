package dev.stampede.report.html;

import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * What {@link LatencyLogSummarizer} keeps of {@code latency.hlog}: whole-run histograms and one row per
 * bucket of intervals.
 *
 * @param startEpochMillis the log's start time, or -1 when it has none
 * @param intervals the intervals read (complete lines only)
 * @param endpoints whole-run latency per endpoint (unescaped name), in the order the log names them
 * @param buckets figures per bucket of {@code bucketIntervals} intervals
 * @param skippedLines lines that could not be read (a torn last line of a killed run)
 */
record LatencyLogSummary(
        long startEpochMillis,
        int intervals,
        Histogram overall,
        Histogram sendLag,
        Map<String, Histogram> endpoints,
        Buckets buckets,
        long skippedLines) {

    /** Per bucket: its end (seconds since the start), duration, and figures in milliseconds or per second. */
    static final class Buckets {
        final DoubleList endSeconds = new DoubleList();
        final DoubleList seconds = new DoubleList();
        final DoubleList count = new DoubleList();
        final DoubleList minIntervalRate = new DoubleList();
        final DoubleList maxIntervalRate = new DoubleList();
        final DoubleList p50 = new DoubleList();
        final DoubleList p90 = new DoubleList();
        final DoubleList p99 = new DoubleList();
        final DoubleList p999 = new DoubleList();
        final DoubleList max = new DoubleList();
        final DoubleList sendLagP50 = new DoubleList();
        final DoubleList sendLagP99 = new DoubleList();
        final DoubleList sendLagMax = new DoubleList();
        final Map<String, DoubleList> endpointP99;

        Buckets(Map<String, DoubleList> endpointP99) {
            this.endpointP99 = endpointP99;
        }

        int size() {
            return endSeconds.size();
        }
    }
}
