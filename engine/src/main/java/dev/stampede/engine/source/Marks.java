package dev.stampede.engine.source;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The full-link marks every request carries, so the chain under test can tell test traffic from real
 * traffic and a request can be followed through it: the test-mark header (null name: off), W3C {@code
 * traceparent} (trace id derived from the run id and the request's number: {@link TraceIds}) and W3C
 * {@code baggage} ({@code stampede.run=<run id>} plus the given entries). Recorded values of these
 * headers are never replayed: a replay is marked as this run, not as the recording. Immutable.
 *
 * @param testHeader the test-mark header's name, or null for unmarked traffic
 * @param testValue its value
 * @param traceparent whether to send {@code traceparent}
 * @param baggage extra {@code baggage} entries (keys and values sent as given; percent-encode them)
 */
public record Marks(String testHeader, String testValue, boolean traceparent, Map<String, String> baggage) {

    /** The default: {@code X-Stampede-Test: 1}, {@code traceparent}, and the run in {@code baggage}. */
    public static final Marks DEFAULT = new Marks("X-Stampede-Test", "1", true, Map.of());

    public Marks {
        if (testHeader != null && (testHeader.isBlank() || testValue == null || testValue.isBlank())) {
            throw new IllegalArgumentException("the test mark needs a header name and a value");
        }
        baggage = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(baggage));
    }

    /** These marks without the test-mark header (production-like, unmarked traffic). */
    public Marks unmarked() {
        return new Marks(null, null, traceparent, baggage);
    }

    /** Whether a recorded header of this name is replaced by a mark (never replayed as recorded). */
    public boolean replaces(String headerName) {
        return headerName.equalsIgnoreCase("traceparent")
                || headerName.equalsIgnoreCase("tracestate")
                || headerName.equalsIgnoreCase("baggage")
                || (testHeader != null && headerName.equalsIgnoreCase(testHeader));
    }

    /** The {@code baggage} value for a run: {@code stampede.run=<run id>}, then the extra entries. */
    public String baggageValue(String runId) {
        StringBuilder value = new StringBuilder("stampede.run=").append(runId);
        baggage.forEach((k, v) -> value.append(',').append(k).append('=').append(v));
        return value.toString();
    }
}
