package dev.stampede.control;

import java.util.List;
import java.util.Objects;

/**
 * One measurement interval of a running load, as the engine reports it to the traffic controller
 * (once per interval, off the hot path).
 *
 * @param elapsedSeconds the end of the interval, in seconds since the run started sending
 * @param intervalSeconds the length of the interval, above 0
 * @param targetRate the rate the controller asked for at the end of the interval, in its unit (requests
 *     per second, or a replay's speed factor)
 * @param overall all endpoints together
 * @param endpoints one entry per endpoint
 */
public record IntervalStats(
        double elapsedSeconds,
        double intervalSeconds,
        double targetRate,
        EndpointStats overall,
        List<EndpointStats> endpoints) {

    /** The name of {@link #overall()}. */
    public static final String OVERALL = "*";

    /** Checks for nulls and copies the endpoints. */
    public IntervalStats {
        Objects.requireNonNull(overall, "overall");
        endpoints = List.copyOf(endpoints);
        if (!(intervalSeconds > 0)) {
            throw new IllegalArgumentException("an interval lasts above 0 s, got " + intervalSeconds);
        }
    }

    /** Attempted requests per second in this interval (unsent ones excluded). */
    public double achievedRate() {
        return overall.attempted() / intervalSeconds;
    }

    /** The endpoint named {@code name} ({@link #OVERALL}: all together), or null. */
    public EndpointStats endpoint(String name) {
        if (OVERALL.equals(name)) {
            return overall;
        }
        for (EndpointStats endpoint : endpoints) {
            if (endpoint.name().equals(name)) {
                return endpoint;
            }
        }
        return null;
    }
}
