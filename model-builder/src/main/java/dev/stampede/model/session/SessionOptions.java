package dev.stampede.model.session;

/**
 * How sessions are cut: by key, ended after {@code timeoutMicros} without a request; at most {@code
 * maxActive} open at once (the least recently seen is ended early past that, and counted).
 */
public record SessionOptions(SessionKey key, long timeoutMicros, int maxActive) {

    public SessionOptions {
        if (timeoutMicros <= 0) {
            throw new IllegalArgumentException("session timeout must be positive");
        }
        if (maxActive <= 0) {
            throw new IllegalArgumentException("maxActive must be positive");
        }
    }

    /** ip+ua, 30 minutes, a million open sessions. */
    public static SessionOptions defaults() {
        return new SessionOptions(SessionKey.ipAndUserAgent(), 30L * 60 * 1_000_000, 1_000_000);
    }

    public SessionOptions withKey(SessionKey value) {
        return new SessionOptions(value, timeoutMicros, maxActive);
    }

    public SessionOptions withTimeoutMicros(long value) {
        return new SessionOptions(key, value, maxActive);
    }

    public SessionOptions withMaxActive(int value) {
        return new SessionOptions(key, timeoutMicros, value);
    }
}
