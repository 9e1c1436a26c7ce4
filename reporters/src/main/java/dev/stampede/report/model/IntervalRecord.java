package dev.stampede.report.model;

import dev.stampede.engine.measure.OutcomeCounts;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One complete line of {@code intervals.jsonl} (written by the engine's {@code IntervalLog}): what the
 * latency log cannot say about an interval. Its times are those of the interval's {@link IntervalPoint}s
 * (which the log keeps to the millisecond): join them on {@code Math.round(startSeconds * 1000)}. The log
 * has no point for an interval that recorded nothing; this file has a line for every interval.
 *
 * @param sequence the interval's number, from 1
 * @param startSeconds when it began, seconds since the measurement's start
 * @param endSeconds when it ended
 * @param endEpochMillis when it ended, wall-clock
 * @param targetRate the rate asked for at its end (requests per second, or a replay's speed factor);
 *     NaN for a flat-out run, which has none
 * @param inFlight requests sent and not yet ended at its end
 * @param overall the interval's outcome counts over all endpoints
 * @param endpoints the interval's outcome counts per endpoint name (endpoints with none left out)
 */
public record IntervalRecord(
        long sequence,
        double startSeconds,
        double endSeconds,
        long endEpochMillis,
        double targetRate,
        long inFlight,
        OutcomeCounts overall,
        Map<String, OutcomeCounts> endpoints) {

    /** Copies the map, keeping its order. */
    public IntervalRecord {
        endpoints = Collections.unmodifiableMap(new LinkedHashMap<>(endpoints));
    }

    /** The endpoint's counts in this interval, zero when it had none. */
    public OutcomeCounts endpoint(String name) {
        return endpoints.getOrDefault(name, OutcomeCounts.ZERO);
    }
}
