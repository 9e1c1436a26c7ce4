package dev.stampede.engine.measure;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * All measurements of one run, per endpoint; {@link #record} is the hot-path entry point the senders
 * call once for every scheduled request.
 *
 * <p>The endpoint table (index to name) is fixed before the run: senders carry the index, never the
 * name. Thread-safe: any number of Netty event loops may record at once.
 *
 * <p>Recording rules:
 *
 * <ul>
 *   <li>Every request counts once under its {@link Outcome}, so counts add up to the schedule.
 *   <li>An attempted request (response, transport error or timeout) records latency = done - intended,
 *       service = done - sent and send lag = sent - intended, where "done" is the moment its outcome was
 *       decided: the last response byte, the error, or the timeout firing. Failures keep their latency
 *       because the schedule's user waited that long; dropping them would make a failing target look
 *       faster (a target that times out would vanish from the tail). The price: fast failures such as
 *       refused connections pull percentiles down, so latency must be read with the outcome counts,
 *       which {@code run.json} and the live snapshot always carry. (wrk2 differs: it records latency
 *       for every parsed response, 4xx/5xx included, but only counts socket errors and timeouts.)
 *   <li>An unsent request only counts: it has no send or completion time, so its latency is not
 *       recorded (there is nothing honest to record), and {@code sentNanos}/{@code doneNanos} are ignored.
 *   <li>A value above {@link #highestTrackableNanos()} is recorded as that value and counted in {@link
 *       #clampedValues()}; a negative value (e.g. sent before its intended time) is recorded as 0 and
 *       counted in {@link #negativeValues()}. Recording never throws for a value.
 * </ul>
 */
public final class RunMetrics {

    /** Highest value the histograms track by default: one hour, in nanoseconds. */
    public static final long DEFAULT_HIGHEST_TRACKABLE_NANOS = TimeUnit.HOURS.toNanos(1);

    /** HdrHistogram precision: values are kept to 3 significant digits (0.1%). */
    public static final int SIGNIFICANT_DIGITS = 3;

    private final EndpointMetrics[] endpoints;
    private final List<String> names;
    private final Map<String, Integer> indexByName;
    private final long highestTrackableNanos;
    private final LongAdder clampedValues = new LongAdder();
    private final LongAdder negativeValues = new LongAdder();

    /** Metrics for these endpoints (index = position in the list), tracking values up to one hour. */
    public RunMetrics(List<String> endpointNames) {
        this(endpointNames, DEFAULT_HIGHEST_TRACKABLE_NANOS);
    }

    /**
     * Metrics for these endpoints (index = position in the list).
     *
     * @param endpointNames distinct, non-empty names, e.g. {@code GET /api/quote/{code}}
     * @param highestTrackableNanos the largest value kept exactly; larger ones are clamped and counted
     */
    public RunMetrics(List<String> endpointNames, long highestTrackableNanos) {
        if (highestTrackableNanos < 2) {
            throw new IllegalArgumentException(
                    "highestTrackableNanos must be at least 2, got " + highestTrackableNanos);
        }
        this.highestTrackableNanos = highestTrackableNanos;
        this.names = List.copyOf(endpointNames);
        this.endpoints = new EndpointMetrics[names.size()];
        Map<String, Integer> byName = new HashMap<>();
        for (int i = 0; i < endpoints.length; i++) {
            String name = names.get(i);
            if (name.isEmpty()) {
                throw new IllegalArgumentException("endpoint " + i + " has an empty name");
            }
            Integer previous = byName.putIfAbsent(name, i);
            if (previous != null) {
                throw new IllegalArgumentException(
                        "endpoint name '" + name + "' appears twice, at " + previous + " and " + i);
            }
            endpoints[i] = new EndpointMetrics(i, name, highestTrackableNanos);
        }
        this.indexByName = Map.copyOf(byName);
    }

    /**
     * Records how one scheduled request ended. <b>Hot path</b>: allocates nothing, takes no lock, never
     * throws for a value (see the class comment for clamping). Times are readings of the run's {@link
     * dev.stampede.common.time.NanoClock}.
     *
     * @param endpoint the endpoint's index, {@code 0 <= endpoint < endpointCount()}
     * @param intendedNanos when the schedule wanted the request sent
     * @param sentNanos when the sender started sending it (ignored for unsent outcomes)
     * @param doneNanos when its outcome was decided (ignored for unsent outcomes)
     * @param outcome how it ended
     */
    public void record(int endpoint, long intendedNanos, long sentNanos, long doneNanos, Outcome outcome) {
        EndpointMetrics metrics = endpoints[endpoint];
        if (outcome.attempted()) {
            metrics.recordInRange(Metric.LATENCY, inRange(doneNanos - intendedNanos));
            metrics.recordInRange(Metric.SERVICE, inRange(doneNanos - sentNanos));
            metrics.recordInRange(Metric.SEND_LAG, inRange(sentNanos - intendedNanos));
        }
        metrics.count(outcome);
    }

    private long inRange(long nanos) {
        if (nanos < 0) {
            negativeValues.increment();
            return 0;
        }
        if (nanos > highestTrackableNanos) {
            clampedValues.increment();
            return highestTrackableNanos;
        }
        return nanos;
    }

    /** The number of endpoints in the table. */
    public int endpointCount() {
        return endpoints.length;
    }

    /** The endpoint at {@code index}. */
    public EndpointMetrics endpoint(int index) {
        return endpoints[index];
    }

    /** The endpoint names, in index order. */
    public List<String> endpointNames() {
        return names;
    }

    /** The index of the endpoint named {@code name}, or -1. Not for the hot path. */
    public int indexOf(String name) {
        Integer index = indexByName.get(name);
        return index == null ? -1 : index;
    }

    /** The largest value the histograms keep; larger values are recorded as this. */
    public long highestTrackableNanos() {
        return highestTrackableNanos;
    }

    /** How many values were above {@link #highestTrackableNanos()} and recorded as it. */
    public long clampedValues() {
        return clampedValues.sum();
    }

    /** How many values were negative and recorded as 0 (a send before its intended time, a clock misuse). */
    public long negativeValues() {
        return negativeValues.sum();
    }

    /** Outcome counts over all endpoints so far. Not for the hot path. */
    public OutcomeCounts outcomeTotals() {
        long[] counts = new long[Outcome.COUNT];
        for (EndpointMetrics metrics : endpoints) {
            for (Outcome outcome : Outcome.ALL) {
                counts[outcome.ordinal()] += metrics.outcomeCount(outcome);
            }
        }
        return OutcomeCounts.of(counts);
    }
}
