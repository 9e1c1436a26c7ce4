package dev.stampede.report.compare;

import dev.stampede.engine.measure.Outcome;
import java.util.Map;

/**
 * An endpoint's (or the run's) requests by how they ended, as the comparison counts them.
 *
 * @param scheduled every request the schedule asked for
 * @param attempted requests handed to a connection (the error rate's denominator)
 * @param errors 5xx responses, transport errors (connect, reset, protocol) and timeouts: the failures
 *     the guards count too
 * @param http4xx 4xx responses, shown apart (often the scenario's own fault, not the system's)
 * @param unsent requests never handed to a connection (in-flight cap, stop)
 */
public record RequestCounts(long scheduled, long attempted, long errors, long http4xx, long unsent) {

    /** No request. */
    public static final RequestCounts ZERO = new RequestCounts(0, 0, 0, 0, 0);

    /**
     * The counts of outcome codes as result files write them ({@code ok}, {@code http_5xx}, ...). A code
     * this version does not know counts as scheduled only.
     */
    public static RequestCounts ofCodes(Map<String, Long> byCode) {
        long scheduled = 0;
        long attempted = 0;
        long errors = 0;
        long http4xx = 0;
        for (Map.Entry<String, Long> entry : byCode.entrySet()) {
            long count = entry.getValue();
            scheduled += count;
            Outcome outcome = Outcome.ofCode(entry.getKey()).orElse(null);
            if (outcome == null) {
                continue;
            }
            if (outcome.attempted()) {
                attempted += count;
            }
            if (isError(outcome)) {
                errors += count;
            } else if (outcome == Outcome.HTTP_4XX) {
                http4xx += count;
            }
        }
        return new RequestCounts(scheduled, attempted, errors, http4xx, scheduled - attempted);
    }

    private static boolean isError(Outcome outcome) {
        return switch (outcome) {
            case HTTP_5XX, TRANSPORT_CONNECT, TRANSPORT_RESET, TRANSPORT_PROTOCOL, TIMEOUT -> true;
            default -> false;
        };
    }

    /** These counts and {@code other}'s together. */
    public RequestCounts plus(RequestCounts other) {
        return new RequestCounts(
                scheduled + other.scheduled,
                attempted + other.attempted,
                errors + other.errors,
                http4xx + other.http4xx,
                unsent + other.unsent);
    }

    /** Errors over attempted requests; NaN when none was attempted. */
    public double errorRate() {
        return attempted == 0 ? Double.NaN : errors / (double) attempted;
    }

    /** 4xx responses over attempted requests; NaN when none was attempted. */
    public double http4xxRate() {
        return attempted == 0 ? Double.NaN : http4xx / (double) attempted;
    }
}
