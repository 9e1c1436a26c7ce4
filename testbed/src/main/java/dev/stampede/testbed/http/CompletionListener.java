package dev.stampede.testbed.http;

import io.netty.handler.codec.http.HttpResponse;

/** Told about every request a tier has answered, after the response was written (the LB logs here). */
@FunctionalInterface
public interface CompletionListener {

    /**
     * Called on the connection's event loop once the response is on the wire.
     *
     * @param request the request (its buffers are still valid during this call)
     * @param response status and headers sent
     * @param bodyBytes response body bytes sent
     * @param headerBytes bytes of the status line and headers sent
     * @param endNanos clock reading when the write completed
     */
    void completed(TierRequest request, HttpResponse response, long bodyBytes, long headerBytes, long endNanos);
}
