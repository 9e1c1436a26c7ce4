package dev.stampede.testbed.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Validity follows W3C Trace Context level 1, section 3.2 (version 00). */
class TraceParentTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String PARENT_ID = "00f067aa0ba902b7";
    private static final String VALID = "00-" + TRACE_ID + "-" + PARENT_ID + "-01";
    private static final String NEW_TRACE = "00-[0-9a-f]{32}-[0-9a-f]{16}-01";

    private static HttpHeaders headers(String traceparent) {
        return new DefaultHttpHeaders().add("Host", "testbed").add(TraceParent.HEADER, traceparent);
    }

    @Test
    void readsTheTraceIdOfAValidHeader() {
        assertThat(TraceParent.traceId(headers(VALID))).isEqualTo(TRACE_ID);
        assertThat(TraceParent.traceId(headers("00-" + TRACE_ID + "-" + PARENT_ID + "-00")))
                .isEqualTo(TRACE_ID);
    }

    @Test
    void theHeaderNameIsCaseInsensitive() {
        HttpHeaders headers = new DefaultHttpHeaders().add("TraceParent", VALID);

        assertThat(TraceParent.traceId(headers)).isEqualTo(TRACE_ID);
    }

    @Test
    void noHeaderMeansNoTraceId() {
        assertThat(TraceParent.traceId(new DefaultHttpHeaders())).isNull();
    }

    /** Malformed in the trace id, or in the overall shape. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "00",
                "00-" + TRACE_ID,
                "00-" + TRACE_ID + "-" + PARENT_ID,
                "00-" + TRACE_ID + "-" + PARENT_ID + "-01-extra",
                "00-4bf92f3577b34da6a3ce929d0e0e473-" + PARENT_ID + "-01",
                "00-4bf92f3577b34da6a3ce929d0e0e47366-" + PARENT_ID + "-01",
                "00-4bf92f3577b34da6a3ce929d0e0e473g-" + PARENT_ID + "-01",
                "00-4BF92F3577B34DA6A3CE929D0E0E4736-" + PARENT_ID + "-01",
                "00-4bf92f3577b34da6a3ce929d0e0e473A-" + PARENT_ID + "-01",
                "00-00000000000000000000000000000000-" + PARENT_ID + "-01",
                "00-" + TRACE_ID + "-00f067aa0ba902b-01",
                "00-" + TRACE_ID + "-00f067aa0ba902b77-01",
                "00-" + TRACE_ID + "-" + PARENT_ID + "-1",
                "00-" + TRACE_ID + "-" + PARENT_ID + "-001",
                "0-" + TRACE_ID + "-" + PARENT_ID + "-01",
                "00_" + TRACE_ID + "_" + PARENT_ID + "_01",
                "00--" + TRACE_ID + "-" + PARENT_ID + "-01"
            })
    void aMalformedTraceIdOrShapeGivesNoTraceId(String traceparent) {
        assertThat(TraceParent.traceId(headers(traceparent))).isNull();
    }

    /**
     * Well-formed trace id, but another field is invalid. The spec says a vendor MUST ignore the whole
     * {@code traceparent} then (parent id: lowercase hex, not all zeros; version: 2 hex digits, not ff;
     * flags: 2 hex digits; version 00 has exactly four fields).
     */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "00-" + TRACE_ID + "-00f067aa0ba902bz-01",
                "00-" + TRACE_ID + "-00F067AA0BA902B7-01",
                "00-" + TRACE_ID + "-0000000000000000-01",
                "00-" + TRACE_ID + "-" + PARENT_ID + "-zz",
                "0x-" + TRACE_ID + "-" + PARENT_ID + "-01",
                "ff-" + TRACE_ID + "-" + PARENT_ID + "-01",
                "00-" + TRACE_ID + "-" + PARENT_ID + "-01-"
            })
    void anInvalidVersionParentIdOrFlagsInvalidatesTheWholeHeader(String traceparent) {
        assertThat(TraceParent.traceId(headers(traceparent))).isNull();
    }

    @Test
    void nextKeepsTheTraceIdAndFlagsWithANewParentId() {
        for (String flags : new String[] {"01", "00"}) {
            String incoming = "00-" + TRACE_ID + "-" + PARENT_ID + "-" + flags;

            String next = TraceParent.next(headers(incoming), new SplittableRandom(1L));

            assertThat(next).matches("00-" + TRACE_ID + "-[0-9a-f]{16}-" + flags);
            assertThat(next.substring(36, 52)).isNotEqualTo(PARENT_ID).isNotEqualTo("0000000000000000");
            assertThat(TraceParent.traceId(headers(next))).isEqualTo(TRACE_ID);
        }
    }

    @Test
    void nextGivesEachHopItsOwnParentId() {
        SplittableRandom random = new SplittableRandom(2L);
        Set<String> parents = new HashSet<>();
        String hop = VALID;
        for (int i = 0; i < 100; i++) {
            hop = TraceParent.next(headers(hop), random);
            assertThat(hop).startsWith("00-" + TRACE_ID + "-").endsWith("-01");
            parents.add(hop.substring(36, 52));
        }

        assertThat(parents).hasSize(100).doesNotContain(PARENT_ID);
    }

    @Test
    void nextStartsAValidNewTraceWithoutAnIncomingHeader() {
        SplittableRandom random = new SplittableRandom(3L);
        Set<String> traceIds = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            String next = TraceParent.next(new DefaultHttpHeaders(), random);

            assertThat(next).matches(NEW_TRACE).hasSize(55);
            assertThat(TraceParent.traceId(headers(next))).isEqualTo(next.substring(3, 35));
            traceIds.add(next.substring(3, 35));
        }

        assertThat(traceIds).hasSize(100);
    }

    @Test
    void nextStartsANewTraceInsteadOfAMalformedOne() {
        String malformed = "00-00000000000000000000000000000000-" + PARENT_ID + "-00";

        String next = TraceParent.next(headers(malformed), new SplittableRandom(4L));

        assertThat(next).matches(NEW_TRACE);
        assertThat(TraceParent.traceId(headers(next))).isNotNull();
    }

    @Test
    void nextNeverSendsAMalformedHeaderOnward() {
        String incoming = "00-" + TRACE_ID + "-" + PARENT_ID + "-01-";

        String next = TraceParent.next(headers(incoming), new SplittableRandom(5L));

        assertThat(next).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");
    }

    @Test
    void nextIsDeterministicForASeed() {
        assertThat(TraceParent.next(new DefaultHttpHeaders(), new SplittableRandom(6L)))
                .isEqualTo(TraceParent.next(new DefaultHttpHeaders(), new SplittableRandom(6L)));
    }
}
