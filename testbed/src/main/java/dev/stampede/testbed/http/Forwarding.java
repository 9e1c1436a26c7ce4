package dev.stampede.testbed.http;

import dev.stampede.common.time.NanoClock;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.net.ConnectException;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;

/** Passing requests to the next tier and its responses back, as an HTTP proxy does (RFC 9110 §7.6.1). */
public final class Forwarding {

    private static final List<CharSequence> HOP_BY_HOP = List.of(
            HttpHeaderNames.CONNECTION,
            HttpHeaderNames.KEEP_ALIVE,
            HttpHeaderNames.PROXY_CONNECTION,
            HttpHeaderNames.TE,
            HttpHeaderNames.TRAILER,
            HttpHeaderNames.TRANSFER_ENCODING,
            HttpHeaderNames.UPGRADE,
            HttpHeaderNames.CONTENT_LENGTH);

    private Forwarding() {}

    /**
     * A copy of {@code incoming} to send upstream: same method, {@code uri}, end-to-end headers and body
     * (shared, with its own reference), keep-alive.
     */
    public static FullHttpRequest copy(TierRequest incoming, HttpMethod method, String uri) {
        FullHttpRequest upstream = new DefaultFullHttpRequest(
                HttpVersion.HTTP_1_1, method, uri, incoming.content().retainedDuplicate());
        upstream.headers().set(incoming.headers());
        stripHopByHop(upstream.headers());
        upstream.headers()
                .setInt(HttpHeaderNames.CONTENT_LENGTH, upstream.content().readableBytes());
        return upstream;
    }

    /** {@link #copy(TierRequest, HttpMethod, String)} with the same method and uri. */
    public static FullHttpRequest copy(TierRequest incoming) {
        return copy(incoming, incoming.method(), incoming.uri());
    }

    /**
     * Sends {@code outgoing} to {@code upstream} and relays the answer; records on {@code request} which
     * upstream answered and how long it took; turns a failure into 502/503/504 from {@code tier}.
     */
    public static CompletionStage<FullHttpResponse> forward(
            TierRequest request, UpstreamClient upstream, FullHttpRequest outgoing, NanoClock clock, String tier) {
        long sentNanos = clock.nanoTime();
        return upstream.send(outgoing).handle((response, failure) -> {
            long upstreamNanos = clock.nanoTime() - sentNanos;
            if (failure != null) {
                request.upstream(upstream.address(), upstreamNanos, null);
                return failure(tier, failure);
            }
            request.upstream(
                    upstream.address(), upstreamNanos, response.headers().copy());
            return relay(response);
        });
    }

    /** The upstream's response made ready to send on: hop-by-hop headers removed. */
    public static FullHttpResponse relay(FullHttpResponse upstream) {
        stripHopByHop(upstream.headers());
        return upstream;
    }

    /** The response for a failed upstream call: 504 on timeout, 503 when no connection was free, else 502. */
    public static FullHttpResponse failure(String tier, Throwable failure) {
        Throwable cause =
                failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof UpstreamClient.NoConnectionFreeException) {
            return Replies.error(HttpResponseStatus.SERVICE_UNAVAILABLE, tier + ": " + cause.getMessage());
        }
        if (cause instanceof TimeoutException || cause instanceof ConnectTimeoutException) {
            return Replies.error(HttpResponseStatus.GATEWAY_TIMEOUT, tier + ": upstream timed out");
        }
        String reason = cause instanceof ConnectException ? "upstream unreachable" : "upstream failed: " + cause;
        return Replies.error(HttpResponseStatus.BAD_GATEWAY, tier + ": " + reason);
    }

    private static void stripHopByHop(HttpHeaders headers) {
        String connection = headers.get(HttpHeaderNames.CONNECTION);
        if (connection != null) {
            for (String token : connection.split(",")) {
                headers.remove(token.trim());
            }
        }
        for (CharSequence name : HOP_BY_HOP) {
            headers.remove(name);
        }
    }
}
