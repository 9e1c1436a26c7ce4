package dev.stampede.engine.http;

import io.netty.handler.codec.http.HttpHeaders;

/**
 * Sees the head of the response to a request whose template asked for it ({@link
 * RequestTemplate.Builder#onResponse}): how a replay learns the session a login created. Called on the
 * pool's event loop before the request's completion, at most once per send (not for informational
 * 1xx heads); must be quick, must not block, and should not throw (a throw is counted in the pool's
 * callback errors and otherwise ignored). Only requests that need it carry one.
 */
@FunctionalInterface
public interface ResponseListener {

    /** The final response's status and headers (valid only during the call). */
    void onResponse(int status, HttpHeaders headers);

    /**
     * The send ended, however it ended (after {@link #onResponse} when there was a response), just
     * before its completion: exactly once per send. On the event loop, or on the sending thread for a
     * send refused at once.
     */
    default void onEnd(SendResult result) {}
}
