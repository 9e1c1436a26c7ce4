package dev.stampede.control;

import java.util.List;
import org.HdrHistogram.Histogram;

/** Synthetic measurement intervals with known values, as the engine would report them. */
public final class Traffic {

    private final String name;
    private long ok;
    private long http4xx;
    private long http5xx;
    private long transportErrors;
    private long timeouts;
    private long unsent;
    private long sendLagP99Nanos;
    private final Histogram latency = new Histogram(3);

    private Traffic(String name) {
        this.name = name;
    }

    /** An endpoint's outcomes. */
    public static Traffic endpoint(String name) {
        return new Traffic(name);
    }

    /** All endpoints' outcomes. */
    public static Traffic overall() {
        return new Traffic(IntervalStats.OVERALL);
    }

    /** {@code count} 2xx responses, each after {@code latencyNanos}. */
    public Traffic ok(long count, long latencyNanos) {
        ok += count;
        latency.recordValueWithCount(latencyNanos, count);
        return this;
    }

    /** {@code count} 4xx responses, each after {@code latencyNanos}. */
    public Traffic http4xx(long count, long latencyNanos) {
        http4xx += count;
        latency.recordValueWithCount(latencyNanos, count);
        return this;
    }

    /** {@code count} 5xx responses, each after {@code latencyNanos}. */
    public Traffic http5xx(long count, long latencyNanos) {
        http5xx += count;
        latency.recordValueWithCount(latencyNanos, count);
        return this;
    }

    /** {@code count} transport errors (no latency). */
    public Traffic transportErrors(long count) {
        transportErrors += count;
        return this;
    }

    /** {@code count} timeouts (no latency). */
    public Traffic timeouts(long count) {
        timeouts += count;
        return this;
    }

    /** {@code count} requests never sent. */
    public Traffic unsent(long count) {
        unsent += count;
        return this;
    }

    /** The interval's send-lag p99. */
    public Traffic sendLagP99(long nanos) {
        sendLagP99Nanos = nanos;
        return this;
    }

    /** The endpoint stats; the histogram is this builder's (build once). */
    public EndpointStats build() {
        return new EndpointStats(
                name, ok, http4xx, http5xx, 0, transportErrors, timeouts, unsent, latency, sendLagP99Nanos);
    }

    /** A 1-second interval ending at {@code endSeconds}, at {@code targetRate}, of {@code overall} alone. */
    public static IntervalStats second(double endSeconds, double targetRate, Traffic overall, Traffic... endpoints) {
        return new IntervalStats(
                endSeconds,
                1,
                targetRate,
                overall.build(),
                List.of(endpoints).stream().map(Traffic::build).toList());
    }

    /** Milliseconds in nanoseconds. */
    public static long ms(long millis) {
        return millis * 1_000_000L;
    }
}
