package dev.stampede.report.model;

/**
 * One point of a series (an endpoint, or all of them): one measurement interval, or several consecutive
 * ones merged exactly when the read asked for fewer points ({@link ReadOptions#maxPoints()}), summarised
 * from the interval histograms in {@code latency.hlog} as they were read; the histograms themselves are
 * not kept. Times are seconds since the measurement's start (the log's {@code StartTime}), to the
 * millisecond the log keeps; values are nanoseconds, as HdrHistogram reports them (the highest value
 * equivalent to the bucket), 0 when nothing was recorded.
 *
 * @param index the point's number: the index of its first interval in the log (from 0) divided by the
 *     intervals per point; points of different series with the same index cover the same intervals
 * @param intervals the intervals merged into it that had lines for this series
 * @param startSeconds when its first interval began
 * @param endSeconds when its last interval ended
 * @param count requests that ended in it (each attempted request records one latency)
 * @param p50Nanos latency from the intended send time: median
 * @param p90Nanos latency: 90th percentile
 * @param p99Nanos latency: 99th percentile
 * @param p999Nanos latency: 99.9th percentile
 * @param maxNanos latency: the highest
 * @param serviceP99Nanos service time (from the actual send): 99th percentile
 * @param sendLagCount send-lag values recorded
 * @param sendLagP50Nanos send lag (actual minus intended send time): median
 * @param sendLagP99Nanos send lag: 99th percentile
 * @param sendLagMaxNanos send lag: the highest
 * @param minIntervalRate the lowest latency count per second of a single merged interval (NaN: none)
 * @param maxIntervalRate the highest latency count per second of a single merged interval (NaN: none)
 */
public record IntervalPoint(
        int index,
        int intervals,
        double startSeconds,
        double endSeconds,
        long count,
        long p50Nanos,
        long p90Nanos,
        long p99Nanos,
        long p999Nanos,
        long maxNanos,
        long serviceP99Nanos,
        long sendLagCount,
        long sendLagP50Nanos,
        long sendLagP99Nanos,
        long sendLagMaxNanos,
        double minIntervalRate,
        double maxIntervalRate) {}
