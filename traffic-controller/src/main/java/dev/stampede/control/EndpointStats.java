package dev.stampede.control;

import java.util.Objects;
import org.HdrHistogram.Histogram;

/**
 * One endpoint's (or all endpoints') outcomes in one measurement interval, as the engine counted them:
 * what guards and the capacity search decide on. Every scheduled request of the interval is in exactly
 * one count.
 *
 * @param name the endpoint ({@code "METHOD /path"}), or {@link IntervalStats#OVERALL}
 * @param ok 2xx responses
 * @param http4xx 4xx responses
 * @param http5xx 5xx responses
 * @param httpOther responses with another status (1xx, 3xx, outside 100-599)
 * @param transportErrors connect failures, resets, protocol errors
 * @param timeouts no complete response within the request timeout
 * @param unsent never handed to a connection (in-flight cap reached, run stopped)
 * @param latency latency from the intended send time of the interval's completed requests, in
 *     nanoseconds; the receiver must not change it
 * @param sendLagP99Nanos the 99th percentile of send lag (actual minus intended send time)
 */
public record EndpointStats(
        String name,
        long ok,
        long http4xx,
        long http5xx,
        long httpOther,
        long transportErrors,
        long timeouts,
        long unsent,
        Histogram latency,
        long sendLagP99Nanos) {

    /** Checks for nulls. */
    public EndpointStats {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(latency, "latency");
    }

    /** Requests handed to a connection: every outcome but unsent. */
    public long attempted() {
        return ok + http4xx + http5xx + httpOther + transportErrors + timeouts;
    }

    /** Every scheduled request: attempted and unsent. */
    public long scheduled() {
        return attempted() + unsent;
    }

    /** Failures that say the system under test is in trouble: 5xx, transport errors and timeouts. */
    public long serverErrors() {
        return http5xx + transportErrors + timeouts;
    }
}
