package dev.stampede.engine.scenario;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Full-link marks on every request, so the chain can tell test traffic from real traffic.
 *
 * @param test the test-mark header; null when turned off (only by an explicit {@code test: false})
 * @param traceparent whether to send a W3C {@code traceparent} (trace id from run id and sequence)
 * @param baggage extra W3C {@code baggage} entries, in file order; {@code stampede.run=<run id>} is
 *     always added
 */
public record Marks(TestMark test, boolean traceparent, Map<String, String> baggage) {

    /** The baggage key Stampede sets itself. */
    public static final String RUN_BAGGAGE_KEY = "stampede.run";

    /** Test mark {@code X-Stampede-Test: 1}, traceparent on, no extra baggage. */
    public static final Marks DEFAULT = new Marks(TestMark.DEFAULT, true, Map.of());

    /**
     * The header that marks a request as a test.
     *
     * @param header the header name (default {@code X-Stampede-Test})
     * @param value its value (default {@code 1})
     */
    public record TestMark(String header, String value) {

        /** {@code X-Stampede-Test: 1}. */
        public static final TestMark DEFAULT = new TestMark("X-Stampede-Test", "1");

        /** Checks for nulls. */
        public TestMark {
            Objects.requireNonNull(header, "header");
            Objects.requireNonNull(value, "value");
        }
    }

    /** Copies the baggage, keeping order. */
    public Marks {
        baggage = Collections.unmodifiableMap(new LinkedHashMap<>(baggage));
    }
}
