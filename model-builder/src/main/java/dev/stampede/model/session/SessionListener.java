package dev.stampede.model.session;

/** What a {@link Sessionizer} finds, in order. Endpoints are indexes into the caller's endpoint list. */
public interface SessionListener {

    /** A session starts with a request to {@code endpoint}. */
    void started(long startMicros, int endpoint);

    /** The next request of a session, {@code thinkMicros} after the previous one started. */
    void transition(int from, int to, long thinkMicros);

    /** A session ends after {@code length} requests, the last to {@code lastEndpoint}. */
    void ended(int lastEndpoint, int length, long durationMicros);

    /**
     * A session was open when the log ended, {@code idleMicros} after its last request (less than the
     * timeout): it may have exited or been cut off by the log's end; which is not known.
     */
    void openAtLogEnd(int lastEndpoint, int length, long idleMicros, long durationMicros);
}
