package dev.stampede.testbed.lb;

import dev.stampede.common.time.NanoClock;
import dev.stampede.testbed.http.CompletionListener;
import dev.stampede.testbed.http.TierRequest;
import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import java.util.Map;

/** Turns each request the LB answered into an {@link AccessLogEntry} for the {@link AccessLogWriter}. */
public final class AccessLogging implements CompletionListener {

    private final AccessLogWriter writer;
    private final NanoClock clock;

    public AccessLogging(AccessLogWriter writer, NanoClock clock) {
        this.writer = writer;
        this.clock = clock;
    }

    @Override
    public void completed(TierRequest request, HttpResponse response, long bodyBytes, long headerBytes, long endNanos) {
        FullHttpRequest http = request.http();
        byte[] body = ByteBufUtil.getBytes(http.content());
        writer.log(new AccessLogEntry(
                request.remoteAddress(),
                http.method().name(),
                http.uri(),
                http.protocolVersion().text(),
                http.headers(),
                body,
                requestLength(http),
                response.status().code(),
                bodyBytes,
                headerBytes + bodyBytes,
                endNanos - request.startNanos(),
                clock.epochMillis(),
                request.upstreamAddress(),
                request.upstreamResponseTimeNanos(),
                request.upstreamResponseHeaders(),
                request.connectionSerial()));
    }

    /** Bytes of the request as sent: request line, header lines, blank line, body (nginx's $request_length). */
    static long requestLength(FullHttpRequest http) {
        long length = http.method().name().length()
                + 1
                + http.uri().length()
                + 1
                + http.protocolVersion().text().length()
                + 2;
        for (Map.Entry<String, String> header : http.headers()) {
            length += header.getKey().length() + 2 + header.getValue().length() + 2;
        }
        return length + 2 + http.content().readableBytes();
    }
}
