package dev.stampede.engine.source;

import dev.stampede.engine.http.HttpTarget;
import dev.stampede.engine.http.RequestTemplate;
import java.util.Locale;
import java.util.Set;

/**
 * Applies a run's {@link Rewrite} and {@link Marks} to every request a source makes, whatever the
 * source: the path after prefix mapping, the {@code Host}, which recorded headers may pass, the set
 * headers, the test mark, {@code baggage} and {@code traceparent}. Immutable; used from the sender
 * thread (and once, for shared templates, before the run).
 */
public final class RequestShaper {

    /** Headers that belong to one connection or are computed per request: never replayed as recorded. */
    private static final Set<String> MANAGED = Set.of(
            "host",
            "content-length",
            "transfer-encoding",
            "connection",
            "keep-alive",
            "proxy-connection",
            "upgrade",
            "te",
            "trailer",
            "expect",
            "cookie");

    private final HttpTarget target;
    private final Rewrite rewrite;
    private final Marks marks;
    private final TraceIds traces;
    private final String baggage;
    private final String runId;

    public RequestShaper(HttpTarget target, Rewrite rewrite, Marks marks, String runId) {
        this.target = target;
        this.rewrite = rewrite;
        this.marks = marks;
        this.traces = new TraceIds(runId);
        this.baggage = marks.baggageValue(runId);
        this.runId = runId;
    }

    /** The run's id (in {@code baggage} and hashed into every trace id). */
    public String runId() {
        return runId;
    }

    /** The marks applied. */
    public Marks marks() {
        return marks;
    }

    /** The run's trace ids. */
    public TraceIds traces() {
        return traces;
    }

    /** A builder for {@code method} and {@code pathAndQuery} (after prefix mapping) with the rewritten {@code Host}. */
    public RequestTemplate.Builder start(String method, String pathAndQuery) {
        RequestTemplate.Builder builder = RequestTemplate.builder(target, method, rewrite.path(pathAndQuery));
        if (rewrite.host() != null) {
            builder.header("Host", rewrite.host());
        }
        return builder;
    }

    /** Whether a recorded header of this name may be sent as recorded. */
    public boolean passes(String headerName) {
        return !MANAGED.contains(headerName.toLowerCase(Locale.ROOT))
                && !rewrite.drops(headerName)
                && !marks.replaces(headerName);
    }

    /**
     * Adds the set headers and the marks. With {@code requestNumber} below 0 the {@code traceparent} is a
     * placeholder, for a shared template filled per request with {@link #trace}; otherwise it is that
     * request's.
     */
    public RequestTemplate.Builder finish(RequestTemplate.Builder builder, long requestNumber) {
        rewrite.setHeaders().forEach(builder::header);
        if (marks.testHeader() != null) {
            builder.header(marks.testHeader(), marks.testValue());
        }
        builder.header("baggage", baggage);
        if (marks.traceparent()) {
            if (requestNumber < 0) {
                builder.traceparentPlaceholder();
            } else {
                builder.trace(traces.high(), traces.low(requestNumber), traces.span(requestNumber));
            }
        }
        return builder;
    }

    /** A shared template as request {@code requestNumber}: its {@code traceparent} filled, if it has one. */
    public RequestTemplate trace(RequestTemplate shared, long requestNumber) {
        if (!shared.hasTraceparent()) {
            return shared;
        }
        return shared.withTrace(traces.high(), traces.low(requestNumber), traces.span(requestNumber));
    }
}
