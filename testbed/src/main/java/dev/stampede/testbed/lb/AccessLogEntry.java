package dev.stampede.testbed.lb;

import io.netty.handler.codec.http.HttpHeaders;

/**
 * Everything the load balancer knows about one finished request, as the access log needs it. Built
 * once per request on the event loop when the response has been written, then rendered by a {@link
 * NginxLogFormat}.
 *
 * @param remoteAddress client address without port, e.g. {@code 127.0.3.7}
 * @param method request method, e.g. {@code POST}
 * @param uri request target as received (path and query), e.g. {@code /api/kline/600519?period=1m}
 * @param protocol e.g. {@code HTTP/1.1}
 * @param requestHeaders the client's request headers (case-insensitive lookup)
 * @param requestBody request body bytes (empty array when none)
 * @param requestLength bytes received for the request: request line, headers and body
 * @param status HTTP status sent to the client
 * @param bodyBytesSent response body bytes sent to the client
 * @param bytesSent all bytes sent to the client: status line, headers and body
 * @param requestTimeNanos from the first byte of the request to the log write
 * @param endEpochMillis wall-clock time of the log write (nginx logs requests when they end)
 * @param upstreamAddress {@code host:port} of the gateway that served it, or {@code null} when none did
 * @param upstreamResponseTimeNanos time spent waiting for the upstream, or {@code -1} when none was asked
 * @param upstreamResponseHeaders the upstream's response headers, or {@code null} when none was asked
 * @param connectionSerial serial number of the client connection (nginx {@code $connection})
 */
public record AccessLogEntry(
        String remoteAddress,
        String method,
        String uri,
        String protocol,
        HttpHeaders requestHeaders,
        byte[] requestBody,
        long requestLength,
        int status,
        long bodyBytesSent,
        long bytesSent,
        long requestTimeNanos,
        long endEpochMillis,
        String upstreamAddress,
        long upstreamResponseTimeNanos,
        HttpHeaders upstreamResponseHeaders,
        long connectionSerial) {}
