package dev.stampede.engine.measure;

import org.HdrHistogram.Histogram;

/**
 * One endpoint's (or all endpoints') totals since the start, and the summary of its last interval.
 * Used only by the {@link IntervalRecorder}, under its lock.
 *
 * <p>Memory matters here, since a 1 ns to 1 hour, 3-digit histogram is ~270 KB of counts. Per
 * endpoint: the recorders' interval histograms are handed back at the next swap to be recycled (no
 * allocation per interval); the cumulative histograms are plain {@link Histogram}s (a {@code
 * PackedHistogram} is smaller but made a tick ~40 times slower in its percentile look-ups). Each
 * interval is first copied into one shared scratch histogram, which is what gets added, encoded and
 * summarised: HdrHistogram caches a ~600 KB encoding buffer in every histogram it encodes, and
 * encoding each recorder's own histogram kept 1.8 MB per endpoint alive for nothing.
 */
final class IntervalTotals {

    private final String name;
    private final String[] tags = new String[Metric.COUNT];
    private final Histogram[] recycled = new Histogram[Metric.COUNT];
    private final Histogram[] overallInterval;
    private final Histogram[] cumulative = new Histogram[Metric.COUNT];
    private Histogram intervalLatencyHistogram = newHistogram(2); // a copy per interval: readers keep it
    private OutcomeCounts totalCounts = OutcomeCounts.ZERO;
    private OutcomeCounts intervalCounts = OutcomeCounts.ZERO;
    private LatencySummary intervalLatency = LatencySummary.EMPTY;
    private long intervalSendLagP99Nanos;

    private IntervalTotals(String name, long highestTrackableNanos, boolean overall) {
        this.name = name;
        this.overallInterval = overall ? new Histogram[Metric.COUNT] : null;
        for (Metric metric : Metric.values()) {
            int m = metric.ordinal();
            tags[m] = overall ? HlogTags.overallTag(metric) : HlogTags.endpointTag(metric, name);
            cumulative[m] = newHistogram(highestTrackableNanos);
            if (overall) {
                overallInterval[m] = newHistogram(highestTrackableNanos);
            }
        }
    }

    static Histogram newHistogram(long highestTrackableNanos) {
        return new Histogram(1, highestTrackableNanos, RunMetrics.SIGNIFICANT_DIGITS);
    }

    static IntervalTotals forEndpoint(String name, long highestTrackableNanos) {
        return new IntervalTotals(name, highestTrackableNanos, false);
    }

    static IntervalTotals overall(long highestTrackableNanos) {
        return new IntervalTotals(LiveSnapshot.OVERALL, highestTrackableNanos, true);
    }

    /** Starts an interval of the overall totals: empties its interval histograms. */
    void beginOverall() {
        for (Histogram histogram : overallInterval) {
            histogram.reset();
        }
    }

    /**
     * Takes the endpoint's interval: swaps its recorders (recycling the previous histograms), adds each
     * non-empty interval to the totals and to {@code overall}, writes it to the log, summarises it.
     */
    void takeEndpoint(
            EndpointMetrics metrics,
            Histogram scratch,
            IntervalTotals overall,
            HlogWriter hlog,
            double startSec,
            double endSec) {
        for (Metric metric : Metric.values()) {
            int m = metric.ordinal();
            recycled[m] = metrics.recorder(metric).getIntervalHistogram(recycled[m]);
            scratch.reset();
            if (recycled[m].getTotalCount() > 0) {
                scratch.add(recycled[m]);
                overall.overallInterval[m].add(scratch);
            }
            take(metric, scratch, hlog, startSec, endSec);
        }
        long[] counts = new long[Outcome.COUNT];
        for (Outcome outcome : Outcome.ALL) {
            counts[outcome.ordinal()] = metrics.outcomeCount(outcome);
        }
        OutcomeCounts now = OutcomeCounts.of(counts);
        intervalCounts = now.minus(totalCounts);
        totalCounts = now;
    }

    /** Completes the overall interval from the endpoints taken since {@link #beginOverall()}. */
    void takeOverall(IntervalTotals[] endpoints, HlogWriter hlog, double startSec, double endSec) {
        for (Metric metric : Metric.values()) {
            take(metric, overallInterval[metric.ordinal()], hlog, startSec, endSec);
        }
        long[] total = new long[Outcome.COUNT];
        long[] inInterval = new long[Outcome.COUNT];
        for (IntervalTotals endpoint : endpoints) {
            for (Outcome outcome : Outcome.ALL) {
                total[outcome.ordinal()] += endpoint.totalCounts.get(outcome);
                inInterval[outcome.ordinal()] += endpoint.intervalCounts.get(outcome);
            }
        }
        totalCounts = OutcomeCounts.of(total);
        intervalCounts = OutcomeCounts.of(inInterval);
    }

    private void take(Metric metric, Histogram interval, HlogWriter hlog, double startSec, double endSec) {
        boolean empty = interval.getTotalCount() == 0;
        if (!empty) {
            cumulative[metric.ordinal()].add(interval);
            hlog.write(tags[metric.ordinal()], startSec, endSec, interval);
        }
        if (metric == Metric.LATENCY) {
            intervalLatency = LatencySummary.of(interval);
            intervalLatencyHistogram = interval.copy();
        } else if (metric == Metric.SEND_LAG) {
            intervalSendLagP99Nanos = empty ? 0 : interval.getValueAtPercentile(99.0);
        }
    }

    long intervalSendLagP99Nanos() {
        return intervalSendLagP99Nanos;
    }

    EndpointSnapshot snapshot(long intervalNanos) {
        double ratePerSec = intervalNanos > 0 ? intervalCounts.attempted() * 1e9 / intervalNanos : 0.0;
        Histogram sendLag = cumulative[Metric.SEND_LAG.ordinal()];
        return new EndpointSnapshot(
                name,
                totalCounts,
                intervalCounts,
                ratePerSec,
                intervalLatency,
                LatencySummary.of(cumulative[Metric.LATENCY.ordinal()]),
                intervalSendLagP99Nanos,
                sendLag.getTotalCount() == 0 ? 0 : sendLag.getValueAtPercentile(99.0),
                intervalLatencyHistogram);
    }

    Histogram cumulativeCopy(Metric metric) {
        return cumulative[metric.ordinal()].copy();
    }
}
