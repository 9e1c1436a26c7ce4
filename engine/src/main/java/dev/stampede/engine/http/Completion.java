package dev.stampede.engine.http;

/**
 * Receives the end of one send, exactly once per {@link RequestSender#send} call.
 *
 * <p>Called on the pool's event loop, except for sends refused at once ({@link
 * SendResult#UNSENT_INFLIGHT_CAP}, and {@link SendResult#UNSENT_STOPPED} after a stop), which complete
 * on the thread that called {@code send}: refusing costs the event loop nothing when it is the
 * bottleneck. Implementations must therefore be safe to call from two threads (HdrHistogram's {@code
 * Recorder} is), must not block and should not throw (a throw is counted in {@link
 * RequestSender#callbackErrors()} and otherwise ignored). On the hot path: no allocation expected.
 */
@FunctionalInterface
public interface Completion {

    /** {@code sentNanos} of a request that never reached the wire. */
    long NOT_SENT = Long.MIN_VALUE;

    /**
     * One send ended.
     *
     * @param endpoint the endpoint index given to {@code send}
     * @param intendedNanos the intended send time given to {@code send}
     * @param sentNanos when the request was written (pool clock), or {@link #NOT_SENT}
     * @param doneNanos when it ended (pool clock)
     * @param status the HTTP status, or 0 without a complete response
     * @param bodyBytes response body bytes received (counted, not kept)
     * @param result how it ended
     */
    void done(
            int endpoint,
            long intendedNanos,
            long sentNanos,
            long doneNanos,
            int status,
            long bodyBytes,
            SendResult result);

    /**
     * One send of {@code request} ended: what the pools call. The default forwards to {@link #done(int,
     * long, long, long, int, long, SendResult)}; a completion that wants the request itself (its trace
     * id, for the result journal) overrides this one.
     */
    default void done(
            RequestTemplate request,
            int endpoint,
            long intendedNanos,
            long sentNanos,
            long doneNanos,
            int status,
            long bodyBytes,
            SendResult result) {
        done(endpoint, intendedNanos, sentNanos, doneNanos, status, bodyBytes, result);
    }
}
