package dev.stampede.engine.measure;

import java.util.List;
import java.util.Optional;

/**
 * How one scheduled request ended. Every scheduled request ends as exactly one outcome, so the counts
 * by outcome add up to the schedule (DESIGN.md, "Nothing is silently dropped").
 *
 * <p>Each outcome has a stable lower-case {@link #code()} used in result files ({@code run.json}); the
 * code, not the constant's name or its ordinal, is the contract, so constants may be renamed or added
 * (readers must accept codes they do not know). Outcomes are either <em>attempted</em> (the sender
 * took the request and tried: it got a response, a transport error or a timeout) or <em>unsent</em>
 * (the request was never handed to a connection, with the reason in the outcome).
 */
public enum Outcome {
    /** A 2xx response. */
    OK("ok", true),
    /** A 4xx response. */
    HTTP_4XX("http_4xx", true),
    /** A 5xx response. */
    HTTP_5XX("http_5xx", true),
    /** A response with a status a load test does not expect as final: 1xx, 3xx, or outside 100-599. */
    HTTP_OTHER("http_other", true),
    /** The connection could not be opened (refused, unreachable, TLS handshake failed). */
    TRANSPORT_CONNECT("transport_connect", true),
    /** The connection was reset or closed before the response was complete. */
    TRANSPORT_RESET("transport_reset", true),
    /** The peer broke the protocol (malformed response, HTTP/2 stream error). */
    TRANSPORT_PROTOCOL("transport_protocol", true),
    /** No complete response within the request timeout. */
    TIMEOUT("timeout", true),
    /** Not sent: the in-flight cap was reached when the request was due. */
    UNSENT_INFLIGHT_CAP("unsent_inflight_cap", false),
    /** Not sent: the run was stopped (Ctrl-C, control API, guard) before the request went out. */
    UNSENT_STOPPED("unsent_stopped", false);

    /** All outcomes in declaration order; indexed by {@link #ordinal()}. */
    public static final List<Outcome> ALL = List.of(values());

    /** The number of outcomes, the length of per-outcome counter arrays. */
    public static final int COUNT = ALL.size();

    private final String code;
    private final boolean attempted;

    Outcome(String code, boolean attempted) {
        this.code = code;
        this.attempted = attempted;
    }

    /** The stable lower-case name used in result files, e.g. {@code "http_5xx"}. */
    public String code() {
        return code;
    }

    /**
     * Whether the sender took the request and tried to send it. Attempted requests record latency,
     * service time and send lag up to the moment their outcome was decided; unsent ones only count.
     */
    public boolean attempted() {
        return attempted;
    }

    /**
     * The outcome of a complete response with this status. Hot path: allocates nothing.
     *
     * @param status the HTTP status code
     */
    public static Outcome ofHttpStatus(int status) {
        if (status >= 200 && status < 300) {
            return OK;
        }
        if (status >= 400 && status < 500) {
            return HTTP_4XX;
        }
        if (status >= 500 && status < 600) {
            return HTTP_5XX;
        }
        return HTTP_OTHER;
    }

    /** The outcome with this {@link #code()}, or empty for a code this version does not know. */
    public static Optional<Outcome> ofCode(String code) {
        for (Outcome outcome : ALL) {
            if (outcome.code.equals(code)) {
                return Optional.of(outcome);
            }
        }
        return Optional.empty();
    }
}
