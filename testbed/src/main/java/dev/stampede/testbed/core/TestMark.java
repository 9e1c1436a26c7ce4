package dev.stampede.testbed.core;

import io.netty.handler.codec.http.HttpHeaders;

/**
 * The full-link test mark: a request whose header {@code name} equals {@code value} is test traffic and
 * writes to the shadow store. Default {@code X-Stampede-Test: 1}.
 *
 * @param name header name (case-insensitive)
 * @param value the value that marks a request (compared exactly, after trimming)
 */
public record TestMark(String name, String value) {

    /** The default mark, {@code X-Stampede-Test: 1}. */
    public static final TestMark DEFAULT = new TestMark("X-Stampede-Test", "1");

    public TestMark {
        if (name == null || name.isBlank() || value == null || value.isBlank()) {
            throw new IllegalArgumentException("the test mark needs a header name and a value");
        }
        name = name.trim();
        value = value.trim(); // header values arrive trimmed; an untrimmed setting could never match
    }

    /** What a request's headers say about the mark. */
    public Presence presenceIn(HttpHeaders headers) {
        String seen = headers.get(name);
        if (seen == null) {
            return Presence.ABSENT;
        }
        return seen.trim().equals(value) ? Presence.MARKED : Presence.UNRECOGNISED;
    }

    /** Whether a request is test traffic. */
    public enum Presence {
        /** No mark: live traffic. */
        ABSENT,
        /** The mark with the expected value: test traffic. */
        MARKED,
        /**
         * The header with another value. Refused: a mistyped mark must not quietly write to the live store.
         */
        UNRECOGNISED
    }
}
