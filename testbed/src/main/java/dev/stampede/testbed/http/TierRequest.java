package dev.stampede.testbed.http;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One request as a tier sees it: the decoded HTTP request plus what the server knows about it (client
 * address, arrival time, connection) and what the handler reports back (the route template, and for a
 * proxy the upstream that answered).
 */
public final class TierRequest {

    /** Route label for requests no route matched; one label keeps metrics cardinality bounded. */
    public static final String UNMATCHED_ROUTE = "unmatched";

    private final FullHttpRequest http;
    private final QueryStringDecoder uri;
    private final String remoteAddress;
    private final long startNanos;
    private final long connectionSerial;
    private volatile String route = UNMATCHED_ROUTE;
    private volatile String upstreamAddress;
    private volatile long upstreamResponseTimeNanos = -1;
    private volatile HttpHeaders upstreamResponseHeaders;

    TierRequest(FullHttpRequest http, String remoteAddress, long startNanos, long connectionSerial) {
        this.http = http;
        this.uri = new QueryStringDecoder(http.uri());
        this.remoteAddress = remoteAddress;
        this.startNanos = startNanos;
        this.connectionSerial = connectionSerial;
    }

    /** The request itself (borrowed: valid until the handler's future completes). */
    public FullHttpRequest http() {
        return http;
    }

    public HttpMethod method() {
        return http.method();
    }

    /** The request target as received, path and query. */
    public String uri() {
        return http.uri();
    }

    /** The decoded path, without the query. */
    public String path() {
        return uri.path();
    }

    /** The first value of query parameter {@code name}, or {@code null}. */
    public String queryParam(String name) {
        List<String> values = uri.parameters().get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public HttpHeaders headers() {
        return http.headers();
    }

    public ByteBuf content() {
        return http.content();
    }

    /** The body as UTF-8 text. */
    public String bodyText() {
        return http.content().toString(StandardCharsets.UTF_8);
    }

    /** Client IP address, without the port. */
    public String remoteAddress() {
        return remoteAddress;
    }

    /** {@link dev.stampede.common.time.NanoClock#nanoTime()} when the request had arrived. */
    public long startNanos() {
        return startNanos;
    }

    /** Serial number of the client connection within this tier, from 1. */
    public long connectionSerial() {
        return connectionSerial;
    }

    /** Sets the route template this request matched, e.g. {@code GET /api/quote/{code}}. */
    public void route(String template) {
        this.route = template;
    }

    public String route() {
        return route;
    }

    /** Records which upstream answered and how long it took (proxies only). */
    public void upstream(String address, long responseTimeNanos, HttpHeaders responseHeaders) {
        this.upstreamAddress = address;
        this.upstreamResponseTimeNanos = responseTimeNanos;
        this.upstreamResponseHeaders = responseHeaders;
    }

    /** {@code host:port} of the upstream that answered, or {@code null}. */
    public String upstreamAddress() {
        return upstreamAddress;
    }

    /** Time the upstream took, or {@code -1} when none was asked. */
    public long upstreamResponseTimeNanos() {
        return upstreamResponseTimeNanos;
    }

    /** The upstream's response headers, or {@code null} when none was asked. */
    public HttpHeaders upstreamResponseHeaders() {
        return upstreamResponseHeaders;
    }
}
