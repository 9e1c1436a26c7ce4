package dev.stampede.engine.measure;

import org.HdrHistogram.Histogram;

/**
 * One endpoint's (or all endpoints') statistics at the end of an interval. Immutable.
 *
 * @param name the endpoint's name, or {@link LiveSnapshot#OVERALL} for all endpoints together
 * @param totalCounts outcomes since the start of the run
 * @param intervalCounts outcomes in the last interval
 * @param ratePerSec attempted requests that ended in the last interval, per second (unsent excluded)
 * @param intervalLatency latency (from the intended send time) in the last interval
 * @param cumulativeLatency latency since the start of the run
 * @param intervalSendLagP99Nanos the 99th percentile of send lag in the last interval
 * @param cumulativeSendLagP99Nanos the 99th percentile of send lag since the start of the run
 * @param intervalLatencyHistogram the last interval's latency histogram (nanoseconds; a copy the reader
 *     owns but must not change, shared by every reader), for sliding windows over several intervals
 */
public record EndpointSnapshot(
        String name,
        OutcomeCounts totalCounts,
        OutcomeCounts intervalCounts,
        double ratePerSec,
        LatencySummary intervalLatency,
        LatencySummary cumulativeLatency,
        long intervalSendLagP99Nanos,
        long cumulativeSendLagP99Nanos,
        Histogram intervalLatencyHistogram) {

    /** Nothing recorded yet. */
    static EndpointSnapshot empty(String name) {
        return new EndpointSnapshot(
                name,
                OutcomeCounts.ZERO,
                OutcomeCounts.ZERO,
                0.0,
                LatencySummary.EMPTY,
                LatencySummary.EMPTY,
                0,
                0,
                new Histogram(1, 2, RunMetrics.SIGNIFICANT_DIGITS));
    }
}
