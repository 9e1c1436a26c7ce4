package dev.stampede.engine.measure;

import java.util.List;

/**
 * The run's statistics at the end of the latest interval, published by the {@link IntervalRecorder}
 * for the console reporter and the traffic controller. Immutable and safe to share: readers never
 * touch the hot path or the recorders.
 *
 * @param sequence 0 before the first interval, then 1, 2, ... for each interval taken
 * @param startEpochMillis wall-clock time when recording started
 * @param elapsedNanos time from the start of recording to the end of this interval
 * @param intervalNanos length of this interval
 * @param overall all endpoints together, named {@link #OVERALL}
 * @param endpoints one entry per endpoint, in endpoint index order
 * @param clampedValues values above the highest trackable value so far (recorded as that value)
 * @param negativeValues negative values so far (recorded as 0)
 * @param worstIntervalSendLagP99Nanos the highest per-interval send-lag p99 over all intervals so far
 */
public record LiveSnapshot(
        long sequence,
        long startEpochMillis,
        long elapsedNanos,
        long intervalNanos,
        EndpointSnapshot overall,
        List<EndpointSnapshot> endpoints,
        long clampedValues,
        long negativeValues,
        long worstIntervalSendLagP99Nanos) {

    /** The name of the overall entry. */
    public static final String OVERALL = "*";

    /** Copies {@code endpoints}. */
    public LiveSnapshot {
        endpoints = List.copyOf(endpoints);
    }

    /** The endpoint named {@code name}, or null. */
    public EndpointSnapshot endpoint(String name) {
        for (EndpointSnapshot endpoint : endpoints) {
            if (endpoint.name().equals(name)) {
                return endpoint;
            }
        }
        return null;
    }
}
